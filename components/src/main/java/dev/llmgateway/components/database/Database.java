package dev.llmgateway.components.database;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL for LiteLLM's keys, budgets and spend: Aurora PostgreSQL (Serverless v2 or
 * provisioned, writer plus readers) or an RDS instance. Encrypted with the customer key, TLS
 * forced by parameter group, placed in isolated subnets behind a security group that admits only
 * the groups granted through {@link #allowFrom}, backed up, logged, protected from deletion by
 * default, with an RDS-managed master password in Secrets Manager.
 */
public class Database extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:database:Database";
    /** PostgreSQL port. */
    public static final int PORT = 5432;
    /** Classes without Performance Insights support (RDS user guide, "Performance Insights support"). */
    private static final Set<String> NO_PERFORMANCE_INSIGHTS = Set.of("db.t4g.micro", "db.t4g.small", "db.t3.micro", "db.t3.small");

    private final String name;
    private final DatabaseEngine engine;
    private final SecurityGroup securityGroup;
    private final Output<String> endpoint;
    private final Output<String> readerEndpoint;
    private final Output<Integer> port;
    private final Output<String> masterSecretArn;
    private final Output<String> arn;
    private final Output<String> resourceId;
    private final Map<String, String> metricDimensions;

    /** Creates the database. */
    public Database(String name, DatabaseArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        this.engine = args.engine();
        var child = CustomResourceOptions.builder().parent(this).build();

        var subnets = new SubnetGroup(name, SubnetGroupArgs.builder()
                .subnetIds(args.subnetIds())
                .description("LiteLLM database: isolated subnets")
                .build(), child);
        // No rules at creation: ingress comes only from allowFrom(), and the database initiates nothing.
        this.securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("PostgreSQL: only from granted security groups")
                .build(), child);

        // Created first so RDS exports into a group with retention and the customer key.
        var logs = new LogGroup(name + "-postgresql", LogGroupArgs.builder()
                .name("/aws/rds/" + (args.aurora() ? "cluster" : "instance") + "/" + name + "/postgresql")
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child);
        var stateful = CustomResourceOptions.builder().parent(this).dependsOn(logs)
                .protect(args.protect()).retainOnDelete(args.protect()).build();

        if (args.aurora()) {
            var cluster = auroraCluster(name, args, subnets, stateful);
            auroraInstances(name, args, cluster, child);
            this.endpoint = cluster.endpoint();
            this.readerEndpoint = cluster.readerEndpoint();
            this.port = cluster.port();
            this.masterSecretArn = cluster.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
            this.arn = cluster.arn();
            this.resourceId = cluster.clusterResourceId();
            this.metricDimensions = Map.of("DBClusterIdentifier", name);
        } else {
            var instance = rdsInstance(name, args, subnets, stateful);
            this.endpoint = instance.address();
            this.readerEndpoint = instance.address();
            this.port = instance.port();
            this.masterSecretArn = instance.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
            this.arn = instance.arn();
            this.resourceId = instance.resourceId();
            this.metricDimensions = Map.of("DBInstanceIdentifier", name);
        }
        registerOutputs(Map.of(
                "endpoint", endpoint,
                "port", port,
                "securityGroupId", securityGroup.id(),
                "masterSecretArn", masterSecretArn));
    }

    /** Admits PostgreSQL connections from one security group (and nothing else). */
    public void allowFrom(String ruleName, Output<String> sourceSecurityGroupId) {
        new SecurityGroupIngressRule(name + "-from-" + ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroup.id())
                .referencedSecurityGroupId(sourceSecurityGroupId)
                .ipProtocol("tcp").fromPort(PORT).toPort(PORT)
                .description("PostgreSQL from " + ruleName)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** The database's security group. */
    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    /** Writer host name. */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** Reader host name (the writer's for an RDS instance). */
    public Output<String> readerEndpoint() {
        return readerEndpoint;
    }

    /** Port. */
    public Output<Integer> port() {
        return port;
    }

    /** ARN of the RDS-managed master secret (JSON keys {@code username}, {@code password}). */
    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }

    /**
     * The ARN an IAM policy grants {@code rds-db:connect} on, for one database user that authenticates with
     * IAM tokens: {@code arn:aws:rds-db:<region>:<account>:dbuser:<cluster or instance resource id>/<user>}
     * (RDS user guide, "Creating and using an IAM policy for IAM database access").
     */
    public Output<String> iamConnectArn(String dbUser) {
        return Output.tuple(arn, resourceId).applyValue(t -> {
            String[] parts = t.t1.split(":");
            return "arn:" + parts[1] + ":rds-db:" + parts[3] + ":" + parts[4] + ":dbuser:" + t.t2 + "/" + dbUser;
        });
    }

    /** CloudWatch dimensions that identify the database in {@code AWS/RDS} metrics. */
    public Map<String, String> metricDimensions() {
        return metricDimensions;
    }

    /** The engine. */
    public DatabaseEngine engine() {
        return engine;
    }

    private Cluster auroraCluster(String name, DatabaseArgs args, SubnetGroup subnets, CustomResourceOptions options) {
        var parameters = new ClusterParameterGroup(name, ClusterParameterGroupArgs.builder()
                .family("aurora-postgresql" + args.majorVersion())
                .description("LiteLLM: TLS only, slow statements logged")
                .parameters(
                        ClusterParameterGroupParameterArgs.builder().name("rds.force_ssl").value("1").build(),
                        ClusterParameterGroupParameterArgs.builder().name("log_min_duration_statement").value("1000").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var cluster = ClusterArgs.builder()
                .clusterIdentifier(name)
                .engine("aurora-postgresql")
                .engineMode("provisioned")
                .engineVersion(args.engineVersion())
                .databaseName(args.databaseName())
                .masterUsername(args.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(args.kmsKeyArn())
                .storageEncrypted(true)
                .kmsKeyId(args.kmsKeyArn())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(Output.all(securityGroup.id()))
                .dbClusterParameterGroupName(parameters.name())
                .backupRetentionPeriod(args.backupRetentionDays())
                .preferredBackupWindow("03:00-04:00")
                .copyTagsToSnapshot(true)
                .deletionProtection(args.deletionProtection())
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(name + "-final")
                .enabledCloudwatchLogsExports("postgresql")
                .iamDatabaseAuthenticationEnabled(args.iamAuthentication());
        if (args.engine() == DatabaseEngine.AURORA_SERVERLESS_V2) {
            var scaling = ClusterServerlessv2ScalingConfigurationArgs.builder()
                    .minCapacity(args.minCapacity())
                    .maxCapacity(args.maxCapacity());
            if (args.minCapacity() == 0) {
                scaling.secondsUntilAutoPause(args.secondsUntilAutoPause());
            }
            cluster.serverlessv2ScalingConfiguration(scaling.build());
        }
        return new Cluster(name, cluster.build(), options);
    }

    private void auroraInstances(String name, DatabaseArgs args, Cluster cluster, CustomResourceOptions options) {
        boolean insights = args.performanceInsights() && !NO_PERFORMANCE_INSIGHTS.contains(args.instanceClass());
        for (int i = 0; i <= args.readers(); i++) {
            int index = i;
            var instance = ClusterInstanceArgs.builder()
                    .identifier(name + "-" + (i + 1))
                    .clusterIdentifier(cluster.id())
                    .instanceClass(args.instanceClass())
                    .engine("aurora-postgresql")
                    .engineVersion(args.engineVersion())
                    .promotionTier(i == 0 ? 0 : 1)
                    .publiclyAccessible(false)
                    .autoMinorVersionUpgrade(true)
                    .performanceInsightsEnabled(insights);
            if (insights) {
                instance.performanceInsightsKmsKeyId(args.kmsKeyArn());
            }
            args.availabilityZones().ifPresent(zones -> instance.availabilityZone(zones.applyValue(z -> z.get(index % z.size()))));
            new ClusterInstance(name + "-" + (i + 1), instance.build(), options);
        }
    }

    private Instance rdsInstance(String name, DatabaseArgs args, SubnetGroup subnets, CustomResourceOptions options) {
        var parameters = new ParameterGroup(name, ParameterGroupArgs.builder()
                .family("postgres" + args.majorVersion())
                .description("LiteLLM: TLS only, slow statements logged")
                .parameters(
                        ParameterGroupParameterArgs.builder().name("rds.force_ssl").value("1").build(),
                        ParameterGroupParameterArgs.builder().name("log_min_duration_statement").value("1000").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        boolean insights = args.performanceInsights() && !NO_PERFORMANCE_INSIGHTS.contains(args.instanceClass());
        var instance = InstanceArgs.builder()
                .identifier(name)
                .engine("postgres")
                .engineVersion(args.engineVersion())
                .instanceClass(args.instanceClass())
                .allocatedStorage(args.allocatedStorageGb())
                .maxAllocatedStorage(args.maxAllocatedStorageGb())
                .storageType("gp3")
                .storageEncrypted(true)
                .kmsKeyId(args.kmsKeyArn())
                .multiAz(args.multiAz())
                .dbName(args.databaseName())
                .username(args.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(args.kmsKeyArn())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(Output.all(securityGroup.id()))
                .parameterGroupName(parameters.name())
                .publiclyAccessible(false)
                .autoMinorVersionUpgrade(true)
                .backupRetentionPeriod(args.backupRetentionDays())
                .backupWindow("03:00-04:00")
                .copyTagsToSnapshot(true)
                .deletionProtection(args.deletionProtection())
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(name + "-final")
                .enabledCloudwatchLogsExports("postgresql", "upgrade")
                .iamDatabaseAuthenticationEnabled(args.iamAuthentication())
                .performanceInsightsEnabled(insights);
        if (insights) {
            instance.performanceInsightsKmsKeyId(args.kmsKeyArn());
        }
        return new Instance(name, instance.build(), options);
    }
}

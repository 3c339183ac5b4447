package dev.llmgateway.components.database;

import dev.llmgateway.components.support.AwsScope;
import dev.llmgateway.components.support.Json;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
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
import com.pulumi.aws.rds.inputs.ClusterRestoreToPointInTimeArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.inputs.InstanceRestoreToPointInTimeArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.core.Output;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.components.support.StartStopSchedule;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.random.RandomId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL for LiteLLM's keys, budgets and spend: Aurora PostgreSQL (Serverless v2 or
 * provisioned, writer plus readers) or an RDS instance. Encrypted with the customer key, TLS
 * forced by parameter group, placed in isolated subnets behind a security group that admits only
 * the groups granted through {@link #allowFrom}, backed up, logged, protected from deletion by
 * default, with an RDS-managed master password in Secrets Manager.
 */
public class Database extends ComponentResource implements Connectable {

    /** Starts and stops an RDS instance (RDS API StartDBInstance / StopDBInstance). */
    private static final StartStopSchedule SCHEDULE = new StartStopSchedule("StartStopDatabase", "rds", "startDBInstance",
            "stopDBInstance", List.of("rds:StartDBInstance", "rds:StopDBInstance"));

    /** Type token. */
    public static final String TYPE = "llmgateway:database:Database";
    /** PostgreSQL port. */
    public static final int PORT = 5432;
    /** Property whose drift AWS causes (automatic minor version upgrades) and that is therefore ignored. */
    private static final String ENGINE_VERSION = "engineVersion";
    /**
     * Where the data came from: RDS reads it at creation only, and both are force-new in the provider, so a change
     * (a restore source set later for another database, or cleared) must not replace a live database.
     */
    private static final String[] RESTORE = {"snapshotIdentifier", "restoreToPointInTime"};
    /**
     * The (cluster) parameter group's settings: TLS only ({@code rds.force_ssl}); statements slower than a second
     * logged, but never their bind parameters, which carry prompts, keys and spend rows
     * ({@code log_parameter_max_length}: "Zero disables logging of bind parameters for non-error statement logs",
     * -1, the default, logs them in full; {@code log_parameter_max_length_on_error} does the same for errors; both
     * PostgreSQL 13 and later, docs "Error Reporting and Logging"). {@code DatabaseLogParametersTest} runs them on a
     * PostgreSQL server.
     */
    public static final Map<String, String> PARAMETERS = parameters();
    /** Classes without Performance Insights support (RDS user guide, "Performance Insights support"). */
    private static final Set<String> NO_PERFORMANCE_INSIGHTS = Set.of("db.t4g.micro", "db.t4g.small", "db.t3.micro", "db.t3.small");

    private final String name;
    private final DatabaseEngine engine;
    private final Output<String> subnetGroupName;
    private Output<String> parameterGroupName;
    private final SecurityGroup securityGroup;
    private final Connections connections;
    private final Output<String> endpoint;
    private final Output<String> readerEndpoint;
    private final Output<Integer> port;
    private final Output<String> masterSecretArn;
    private final Output<String> arn;
    private final Output<String> resourceId;
    private final Map<String, String> metricDimensions;
    private final Optional<Instance> instance;
    private final Resource writer;

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
        this.subnetGroupName = subnets.name();
        // No rules at creation: ingress comes only from allowFrom(), and the database initiates nothing.
        this.securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("PostgreSQL: only from granted security groups")
                .build(), child);
        this.connections = Connections.of(this, name, "database", "database", securityGroup.id()).withDefaultPort(PORT);

        // Created first so RDS exports into groups with retention and the customer key: RDS would otherwise
        // create each exported group itself, unencrypted, never expiring, and left behind by destroy.
        List<Resource> logs = new ArrayList<>();
        for (String type : exportedLogs(args.engine())) {
            logs.add(new LogGroup(name + "-" + type, LogGroupArgs.builder()
                    .name("/aws/rds/" + (args.aurora() ? "cluster" : "instance") + "/" + name + "/" + type)
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.kmsKeyArn())
                    .build(), child));
        }
        var stateful = CustomResourceOptions.builder().parent(this).dependsOn(logs)
                .protect(args.protect()).retainOnDelete(args.protect())
                .ignoreChanges(ENGINE_VERSION, RESTORE[0], RESTORE[1]).build();

        // A final snapshot name used once: the next stack on the same name (destroy, then up, then destroy
        // again) or a replacement gets a new suffix instead of failing on "snapshot already exists".
        var snapshotSuffix = new RandomId(name + "-final-snapshot", 4,
                args.kmsKeyArn().applyValue(key -> Map.of("engine", args.engine().name(), "kmsKeyId", key)), child);
        Output<String> finalSnapshot = snapshotSuffix.hex().applyValue(hex -> name + "-final-" + hex);

        if (args.aurora()) {
            var cluster = auroraCluster(name, args, subnets, finalSnapshot, stateful);
            // Instances carry explicit identifiers (and hold no data: the cluster's storage does): a replacement (another
            // zone, say) must free the identifier first, or the new instance is refused (DBInstanceAlreadyExists).
            this.writer = auroraInstances(name, args, cluster, CustomResourceOptions.builder().parent(this).ignoreChanges(ENGINE_VERSION)
                    .deleteBeforeReplace(true).build());
            this.endpoint = cluster.endpoint();
            this.readerEndpoint = cluster.readerEndpoint();
            this.port = cluster.port();
            this.masterSecretArn = cluster.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
            this.arn = cluster.arn();
            this.resourceId = cluster.clusterResourceId();
            this.metricDimensions = Map.of("DBClusterIdentifier", name);
            this.instance = Optional.empty();
        } else {
            var instance = rdsInstance(name, args, subnets, finalSnapshot, stateful);
            this.instance = Optional.of(instance);
            this.writer = instance;
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

    /**
     * The database's group: PostgreSQL on {@link #PORT} from the peers granted with
     * {@code database.connections().allowDefaultPortFrom(peer, why)}, and nothing else.
     */
    @Override
    public Connections connections() {
        return connections;
    }

    /**
     * Starts the RDS instance at {@code startCron} and stops it at {@code stopCron} (AWS {@code cron(...)}
     * expressions in the IANA {@code timeZone}) through EventBridge Scheduler universal targets
     * ({@code arn:aws:scheduler:::aws-sdk:rds:startDBInstance}, input {@code DbInstanceIdentifier}: EventBridge
     * Scheduler User Guide, "Using universal targets"). The schedules' role may start and stop this instance
     * only. RDS starts an instance stopped for seven days by itself; the next stop catches it. Aurora has no
     * such schedule here: Serverless v2 with minimum 0 pauses by itself when nothing is connected.
     */
    public void runOnSchedule(String startCron, String stopCron, String timeZone) {
        Instance db = instance.orElseThrow(() -> new IllegalStateException(
                name + ": only an RDS instance is started and stopped on a schedule (engine " + engine + ")"));
        SCHEDULE.create(name, "the database " + name, this, db.arn(),
                db.identifier().applyValue(id -> Json.write(Map.of("DbInstanceIdentifier", id))), startCron, stopCron, timeZone);
    }

    /** The database's security group. */
    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    /**
     * The resource that accepts connections: the Aurora writer instance (the cluster endpoint answers
     * only once it exists) or the RDS instance. Clients that must not start before the database can
     * serve them depend on it.
     */
    public Resource writer() {
        return writer;
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
        return resourceId.apply(id -> iamConnectArn(dbUser, id));
    }

    /** The same for another database's resource id in this one's account and region (the green side of a blue/green upgrade). */
    public Output<String> iamConnectArn(String dbUser, String otherResourceId) {
        return arn.applyValue(a -> {
            String[] parts = a.split(":");
            return "arn:" + parts[1] + ":rds-db:" + parts[3] + ":" + parts[4] + ":dbuser:" + otherResourceId + "/" + dbUser;
        });
    }

    /** CloudWatch dimensions that identify the database in {@code AWS/RDS} metrics. */
    public Map<String, String> metricDimensions() {
        return metricDimensions;
    }

    /**
     * Log types exported to CloudWatch Logs: RDS for PostgreSQL publishes {@code postgresql} and
     * {@code upgrade}, Aurora PostgreSQL {@code postgresql} (RDS user guide, "Publishing PostgreSQL logs to
     * Amazon CloudWatch Logs"; Aurora user guide, "Publishing Aurora PostgreSQL logs to Amazon CloudWatch Logs").
     * Each gets a log group created beforehand, named {@code /aws/rds/<instance|cluster>/<name>/<type>}.
     */
    public static List<String> exportedLogs(DatabaseEngine engine) {
        return engine == DatabaseEngine.RDS_INSTANCE ? List.of("postgresql", "upgrade") : List.of("postgresql");
    }

    /** The engine. */
    public DatabaseEngine engine() {
        return engine;
    }

    /** Identifier of the Aurora cluster or RDS instance (the component's name). */
    public String identifier() {
        return name;
    }

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("rds.force_ssl", "1");
        parameters.put("log_min_duration_statement", "1000");
        parameters.put("log_parameter_max_length", "0");
        parameters.put("log_parameter_max_length_on_error", "0");
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /** Name of the DB subnet group in the isolated subnets (a restored copy belongs there too). */
    public Output<String> subnetGroupName() {
        return subnetGroupName;
    }

    /** Name of the (cluster) parameter group that forces TLS (a restored copy needs it too). */
    public Output<String> parameterGroupName() {
        return parameterGroupName;
    }

    private Cluster auroraCluster(String name, DatabaseArgs args, SubnetGroup subnets, Output<String> finalSnapshot,
                                  CustomResourceOptions options) {
        var parameters = new ClusterParameterGroup(name, ClusterParameterGroupArgs.builder()
                .family("aurora-postgresql" + args.majorVersion())
                .description("LiteLLM: TLS only, slow statements logged")
                .parameters(PARAMETERS.entrySet().stream().map(p -> ClusterParameterGroupParameterArgs.builder()
                        .name(p.getKey()).value(p.getValue()).build()).toList())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.parameterGroupName = parameters.name();
        var cluster = ClusterArgs.builder()
                .clusterIdentifier(PhysicalName.explicit(name, NameRule.RDS_CLUSTER))
                .engine("aurora-postgresql")
                .engineMode("provisioned")
                .engineVersion(args.resolvedEngineVersion())
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
                .preferredBackupWindow(args.backupWindow())
                .copyTagsToSnapshot(true)
                .deletionProtection(args.deletionProtection())
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(finalSnapshot)
                .enabledCloudwatchLogsExports(exportedLogs(args.engine()))
                .iamDatabaseAuthenticationEnabled(args.iamAuthentication());
        args.maintenanceWindow().ifPresent(cluster::preferredMaintenanceWindow);
        if (args.engine() == DatabaseEngine.AURORA_SERVERLESS_V2) {
            var scaling = ClusterServerlessv2ScalingConfigurationArgs.builder()
                    .minCapacity(args.minCapacity())
                    .maxCapacity(args.maxCapacity());
            if (args.minCapacity() == 0) {
                scaling.secondsUntilAutoPause(args.secondsUntilAutoPause());
            }
            cluster.serverlessv2ScalingConfiguration(scaling.build());
        }
        args.restore().ifPresent(restore -> {
            restore.snapshot().ifPresent(cluster::snapshotIdentifier);
            restore.source().ifPresent(source -> {
                var pointInTime = ClusterRestoreToPointInTimeArgs.builder().sourceClusterIdentifier(source);
                restore.time().ifPresentOrElse(time -> pointInTime.restoreToTime(time.toString()),
                        () -> pointInTime.useLatestRestorableTime(true));
                cluster.restoreToPointInTime(pointInTime.build());
            });
        });
        return new Cluster(name, cluster.build(), options);
    }

    /** Creates the writer (first, promotion tier 0) and the readers; returns the writer. */
    private ClusterInstance auroraInstances(String name, DatabaseArgs args, Cluster cluster, CustomResourceOptions options) {
        ClusterInstance writer = null;
        boolean insights = args.performanceInsights() && !NO_PERFORMANCE_INSIGHTS.contains(args.resolvedInstanceClass());
        for (int i = 0; i <= args.readers(); i++) {
            int index = i;
            var instance = ClusterInstanceArgs.builder()
                    .identifier(PhysicalName.explicit(name + "-" + (i + 1), NameRule.RDS_CLUSTER_INSTANCE))
                    .clusterIdentifier(cluster.id())
                    .instanceClass(args.resolvedInstanceClass())
                    .engine("aurora-postgresql")
                    .engineVersion(args.resolvedEngineVersion())
                    .promotionTier(i == 0 ? 0 : 1)
                    .publiclyAccessible(false)
                    .autoMinorVersionUpgrade(true)
                    .performanceInsightsEnabled(insights);
            if (insights) {
                instance.performanceInsightsKmsKeyId(args.kmsKeyArn());
            }
            args.maintenanceWindow().ifPresent(instance::preferredMaintenanceWindow);
            args.availabilityZones().ifPresent(zones -> instance.availabilityZone(zones.applyValue(z -> z.get(index % z.size()))));
            var created = new ClusterInstance(name + "-" + (i + 1), instance.build(), options);
            if (i == 0) {
                writer = created;
            }
        }
        return writer;
    }

    private Instance rdsInstance(String name, DatabaseArgs args, SubnetGroup subnets, Output<String> finalSnapshot,
                                 CustomResourceOptions options) {
        var parameters = new ParameterGroup(name, ParameterGroupArgs.builder()
                .family("postgres" + args.majorVersion())
                .description("LiteLLM: TLS only, slow statements logged")
                .parameters(PARAMETERS.entrySet().stream().map(p -> ParameterGroupParameterArgs.builder()
                        .name(p.getKey()).value(p.getValue()).build()).toList())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.parameterGroupName = parameters.name();
        boolean insights = args.performanceInsights() && !NO_PERFORMANCE_INSIGHTS.contains(args.resolvedInstanceClass());
        var instance = InstanceArgs.builder()
                .identifier(PhysicalName.explicit(name, NameRule.RDS_INSTANCE))
                .engine("postgres")
                .engineVersion(args.resolvedEngineVersion())
                .instanceClass(args.resolvedInstanceClass())
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
                .backupWindow(args.backupWindow())
                .copyTagsToSnapshot(true)
                .deletionProtection(args.deletionProtection())
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(finalSnapshot)
                .enabledCloudwatchLogsExports(exportedLogs(args.engine()))
                .iamDatabaseAuthenticationEnabled(args.iamAuthentication())
                .performanceInsightsEnabled(insights);
        if (insights) {
            instance.performanceInsightsKmsKeyId(args.kmsKeyArn());
        }
        args.maintenanceWindow().ifPresent(instance::maintenanceWindow);
        args.restore().ifPresent(restore -> {
            restore.snapshot().ifPresent(instance::snapshotIdentifier);
            restore.source().ifPresent(source -> {
                var pointInTime = InstanceRestoreToPointInTimeArgs.builder().sourceDbInstanceIdentifier(source);
                restore.time().ifPresentOrElse(time -> pointInTime.restoreTime(time.toString()),
                        () -> pointInTime.useLatestRestorableTime(true));
                instance.restoreToPointInTime(pointInTime.build());
            });
        });
        return new Instance(name, instance.build(), options);
    }
}

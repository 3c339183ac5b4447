package dev.llmgateway.components.observability;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.BackupPolicy;
import com.pulumi.aws.efs.BackupPolicyArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.aws.efs.inputs.BackupPolicyBackupPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import dev.llmgateway.components.proxy.ProxyService;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.support.AwsScope;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.SecretGrants;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.llmgateway.components.observability.MetricsTaskDefinition.GRAFANA;

/**
 * Prometheus-style metrics for a service that exposes {@code /metrics/} (LiteLLM): VictoriaMetrics
 * single-node scraping the target and Grafana with VictoriaMetrics provisioned as its default
 * data source, as one Fargate task (one replica) in private subnets on a given cluster. Grafana is
 * served behind the given load balancer under a path prefix and accepts traffic only from the load
 * balancer's security group; the task's only other egress is HTTPS (image pulls, Secrets Manager or
 * SSM, CloudWatch Logs) and the scrape port on the target's security group. Samples live on task
 * storage and are lost when the task is replaced.
 *
 * <p>Both paths (the load balancer to Grafana, VictoriaMetrics to the target) are opened on both
 * groups through {@link Connections}.
 */
public final class PrometheusMetrics extends ComponentResource implements Connectable {

    /** Port Grafana listens on behind the load balancer. */
    public static final int GRAFANA_PORT = MetricsTaskDefinition.GRAFANA_PORT;
    /** The uid of Grafana's VictoriaMetrics data source, which provisioned alert rules query. */
    public static final String DATA_SOURCE_UID = "victoriametrics";

    /** Seconds the load balancer's verdict on Grafana is ignored after a task starts. */
    private static final int HEALTH_CHECK_GRACE_SECONDS = 120;

    /** NFS port of the EFS mount targets. */
    public static final int NFS_PORT = 2049;

    /** Pulumi type token. */
    public static final String TYPE = "llmgateway:observability:PrometheusMetrics";

    private final Output<String> securityGroupId;
    private final Connections connections;
    private final Connections storageConnections;
    private final Output<String> serviceName;
    private final Output<String> targetGroupArnSuffix;

    private static List<ListenerRuleConditionArgs> grafanaConditions(PrometheusMetricsArgs args) {
        List<ListenerRuleConditionArgs> conditions = new java.util.ArrayList<>();
        conditions.add(ListenerRuleConditionArgs.builder()
                .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                        .values(args.grafanaPathPrefix(), args.grafanaPathPrefix() + "/*")
                        .build())
                .build());
        conditions.addAll(args.listenerRuleConditions());
        return conditions;
    }

    /**
     * Creates the security group, log group, roles, task definition, target group, listener rule and service.
     *
     * @param name prefix of every child's logical name
     * @param args where to run, what to scrape, who may reach Grafana
     * @param opts component options
     */
    public PrometheusMetrics(String name, PrometheusMetricsArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, checked(args, opts));
        var child = CustomResourceOptions.builder().parent(this).build();

        var securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("VictoriaMetrics and Grafana: Grafana from the load balancer only")
                .build(), child);
        this.securityGroupId = securityGroup.id();
        this.connections = Connections.of(this, name, "metrics", "metrics", securityGroup.id()).withDefaultPort(GRAFANA_PORT)
                .withSubnets(args.subnetIds());
        connections.allowDefaultPortFrom(args.loadBalancer(), "Grafana behind the load balancer");
        connections.allowTo(args.scrapeTarget(), args.scrapePort(), "VictoriaMetrics scrapes /metrics");
        // Image registries and the Secrets Manager / CloudWatch Logs endpoints have no fixed
        // addresses or security groups, so HTTPS egress has to be open to any address.
        connections.allowTo(Peer.anyIpv4(), 443, "image pulls, Secrets Manager or SSM, CloudWatch Logs over HTTPS");

        var storage = storage(name, args, child);
        // NFS from the metrics task to its data: ingress on the storage group, egress on the task's, flow declared.
        this.storageConnections = Connections.of(this, name + "-storage", "metrics-storage", "metrics storage (EFS)",
                storage.securityGroupId()).withDefaultPort(NFS_PORT);
        storageConnections.allowFrom(this, NFS_PORT, "VictoriaMetrics keeps its samples on EFS");

        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child);

        var executionRole = new Role(PhysicalName.autoNamed(name + "-execution", NameRule.IAM_ROLE), RoleArgs.builder()
                // This account's ECS only (aws:SourceAccount, as the ECS guide shows for execution roles).
                .assumeRolePolicy(AwsScope.of(this).applyValue(s -> PolicyDocument.assumeRole("ecs-tasks.amazonaws.com", s,
                        java.util.Optional.empty())))
                .description("Pulls images, writes logs and reads the Grafana admin password")
                .build(), child);
        new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(Output.tuple(logGroup.arn(), args.grafanaAdminPasswordSecretArn(), args.kmsKeyArn())
                        .applyValue(t -> executionPolicy(t.t1, t.t2, t.t3, args.region())))
                .build(), child);

        // A task role only when Grafana notifies a topic: it publishes there and nowhere else.
        Optional<Role> taskRole = args.alertTopicArn().map(topic -> {
            var role = new Role(PhysicalName.autoNamed(name + "-task", NameRule.IAM_ROLE), RoleArgs.builder()
                    .assumeRolePolicy(AwsScope.of(this).applyValue(s -> PolicyDocument.assumeRole("ecs-tasks.amazonaws.com", s,
                            java.util.Optional.empty())))
                    .description("Grafana publishes its alerts to the alarm topic")
                    .build(), child);
            new RolePolicy(name + "-task", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(Output.tuple(topic, args.kmsKeyArn()).applyValue(t -> notifyPolicy(t.t1, t.t2, args.region())))
                    .build(), child);
            return role;
        });
        Output<Optional<String>> alertTopic = args.alertTopicArn().map(topic -> topic.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));

        var taskArgs = TaskDefinitionArgs.builder()
                .family(name + "-metrics")
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu("512")
                .memory("1024")
                .executionRoleArn(executionRole.arn())
                .volumes(Stream.concat(Stream.of(MetricsTaskDefinition.CONFIG_VOLUME, MetricsTaskDefinition.GRAFANA_DATA_VOLUME,
                                        MetricsTaskDefinition.GRAFANA_TMP_VOLUME)
                                .map(volume -> TaskDefinitionVolumeArgs.builder().name(volume).build()),
                        Stream.of(TaskDefinitionVolumeArgs.builder()
                                .name(MetricsTaskDefinition.DATA_VOLUME)
                                .efsVolumeConfiguration(TaskDefinitionVolumeEfsVolumeConfigurationArgs.builder()
                                        .fileSystemId(storage.fileSystemId())
                                        // An access point needs TLS in transit (ECS task definition parameters, EFS volumes).
                                        .transitEncryption("ENABLED")
                                        .authorizationConfig(TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs.builder()
                                                .accessPointId(storage.accessPointId())
                                                .build())
                                        .build())
                                .build())).toList())
                .containerDefinitions(Output.tuple(args.scrapeHost(), logGroup.name(), args.grafanaAdminPasswordSecretArn(),
                                Output.all(args.grafanaTrustedOrigins()), alertTopic)
                        .applyValue(t -> MetricsTaskDefinition.containers(args, t.t1, t.t2, t.t3, t.t4, t.t5)));
        taskRole.ifPresent(role -> taskArgs.taskRoleArn(role.arn()));
        var task = new TaskDefinition(name + "-task", taskArgs.build(), child);

        var targetGroup = new TargetGroup(PhysicalName.autoNamed(name + "-grafana", NameRule.TARGET_GROUP), TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .targetType("ip")
                .protocol("HTTP")
                .port(GRAFANA_PORT)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(args.grafanaPathPrefix() + "/api/health")
                        .matcher("200")
                        .build())
                .build(), child);
        var rule = new ListenerRule(name + "-grafana", ListenerRuleArgs.builder()
                .listenerArn(args.listenerArn())
                .priority(args.listenerRulePriority())
                .conditions(grafanaConditions(args))
                .actions(ListenerRuleActionArgs.builder()
                        .type("forward")
                        .targetGroupArn(targetGroup.arn())
                        .build())
                .build(), child);

        // One replica only: VictoriaMetrics single-node must not run twice on the same data, so the
        // old task stops before the new one starts (maximum 100 %, minimum 0 %).
        var service = new Service(name + "-service", ServiceArgs.builder()
                .cluster(args.clusterArn())
                .taskDefinition(task.arn())
                .launchType("FARGATE")
                .desiredCount(1)
                .deploymentMinimumHealthyPercent(0)
                .deploymentMaximumPercent(100)
                .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS)
                // As the proxy: a task that never gets healthy fails the deployment and ECS rolls back.
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .propagateTags("SERVICE")
                // As the proxy: pulumi up waits for a steady state, so a failing rollout fails the deploy.
                .waitForSteadyState(true)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.subnetIds())
                        .securityGroups(securityGroup.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(targetGroup.arn())
                        .containerName(GRAFANA)
                        .containerPort(GRAFANA_PORT)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this)
                        .dependsOn(Stream.<Resource>concat(Stream.of(rule), storage.mountTargets().stream()).toList())
                        .customTimeouts(CustomTimeouts.builder()
                                .create(ProxyService.deploymentTimeout(HEALTH_CHECK_GRACE_SECONDS, 1))
                                .update(ProxyService.deploymentTimeout(HEALTH_CHECK_GRACE_SECONDS, 1))
                                .build())
                        .build());
        this.serviceName = service.name();
        this.targetGroupArnSuffix = targetGroup.arnSuffix();

        registerOutputs(Map.of("securityGroupId", securityGroupId, "serviceName", serviceName));
    }

    /** The metrics task's group: Grafana's port from the load balancer, the scrape port to the target. */
    @Override
    public Connections connections() {
        return connections;
    }

    /** The flows opened through the service's and its storage's groups. */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>(connections.flows());
        flows.addAll(storageConnections.flows());
        return flows;
    }

    /** Security group of the metrics task. */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** ARN suffix of Grafana's target group (CloudWatch dimension of its health on the load balancer). */
    public Output<String> targetGroupArnSuffix() {
        return targetGroupArnSuffix;
    }

    /** Name of the ECS service running VictoriaMetrics and Grafana. */
    public Output<String> serviceName() {
        return serviceName;
    }

    /** The file system VictoriaMetrics keeps its samples on, and how the task reaches it. */
    private record Storage(Output<String> securityGroupId, Output<String> fileSystemId, Output<String> accessPointId,
                           List<MountTarget> mountTargets) {
    }

    /**
     * Encrypted EFS with AWS Backup's daily default plan (EFS user guide, "Automatic backups"), one
     * mount target per subnet in a group that admits NFS from the metrics task only, and an access
     * point that makes every NFS call run as VictoriaMetrics' user in its own directory (created with
     * that owner on first mount: EFS user guide, "Working with access points").
     */
    private static Storage storage(String name, PrometheusMetricsArgs args, CustomResourceOptions child) {
        var group = new SecurityGroup(name + "-storage-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("VictoriaMetrics data (EFS): NFS from the metrics task only")
                .build(), child);
        var fileSystem = new FileSystem(PhysicalName.autoNamed(name + "-data", NameRule.EFS_FILE_SYSTEM), FileSystemArgs.builder()
                .encrypted(true)
                .kmsKeyId(args.kmsKeyArn())
                // VictoriaMetrics' many small reads and writes drain bursting credits of a small file system
                // within days (VictoriaMetrics/VictoriaMetrics#4842); elastic throughput bills what is used.
                .throughputMode("elastic")
                .build(), child);
        new BackupPolicy(name + "-data", BackupPolicyArgs.builder()
                .fileSystemId(fileSystem.id())
                .backupPolicy(BackupPolicyBackupPolicyArgs.builder().status("ENABLED").build())
                .build(), child);
        List<MountTarget> mountTargets = new ArrayList<>();
        for (int i = 0; i < args.subnetCount(); i++) {
            int index = i;
            mountTargets.add(new MountTarget(name + "-data-" + i, MountTargetArgs.builder()
                    .fileSystemId(fileSystem.id())
                    .subnetId(args.subnetIds().applyValue(subnets -> subnets.get(index)))
                    .securityGroups(group.id().applyValue(List::of))
                    .build(), child));
        }
        int uid = MetricsTaskDefinition.VICTORIA_METRICS_UID;
        var accessPoint = new AccessPoint(name + "-data", AccessPointArgs.builder()
                .fileSystemId(fileSystem.id())
                .posixUser(AccessPointPosixUserArgs.builder().uid(uid).gid(uid).build())
                .rootDirectory(AccessPointRootDirectoryArgs.builder()
                        .path("/victoria-metrics")
                        .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                .ownerUid(uid).ownerGid(uid).permissions("0750").build())
                        .build())
                .build(), child);
        return new Storage(group.id(), fileSystem.id(), accessPoint.id(), List.copyOf(mountTargets));
    }

    private static ComponentResourceOptions checked(PrometheusMetricsArgs args, ComponentResourceOptions opts) {
        if (args == null) {
            throw new IllegalArgumentException("args: PrometheusMetricsArgs are required");
        }
        return opts;
    }

    /**
     * Publishing to the alert topic, and the topic's key through SNS only: a publisher to a topic with server-side
     * encryption needs {@code kms:GenerateDataKey*} and {@code kms:Decrypt} on its key (Amazon SNS developer guide,
     * "Managing Amazon SNS encryption keys and costs"); {@code kms:ViaService} as {@link SecretGrants} writes it.
     */
    static String notifyPolicy(String topicArn, String kmsKeyArn, String region) {
        return PolicyDocument.json(List.of(
                Statement.allow("PublishAlerts", List.of("sns:Publish"), List.of(topicArn)),
                Statement.allow("EncryptAlerts", List.of("kms:GenerateDataKey*", "kms:Decrypt"), List.of(kmsKeyArn))
                        .when("StringEquals", "kms:ViaService", "sns." + region + ".amazonaws.com")));
    }

    /**
     * Logs to this log group, and the admin password from whichever store holds it, with the key usable only
     * through that store ({@link SecretGrants}).
     */
    static String executionPolicy(String logGroupArn, String secretArn, String kmsKeyArn, String region) {
        List<Statement> statements = new ArrayList<>(List.of(Statement.allow("WriteLogs",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logGroupArn + ":log-stream:*"))));
        statements.addAll(SecretGrants.read(List.of(secretArn), kmsKeyArn, region));
        return PolicyDocument.json(statements);
    }
}

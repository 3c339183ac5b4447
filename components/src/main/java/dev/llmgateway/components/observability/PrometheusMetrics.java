package dev.llmgateway.components.observability;

import dev.llmgateway.components.support.NameRule;
import dev.llmgateway.components.support.PhysicalName;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
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
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Formerly;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.List;
import java.util.Map;

import static dev.llmgateway.components.observability.MetricsTaskDefinition.GRAFANA;

/**
 * Prometheus-style metrics for a service that exposes {@code /metrics/} (LiteLLM): VictoriaMetrics
 * single-node scraping the target and Grafana with VictoriaMetrics provisioned as its default
 * data source, as one Fargate task (one replica) in private subnets on a given cluster. Grafana is
 * served behind the given load balancer under a path prefix and accepts traffic only from the load
 * balancer's security group; the task's only other egress is HTTPS (image pulls, Secrets Manager,
 * CloudWatch Logs) and the scrape port on the target's security group. Samples live on task
 * storage and are lost when the task is replaced.
 *
 * <p>Both paths (the load balancer to Grafana, VictoriaMetrics to the target) are opened on both
 * groups through {@link Connections}.
 */
public final class PrometheusMetrics extends ComponentResource implements Connectable {

    /** Port Grafana listens on behind the load balancer. */
    public static final int GRAFANA_PORT = MetricsTaskDefinition.GRAFANA_PORT;

    /** Pulumi type token. */
    public static final String TYPE = "llmgateway:observability:PrometheusMetrics";

    private final Output<String> securityGroupId;
    private final Connections connections;
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
        this.connections = Connections.of(this, name, "metrics", "metrics", securityGroup.id()).withDefaultPort(GRAFANA_PORT);
        connections.allowDefaultPortFrom(args.loadBalancer(), "Grafana behind the load balancer",
                Formerly.NONE.ingressNamed(name + "-grafana-from-alb").egressNamed(name + "-alb-to-grafana", this));
        args.scrapeTarget().connections().allowFrom(connections, args.scrapePort(), "VictoriaMetrics scrapes /metrics",
                Formerly.NONE.egressNamed(name + "-scrape-target"));
        // Image registries and the Secrets Manager / CloudWatch Logs endpoints have no fixed
        // addresses or security groups, so HTTPS egress has to be open to any address.
        new SecurityGroupEgressRule(name + "-https", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroup.id())
                .cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS: image pulls, Secrets Manager, CloudWatch Logs")
                .build(), child);

        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child);

        var executionRole = new Role(PhysicalName.autoNamed(name + "-execution", NameRule.IAM_ROLE), RoleArgs.builder()
                .assumeRolePolicy(PolicyDocument.assumeRole("ecs-tasks.amazonaws.com"))
                .description("Pulls images, writes logs and reads the Grafana admin password")
                .build(), child);
        new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(Output.tuple(logGroup.arn(), args.grafanaAdminPasswordSecretArn(), args.kmsKeyArn())
                        .applyValue(t -> executionPolicy(t.t1, t.t2, t.t3, args.region())))
                .build(), child);

        var task = new TaskDefinition(name + "-task", TaskDefinitionArgs.builder()
                .family(name + "-metrics")
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu("512")
                .memory("1024")
                .executionRoleArn(executionRole.arn())
                .volumes(TaskDefinitionVolumeArgs.builder().name(MetricsTaskDefinition.CONFIG_VOLUME).build())
                .containerDefinitions(Output.tuple(args.scrapeHost(), logGroup.name(), args.grafanaAdminPasswordSecretArn())
                        .applyValue(t -> MetricsTaskDefinition.containers(args, t.t1, t.t2, t.t3)))
                .build(), child);

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

        // One replica only: VictoriaMetrics single-node must not run twice on the same data.
        var service = new Service(name + "-service", ServiceArgs.builder()
                .cluster(args.clusterArn())
                .taskDefinition(task.arn())
                .launchType("FARGATE")
                .desiredCount(1)
                .deploymentMinimumHealthyPercent(0)
                .deploymentMaximumPercent(100)
                .healthCheckGracePeriodSeconds(120)
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
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(rule).build());
        this.serviceName = service.name();
        this.targetGroupArnSuffix = targetGroup.arnSuffix();

        registerOutputs(Map.of("securityGroupId", securityGroupId, "serviceName", serviceName));
    }

    /** The metrics task's group: Grafana's port from the load balancer, the scrape port to the target. */
    @Override
    public Connections connections() {
        return connections;
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

    private static ComponentResourceOptions checked(PrometheusMetricsArgs args, ComponentResourceOptions opts) {
        if (args == null) {
            throw new IllegalArgumentException("args: PrometheusMetricsArgs are required");
        }
        return opts;
    }

    /** Logs to this log group, the admin password secret, and the key only through Secrets Manager. */
    private static String executionPolicy(String logGroupArn, String secretArn, String kmsKeyArn, String region) {
        return PolicyDocument.json(List.of(
                Statement.allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logGroupArn + ":log-stream:*")),
                Statement.allow("ReadGrafanaAdminPassword", List.of("secretsmanager:GetSecretValue"), List.of(secretArn)),
                Statement.allow("DecryptSecret", List.of("kms:Decrypt"), List.of(kmsKeyArn))
                        .when("StringEquals", "kms:ViaService", "secretsmanager." + region + ".amazonaws.com")));
    }
}

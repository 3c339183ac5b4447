package dev.llmgateway.components.proxy;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.support.AwsScope;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A containerized HTTP service on ECS Fargate behind an Application Load Balancer (or, with
 * {@code loadBalanced(false)}, behind nothing: reached only through ECS Exec): cluster,
 * per-container encrypted log groups, task definition with secrets only through {@code valueFrom},
 * least-privilege roles, a service with circuit-breaker rollback in private subnets, target
 * tracking on CPU (and optionally requests), and the load balancer described in
 * {@link ServiceLoadBalancer}. It knows nothing about what the containers run.
 */
public class ProxyService extends ComponentResource implements Connectable {

    /** Type token. */
    public static final String TYPE = "llmgateway:proxy:ProxyService";

    /** Time one task may take to pull its image, run migrations and start, before the grace period. */
    public static final Duration TASK_START_BUDGET = Duration.ofMinutes(10);
    private static final Duration PROVIDER_DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    /**
     * Tasks a rolling deployment may run, in percent of the desired count: new tasks start before old ones stop, so
     * at full scale old and new run side by side, each with its database pool (ECS API reference,
     * DeploymentConfiguration.maximumPercent: "the scheduler may start four new tasks before stopping the four older
     * tasks").
     */
    public static final int DEPLOYMENT_MAXIMUM_PERCENT = 200;

    private final String name;
    private final SecurityGroup taskGroup;
    private final Connections connections;
    private final Optional<ServiceLoadBalancer> loadBalancing;
    private final Cluster cluster;
    /**
     * Priority of the proxy's first forwarding rule on the serving listener. Blocked paths use 1..9;
     * priorities from 10 to this value are free for other services' rules (Grafana), which must be
     * evaluated before the proxy's catch-all.
     */
    public static final int FIRST_FORWARD_PRIORITY = 100;

    private final Service service;
    private final TaskDefinition taskDefinition;
    private final TaskRoles roles;
    private Target scalingTarget;
    /** The last change to the scaling target: Application Auto Scaling rejects concurrent changes to one target. */
    private Resource lastScalingChange;
    private final boolean scheduledRange;
    private final Map<String, Output<String>> logGroupNames = new LinkedHashMap<>();
    private final Optional<ProxyServiceArgs.RequiredHeader> requiredHeader;
    private final List<Resource> clusterReady = new ArrayList<>();
    private final Optional<LoadBalancerTarget> target;

    /** Creates the service. */
    public ProxyService(String name, ProxyServiceArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        this.scheduledRange = args.scheduledRange();
        this.requiredHeader = args.requiredHeader();
        this.target = args.target();
        var child = CustomResourceOptions.builder().parent(this).build();

        boolean behindBalancer = args.loadBalanced() || args.target().isPresent();
        this.taskGroup = new SecurityGroup(name + "-tasks", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                // One description whatever the access mode: a group's description is force-new, and replacing the
                // tasks' group on a switch to or from a load balancer would replace every rule that names it.
                .description("Proxy tasks: inbound only from the peers granted (the load balancer, metrics)")
                .build(), child);
        // No egress until the caller opens it (connections().allowTo): model providers and registries through NAT,
        // or only AWS services through VPC endpoints, is the caller's network to decide.
        // Other groups' rules name these tasks by the last word of the service's name (llm-prod-proxy: proxy).
        String peer = Connections.slug(name.substring(name.lastIndexOf('-') + 1));
        this.connections = Connections.of(this, name, peer, peer + " tasks", taskGroup.id())
                .withDefaultPort(args.containerPort())
                .withSubnets(args.taskSubnetIds());
        this.loadBalancing = args.loadBalanced() ? Optional.of(new ServiceLoadBalancer(name, args, connections, this)) : Optional.empty();
        args.target().ifPresent(target -> connections.allowFrom(target.balancer(), target.port(), "the load balancer forwards to the service"));

        Optional<LogGroup> execLogs = args.executeCommand() ? Optional.of(new LogGroup(name + "-exec", LogGroupArgs.builder()
                .name("/ecs/" + name + "/exec")
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child)) : Optional.empty();
        this.cluster = args.cluster().orElseGet(() -> ownCluster(args, execLogs, child));
        // The service's capacity provider strategy needs the providers on the cluster, its target group must be
        // attached to a listener (rule) before targets register, and its tasks need what the caller names (the
        // database writer, the deploy's migrations): without these, a first deploy starts tasks that fail and trip the
        // circuit breaker.
        List<Resource> serviceDependencies = new ArrayList<>(loadBalancing.map(ServiceLoadBalancer::attachments).orElse(List.of()));
        args.target().ifPresent(target -> serviceDependencies.addAll(target.rules()));
        serviceDependencies.addAll(clusterReady);
        serviceDependencies.addAll(args.serviceDependencies());

        Map<String, Output<String>> logGroupArns = new LinkedHashMap<>();
        for (ContainerSpec container : args.containers()) {
            var group = new LogGroup(name + "-" + container.name(), LogGroupArgs.builder()
                    .name("/ecs/" + name + "/" + container.name())
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.kmsKeyArn())
                    .build(), child);
            logGroupNames.put(container.name(), group.name());
            logGroupArns.put(container.name(), group.arn());
        }
        this.roles = TaskRoles.create(name, args.region(), args.containers(), args.kmsKeyArn(), args.taskPolicyJson(), logGroupArns,
                "Application role of the proxy tasks", AwsScope.of(this), child);
        execLogs.ifPresent(group -> TaskRoles.allowExecuteCommand(name, roles.task(), group.arn(), args.kmsKeyArn(), child));

        this.taskDefinition = new TaskDefinition(name, ContainerDefinitions.fargateTask(name, args.cpu(), args.memory(),
                args.architecture(), roles, args.containers(), logGroupNames, args.region()), child);

        var serviceArgs = ServiceArgs.builder();
        // Without a load balancer the container health check alone decides (ECS replaces unhealthy tasks).
        loadBalancing.ifPresent(lb -> serviceArgs
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(lb.targetGroup().arn())
                        .containerName(args.containers().get(0).name())
                        .containerPort(args.containerPort())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds()));
        args.target().ifPresent(target -> serviceArgs
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(target.targetGroup().arn())
                        .containerName(args.containers().get(0).name())
                        .containerPort(target.port())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds()));
        args.serviceRegistryArn().ifPresent(arn -> serviceArgs.serviceRegistries(
                ServiceServiceRegistriesArgs.builder().registryArn(arn).build()));
        this.service = new Service(name, serviceArgs
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.minTasks())
                .capacityProviderStrategies(capacityStrategy(args.capacity()))
                // Lets a change of the (never empty) capacity strategy update the service with a new deployment: without
                // it the provider replaces the whole service (terraform-provider-aws internal/service/ecs/service.go
                // capacityProviderStrategyCustomizeDiff: "should ForceNew almost always, unless force_new_deployment is
                // true and neither the old set nor new set is 0 length"). Every other update rolls the tasks anyway.
                .forceNewDeployment(true)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.taskSubnetIds())
                        .securityGroups(Output.all(taskGroup.id()))
                        .assignPublicIp(false)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(DEPLOYMENT_MAXIMUM_PERCENT)
                .propagateTags("SERVICE")
                .enableExecuteCommand(args.executeCommand())
                // pulumi up waits until one deployment runs the desired count, or fails after the timeout
                // when tasks keep failing. A circuit-breaker rollback also ends in a steady state, so the
                // deploy pipeline compares the running task definition with the declared one afterwards.
                .waitForSteadyState(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(serviceDependencies)
                .customTimeouts(CustomTimeouts.builder()
                        .create(deploymentTimeout(args.healthCheckGracePeriodSeconds(), args.minTasks()))
                        // An update also waits for the old tasks to drain from the load balancer.
                        .update(deploymentTimeout(args.healthCheckGracePeriodSeconds(), args.minTasks())
                                .plusSeconds(behindBalancer ? args.deregistrationDelaySeconds() : 0))
                        .build())
                // Autoscaling owns the running count once the service exists.
                .ignoreChanges("desiredCount").build());

        autoscaling(args, child);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        loadBalancing.ifPresent(lb -> outputs.put("url", lb.url()));
        outputs.put("clusterName", cluster.name());
        outputs.put("serviceName", service.name());
        outputs.put("taskDefinitionArn", taskDefinition.arn());
        registerOutputs(outputs);
    }

    /** A cluster of its own, with Fargate and Fargate Spot, Container Insights as asked, ECS Exec logging when on. */
    private Cluster ownCluster(ProxyServiceArgs args, Optional<LogGroup> execLogs, CustomResourceOptions child) {
        var clusterArgs = ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights")
                        .value(args.containerInsights() ? "enabled" : "disabled").build());
        // ECS Exec sessions are encrypted with the stack key and every session's output is logged, encrypted
        // (ECS Developer Guide, "Monitor Amazon ECS containers with ECS Exec": executeCommandConfiguration).
        execLogs.ifPresent(group -> clusterArgs.configuration(ClusterConfigurationArgs.builder()
                .executeCommandConfiguration(ClusterConfigurationExecuteCommandConfigurationArgs.builder()
                        .kmsKeyId(args.kmsKeyArn())
                        .logging("OVERRIDE")
                        .logConfiguration(ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs.builder()
                                .cloudWatchLogGroupName(group.name())
                                .cloudWatchEncryptionEnabled(true)
                                .build())
                        .build())
                .build()));
        var created = new Cluster(name, clusterArgs.build(), child);
        clusterReady.add(new ClusterCapacityProviders(name, ClusterCapacityProvidersArgs.builder()
                .clusterName(created.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .build(), child));
        if (args.containerInsights()) {
            // Container Insights writes task performance events to this group and creates it itself when it is
            // missing (CloudWatch user guide, "Container Insights performance log reference"): unencrypted, never
            // expiring, left behind by destroy. It is created here, before the service starts any task.
            clusterReady.add(new LogGroup(name + "-insights", LogGroupArgs.builder()
                    .name(created.name().applyValue(cluster -> "/aws/ecs/containerinsights/" + cluster + "/performance"))
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.kmsKeyArn())
                    .build(), child));
        }
        return created;
    }

    /**
     * What a service in this service's cluster must wait for: the cluster's capacity providers and Container Insights
     * log group (empty when the cluster is another service's).
     */
    public List<Resource> clusterReady() {
        return List.copyOf(clusterReady);
    }

    /**
     * How long {@code pulumi up} waits for the service to reach a steady state. One task attempt is
     * budgeted at the health-check grace period plus {@link #TASK_START_BUDGET} (image pull, the
     * one-off migration container, start-up). The circuit breaker fails a deployment after
     * max(3, desired / 2) failed tasks (AWS API reference, ServiceDeploymentCircuitBreaker.threshold;
     * at most 200), and a rolling deployment at 200% starts {@code minTasks} tasks per wave; after the
     * failing waves the rollback needs one more wave. Never less than the provider's 20-minute default.
     *
     * @param graceSeconds health-check grace period of the service
     * @param minTasks     desired count the deployment starts with
     */
    public static Duration deploymentTimeout(int graceSeconds, int minTasks) {
        int tasks = Math.max(1, minTasks);
        int threshold = Math.min(200, Math.max(3, (tasks + 1) / 2));
        int failingWaves = (threshold + tasks - 1) / tasks;
        Duration attempt = TASK_START_BUDGET.plusSeconds(Math.max(0, graceSeconds));
        Duration total = attempt.multipliedBy(failingWaves + 1L);
        return total.compareTo(PROVIDER_DEFAULT_TIMEOUT) < 0 ? PROVIDER_DEFAULT_TIMEOUT : total;
    }

    /**
     * The tasks' group: LiteLLM on the container port, from the load balancer and the peers granted
     * with {@code allowFrom}; the tasks reach the database, the cache and the endpoints through the
     * connections those grant.
     */
    @Override
    public Connections connections() {
        return connections;
    }

    /** The load balancer in front of the tasks: admit clients through it, compose listener rules on it. */
    public ServiceLoadBalancer loadBalancer() {
        return balancer();
    }

    /** The flows opened through the tasks' and the load balancer's groups. */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>(connections.flows());
        loadBalancing.ifPresent(lb -> flows.addAll(lb.connections().flows()));
        return flows;
    }

    /** Whether a load balancer fronts the service; the load balancer getters below need one. */
    public boolean loadBalanced() {
        return loadBalancing.isPresent();
    }

    /** {@code https://} or {@code http://} plus the load balancer's DNS name. */
    public Output<String> url() {
        return balancer().url();
    }

    /** Load balancer DNS name. */
    public Output<String> loadBalancerDnsName() {
        return balancer().loadBalancer().dnsName();
    }

    /** Load balancer hosted zone, for alias records. */
    public Output<String> loadBalancerZoneId() {
        return balancer().loadBalancer().zoneId();
    }

    /** Load balancer ARN suffix (CloudWatch dimension). */
    public Output<String> loadBalancerArnSuffix() {
        return balancer().loadBalancer().arnSuffix();
    }

    /** ARN suffix (CloudWatch dimension) of the target group the tasks register in: its own, or the one it was given. */
    public Output<String> targetGroupArnSuffix() {
        return target.map(t -> t.targetGroup().arnSuffix()).orElseGet(() -> balancer().targetGroup().arnSuffix());
    }

    /**
     * The condition every request must meet on the serving listener when a header is required (edge
     * mode): rules that other services add to the listener must carry it too, or they become a way
     * around CloudFront.
     */
    public Optional<ListenerRuleConditionArgs> requiredHeaderCondition() {
        return requiredHeader.map(ServiceLoadBalancer::headerCondition);
    }

    /** The listener that serves traffic (HTTPS, or HTTP when plain HTTP is allowed). */
    public Output<String> listenerArn() {
        return balancer().servingListener().arn();
    }

    /** The tasks' security group. */
    public Output<String> taskSecurityGroupId() {
        return taskGroup.id();
    }

    /** The load balancer's security group. */
    public Output<String> loadBalancerSecurityGroupId() {
        return balancer().securityGroup().id();
    }

    /** The ECS cluster, for further services (the metrics service runs there). */
    public Cluster cluster() {
        return cluster;
    }

    /** The ECS service. */
    public Service service() {
        return service;
    }

    /** The task definition the service runs. */
    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** Cluster name. */
    public Output<String> clusterName() {
        return cluster.name();
    }

    /** Cluster ARN. */
    public Output<String> clusterArn() {
        return cluster.arn();
    }

    /** Service name. */
    public Output<String> serviceName() {
        return service.name();
    }

    /** Task definition ARN (with revision). */
    public Output<String> taskDefinitionArn() {
        return taskDefinition.arn();
    }

    /** Task role ARN. */
    public Output<String> taskRoleArn() {
        return roles.task().arn();
    }

    /** Execution role ARN. */
    public Output<String> executionRoleArn() {
        return roles.execution().arn();
    }

    /** Log group name per container. */
    public Map<String, Output<String>> logGroupNames() {
        return java.util.Collections.unmodifiableMap(logGroupNames);
    }

    /** The WAF web ACL's ARN, when WAF is on. */
    public Optional<Output<String>> webAclArn() {
        return loadBalancing.flatMap(ServiceLoadBalancer::webAclArn);
    }

    private ServiceLoadBalancer balancer() {
        return loadBalancing.orElseThrow(() -> new IllegalStateException(name + " has no load balancer (loadBalanced false)"));
    }

    private static List<ServiceCapacityProviderStrategyArgs> capacityStrategy(CapacityStrategy capacity) {
        return switch (capacity) {
            case FARGATE -> List.of(strategy("FARGATE", 1, 0));
            case FARGATE_SPOT -> List.of(strategy("FARGATE_SPOT", 1, 0));
            case SPOT_WITH_ON_DEMAND_BASE -> List.of(strategy("FARGATE", 0, 1), strategy("FARGATE_SPOT", 1, 0));
        };
    }

    private static ServiceCapacityProviderStrategyArgs strategy(String provider, int weight, int base) {
        return ServiceCapacityProviderStrategyArgs.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    private void autoscaling(ProxyServiceArgs args, CustomResourceOptions child) {
        Output<String> resourceId = Output.tuple(cluster.name(), service.name())
                .applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        this.scalingTarget = new Target(name, TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(resourceId)
                .minCapacity(args.minTasks())
                .maxCapacity(args.maxTasks())
                // The provider reads MinCapacity/MaxCapacity back (terraform-provider-aws appautoscaling/target.go,
                // resourceTargetRead): after a scheduled 0..0 a refresh would see drift and register the range again.
                .build(), args.scheduledRange()
                        ? CustomResourceOptions.builder().parent(this).ignoreChanges("minCapacity", "maxCapacity").build()
                        : child);
        this.lastScalingChange = scalingTarget;
        trackingPolicy("cpu", scalingTarget, "ECSServiceAverageCPUUtilization", null, args.cpuTargetPercent());
        // Several target-tracking policies on one target: Application Auto Scaling scales out when any asks to and in
        // only when all agree (Application Auto Scaling user guide, "Multiple target tracking scaling policies").
        if (args.memoryTargetPercent() > 0) {
            trackingPolicy("memory", scalingTarget, "ECSServiceAverageMemoryUtilization", null, args.memoryTargetPercent());
        }
        if (args.requestsPerTarget() > 0) {
            Output<String> label = Output.tuple(loadBalancerArnSuffix(), targetGroupArnSuffix()).applyValue(t -> t.t1 + "/" + t.t2);
            trackingPolicy("requests", scalingTarget, "ALBRequestCountPerTarget", label, args.requestsPerTarget());
        }
    }

    /**
     * Sets the service's task range at the times of an AWS {@code cron(...)} expression in an IANA time zone
     * (an Application Auto Scaling scheduled action). A range of 0..0 stops every task; a later action with
     * a minimum above 0 starts them again (below the minimum, Application Auto Scaling scales out to it).
     * Actions are created one after another: the service rejects concurrent changes to one scalable target.
     */
    public void scaleOnSchedule(String action, String cron, String timeZone, int minTasks, int maxTasks) {
        if (!scheduledRange) {
            throw new IllegalStateException("ProxyService " + name + ": scaleOnSchedule needs ProxyServiceArgs.scheduledRange"
                    + " (true), or a refresh outside the schedule would register the configured range again");
        }
        this.lastScalingChange = new ScheduledAction(name + "-" + action, ScheduledActionArgs.builder()
                .name(name + "-" + action)
                .serviceNamespace(scalingTarget.serviceNamespace())
                .scalableDimension(scalingTarget.scalableDimension())
                .resourceId(scalingTarget.resourceId())
                .schedule(cron)
                .timezone(timeZone)
                .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                        .minCapacity(minTasks).maxCapacity(maxTasks).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(lastScalingChange).build());
    }

    private void trackingPolicy(String kind, Target target, String metric, Output<String> resourceLabel, double targetValue) {
        var specification = PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                .predefinedMetricType(metric);
        if (resourceLabel != null) {
            specification.resourceLabel(resourceLabel);
        }
        this.lastScalingChange = new Policy(name + "-" + kind, PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(specification.build())
                        .targetValue(targetValue)
                        .scaleInCooldown(300)
                        .scaleOutCooldown(60)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(lastScalingChange).build());
    }
}

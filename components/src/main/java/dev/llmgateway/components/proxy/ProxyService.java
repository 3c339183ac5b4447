package dev.llmgateway.components.proxy;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
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
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A containerized HTTP service on ECS Fargate behind an Application Load Balancer: cluster,
 * per-container encrypted log groups, task definition with secrets only through {@code valueFrom},
 * least-privilege roles, a service with circuit-breaker rollback in private subnets, target
 * tracking on CPU (and optionally requests), and the load balancer described in
 * {@link LoadBalancing}. It knows nothing about what the containers run.
 */
public class ProxyService extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:proxy:ProxyService";

    private final String name;
    private final SecurityGroup taskGroup;
    private final LoadBalancing loadBalancing;
    private final Cluster cluster;
    private final Service service;
    private final TaskDefinition taskDefinition;
    private final TaskRoles roles;
    private final Map<String, Output<String>> logGroupNames = new LinkedHashMap<>();

    /** Creates the service. */
    public ProxyService(String name, ProxyServiceArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        var child = CustomResourceOptions.builder().parent(this).build();

        this.taskGroup = new SecurityGroup(name + "-tasks", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Proxy tasks: traffic only from the load balancer")
                .build(), child);
        // Upstream model APIs and AWS endpoints speak HTTPS; through NAT or VPC endpoints.
        egress("https", 443, null, "0.0.0.0/0");
        this.loadBalancing = new LoadBalancing(name, args, taskGroup, this);

        this.cluster = new Cluster(name, ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights")
                        .value(args.containerInsights() ? "enabled" : "disabled").build())
                .build(), child);
        new ClusterCapacityProviders(name, ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .build(), child);

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
        this.roles = TaskRoles.create(name, args, logGroupArns, child);

        this.taskDefinition = new TaskDefinition(name, TaskDefinitionArgs.builder()
                .family(name)
                .cpu(Integer.toString(args.cpu()))
                .memory(Integer.toString(args.memory()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture(args.architecture().name()).build())
                .executionRoleArn(roles.execution().arn())
                .taskRoleArn(roles.task().arn())
                .containerDefinitions(ContainerDefinitions.json(args.containers(), logGroupNames, args.region()))
                .volumes(ContainerDefinitions.volumes(args.containers()).stream()
                        .map(volume -> TaskDefinitionVolumeArgs.builder().name(volume).build()).toList())
                .build(), child);

        List<Resource> listeners = new ArrayList<>(loadBalancing.listeners());
        var serviceArgs = ServiceArgs.builder();
        args.serviceRegistryArn().ifPresent(arn -> serviceArgs.serviceRegistries(
                ServiceServiceRegistriesArgs.builder().registryArn(arn).build()));
        this.service = new Service(name, serviceArgs
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.minTasks())
                .capacityProviderStrategies(capacityStrategy(args.capacity()))
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.taskSubnetIds())
                        .securityGroups(Output.all(taskGroup.id()))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(loadBalancing.targetGroup().arn())
                        .containerName(args.containers().get(0).name())
                        .containerPort(args.containerPort())
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(200)
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .propagateTags("SERVICE")
                .enableExecuteCommand(false)
                .waitForSteadyState(false)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(listeners)
                // Autoscaling owns the running count once the service exists.
                .ignoreChanges("desiredCount").build());

        autoscaling(args, child);
        registerOutputs(Map.of(
                "url", url(),
                "clusterName", cluster.name(),
                "serviceName", service.name(),
                "taskDefinitionArn", taskDefinition.arn()));
    }

    /** Lets another security group reach the tasks directly on a port (e.g. a metrics scraper). */
    public void allowIngressFrom(String ruleName, int port, Output<String> securityGroupId) {
        new SecurityGroupIngressRule(name + "-from-" + ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(taskGroup.id())
                .referencedSecurityGroupId(securityGroupId)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description("from " + ruleName)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Lets the tasks open connections to another security group on a port (database, cache). */
    public void allowEgressTo(String ruleName, int port, Output<String> securityGroupId) {
        egress(ruleName, port, securityGroupId, null);
    }

    /** {@code https://} or {@code http://} plus the load balancer's DNS name. */
    public Output<String> url() {
        return loadBalancing.url();
    }

    /** Load balancer DNS name. */
    public Output<String> loadBalancerDnsName() {
        return loadBalancing.loadBalancer().dnsName();
    }

    /** Load balancer hosted zone, for alias records. */
    public Output<String> loadBalancerZoneId() {
        return loadBalancing.loadBalancer().zoneId();
    }

    /** Load balancer ARN suffix (CloudWatch dimension). */
    public Output<String> loadBalancerArnSuffix() {
        return loadBalancing.loadBalancer().arnSuffix();
    }

    /** Target group ARN suffix (CloudWatch dimension). */
    public Output<String> targetGroupArnSuffix() {
        return loadBalancing.targetGroup().arnSuffix();
    }

    /** The listener that serves traffic (HTTPS, or HTTP when plain HTTP is allowed). */
    public Output<String> listenerArn() {
        return loadBalancing.servingListener().arn();
    }

    /** The tasks' security group. */
    public Output<String> taskSecurityGroupId() {
        return taskGroup.id();
    }

    /** The load balancer's security group. */
    public Output<String> loadBalancerSecurityGroupId() {
        return loadBalancing.securityGroup().id();
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
        return Map.copyOf(logGroupNames);
    }

    /** The WAF web ACL's ARN, when WAF is on. */
    public Optional<Output<String>> webAclArn() {
        return loadBalancing.webAclArn();
    }

    private void egress(String ruleName, int port, Output<String> securityGroupId, String cidr) {
        var rule = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(taskGroup.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description("to " + ruleName);
        if (securityGroupId != null) {
            rule.referencedSecurityGroupId(securityGroupId);
        } else {
            rule.cidrIpv4(cidr);
        }
        new SecurityGroupEgressRule(name + "-to-" + ruleName, rule.build(), CustomResourceOptions.builder().parent(this).build());
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
        var target = new Target(name, TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(resourceId)
                .minCapacity(args.minTasks())
                .maxCapacity(args.maxTasks())
                .build(), child);
        trackingPolicy("cpu", target, "ECSServiceAverageCPUUtilization", null, args.cpuTargetPercent());
        if (args.requestsPerTarget() > 0) {
            Output<String> label = Output.tuple(loadBalancerArnSuffix(), targetGroupArnSuffix()).applyValue(t -> t.t1 + "/" + t.t2);
            trackingPolicy("requests", target, "ALBRequestCountPerTarget", label, args.requestsPerTarget());
        }
    }

    private void trackingPolicy(String kind, Target target, String metric, Output<String> resourceLabel, double targetValue) {
        var specification = PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                .predefinedMetricType(metric);
        if (resourceLabel != null) {
            specification.resourceLabel(resourceLabel);
        }
        new Policy(name + "-" + kind, PolicyArgs.builder()
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
                .build(), CustomResourceOptions.builder().parent(this).build());
    }
}

package dev.llmgateway.components.proxy;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.waf.WebFirewallArgs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link ProxyService}; build with {@link #builder()}. */
public final class ProxyServiceArgs {

    /** TLS 1.3 with TLS 1.2 fallback: the current AWS recommendation for HTTPS listeners. */
    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private String region;
    private Output<String> vpcId;
    private Output<List<String>> loadBalancerSubnetIds;
    private Output<List<String>> taskSubnetIds;
    private Output<String> kmsKeyArn;
    private final List<ContainerSpec> containers = new ArrayList<>();
    private int containerPort = 4000;
    private int cpu = 1024;
    private int memory = 2048;
    private CpuArchitecture architecture = CpuArchitecture.ARM64;
    private int minTasks = 1;
    private int maxTasks = 1;
    private CapacityStrategy capacity = CapacityStrategy.FARGATE;
    private boolean containerInsights = true;
    private int healthCheckGracePeriodSeconds = 300;
    private String healthCheckPath = "/health/readiness";
    private int deregistrationDelaySeconds = 30;
    private int cpuTargetPercent = 60;
    private int requestsPerTarget;
    private int memoryTargetPercent;
    private boolean internal;
    private final List<String> ingressCidrs = new ArrayList<>();
    private final List<Connectable> ingressPeers = new ArrayList<>();
    private final Map<String, Output<String>> ingressPrefixLists = new LinkedHashMap<>();
    private Output<String> certificateArn;
    private boolean allowPlainHttp;
    private String sslPolicy = DEFAULT_SSL_POLICY;
    private int idleTimeoutSeconds = 300;
    private boolean deletionProtection = true;
    private boolean accessLogs = true;
    private int accessLogExpirationDays = 90;
    private List<String> listenerPaths = List.of("/v1/*", "/health*", "/ui/*");
    private Output<String> taskPolicyJson;
    private WebFirewallArgs waf;
    private RequiredHeader requiredHeader;
    private int logRetentionDays = 30;
    private List<String> blockedPaths = List.of();
    private Output<String> serviceRegistryArn;
    private boolean loadBalanced = true;
    private boolean executeCommand;
    private final List<Resource> serviceDependencies = new ArrayList<>();
    private Resource internetGateway;

    /**
     * A header every request must carry to be served (e.g. a secret set by CloudFront); others get 403.
     *
     * @param name  header name
     * @param value expected value (a secret)
     */
    public record RequiredHeader(String name, Output<String> value) {
    }

    private ProxyServiceArgs() {
    }

    /** Whether an Application Load Balancer fronts the service; false = no load balancer, no inbound rule. */
    public boolean loadBalanced() {
        return loadBalanced;
    }

    /** Whether ECS Exec (and so SSM port forwarding into a task) is on, sessions logged and encrypted. */
    public boolean executeCommand() {
        return executeCommand;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Region (awslogs, ECR); required. */
    public String region() {
        return region;
    }

    /** VPC; required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** Load balancer subnets (public, or private when internal); required. */
    public Output<List<String>> loadBalancerSubnetIds() {
        return loadBalancerSubnetIds;
    }

    /** Task subnets (private); required. */
    public Output<List<String>> taskSubnetIds() {
        return taskSubnetIds;
    }

    /**
     * Customer key; required. It encrypts the log groups, and it is the key of every secret the containers
     * name in {@code secrets}: the execution role may decrypt with it through the stores those ARNs live in.
     */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Containers; the first receives load-balancer traffic; required. */
    public List<ContainerSpec> containers() {
        return List.copyOf(containers);
    }

    /** Port of the first container behind the load balancer; default 4000. */
    public int containerPort() {
        return containerPort;
    }

    /** Task CPU units; default 1024. */
    public int cpu() {
        return cpu;
    }

    /** Task memory in MiB; default 2048. */
    public int memory() {
        return memory;
    }

    /** CPU architecture; default ARM64. */
    public CpuArchitecture architecture() {
        return architecture;
    }

    /** Minimum (and initial) tasks; default 1. */
    public int minTasks() {
        return minTasks;
    }

    /** Maximum tasks; default 1. */
    public int maxTasks() {
        return maxTasks;
    }

    /** Fargate capacity; default on-demand. */
    public CapacityStrategy capacity() {
        return capacity;
    }

    /** Container Insights; default on. */
    public boolean containerInsights() {
        return containerInsights;
    }

    /** Seconds health checks are ignored after a task starts; default 300. */
    public int healthCheckGracePeriodSeconds() {
        return healthCheckGracePeriodSeconds;
    }

    /** Target group health-check path; default /health/readiness. */
    public String healthCheckPath() {
        return healthCheckPath;
    }

    /** Target deregistration delay in seconds; default 30. */
    public int deregistrationDelaySeconds() {
        return deregistrationDelaySeconds;
    }

    /** Target average CPU for scaling; default 60. */
    public int cpuTargetPercent() {
        return cpuTargetPercent;
    }

    /** Target requests per task per minute for scaling; default 0 = off. */
    public int requestsPerTarget() {
        return requestsPerTarget;
    }

    /** Target average memory use for scaling; default 0 = off. */
    public int memoryTargetPercent() {
        return memoryTargetPercent;
    }

    /** Internal load balancer; default false. */
    public boolean internal() {
        return internal;
    }

    /** CIDRs allowed to the listeners; default none. */
    public List<String> ingressCidrs() {
        return List.copyOf(ingressCidrs);
    }

    /** Peers (such as the VPN endpoint) allowed to the listeners, on both of their groups; default none. */
    public List<Connectable> ingressPeers() {
        return List.copyOf(ingressPeers);
    }

    /** Prefix lists allowed to the serving listener, by a name that names their rules; default none. */
    public Map<String, Output<String>> ingressPrefixLists() {
        return Collections.unmodifiableMap(ingressPrefixLists);
    }

    /** ACM certificate for HTTPS; default none. */
    public Optional<Output<String>> certificateArn() {
        return Optional.ofNullable(certificateArn);
    }

    /** Serve plain HTTP without a certificate; default false. */
    public boolean allowPlainHttp() {
        return allowPlainHttp;
    }

    /** HTTPS listener policy; default {@value #DEFAULT_SSL_POLICY}. */
    public String sslPolicy() {
        return sslPolicy;
    }

    /** Load balancer idle timeout, at least 120 s; default 300. */
    public int idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    /** Load balancer deletion protection; default true. */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** Access logs to a private bucket; default true. */
    public boolean accessLogs() {
        return accessLogs;
    }

    /** Days access logs are kept; default 90. */
    public int accessLogExpirationDays() {
        return accessLogExpirationDays;
    }

    /** Paths with explicit forward rules (priorities 10, 20, ...); default /v1/*, /health*, /ui/*. */
    public List<String> listenerPaths() {
        return listenerPaths;
    }

    /** Inline policy of the task role; default none. */
    public Optional<Output<String>> taskPolicyJson() {
        return Optional.ofNullable(taskPolicyJson);
    }

    /** AWS WAF on the load balancer; default none. */
    public Optional<WebFirewallArgs> waf() {
        return Optional.ofNullable(waf);
    }

    /** A header required on every request; default none. */
    public Optional<RequiredHeader> requiredHeader() {
        return Optional.ofNullable(requiredHeader);
    }

    /** Container log retention in days; default 30. */
    public int logRetentionDays() {
        return logRetentionDays;
    }

    /** Paths the load balancer answers with 403 instead of forwarding (e.g. /metrics); default none. */
    public List<String> blockedPaths() {
        return blockedPaths;
    }

    /** Cloud Map service the tasks register in (one DNS record per task); default none. */
    public Optional<Output<String>> serviceRegistryArn() {
        return Optional.ofNullable(serviceRegistryArn);
    }

    /** Resources the tasks need before the first one starts (e.g. the database writer instance); default none. */
    public List<Resource> serviceDependencies() {
        return List.copyOf(serviceDependencies);
    }

    /** The VPC's internet gateway, which an internet-facing load balancer waits for; default none. */
    public Optional<Resource> internetGateway() {
        return Optional.ofNullable(internetGateway);
    }

    /** Builder of {@link ProxyServiceArgs}. */
    public static final class Builder {
        private final ProxyServiceArgs a = new ProxyServiceArgs();

        /** Region; required. */
        public Builder region(String region) { a.region = region; return this; }

        /** VPC; required. */
        public Builder vpcId(Output<String> vpcId) { a.vpcId = vpcId; return this; }

        /** Load balancer subnets; required. */
        public Builder loadBalancerSubnetIds(Output<List<String>> ids) { a.loadBalancerSubnetIds = ids; return this; }

        /** Task subnets; required. */
        public Builder taskSubnetIds(Output<List<String>> ids) { a.taskSubnetIds = ids; return this; }

        /** Customer key of the logs and of the containers' secrets; required. */
        public Builder kmsKeyArn(Output<String> arn) { a.kmsKeyArn = arn; return this; }

        /** Adds a container; the first added receives traffic. */
        public Builder container(ContainerSpec spec) { a.containers.add(spec); return this; }

        /** Container port behind the load balancer; default 4000. */
        public Builder containerPort(int port) { a.containerPort = port; return this; }

        /** Task CPU units; default 1024. */
        public Builder cpu(int cpu) { a.cpu = cpu; return this; }

        /** Task memory in MiB; default 2048. */
        public Builder memory(int memory) { a.memory = memory; return this; }

        /** Architecture; default ARM64. */
        public Builder architecture(CpuArchitecture architecture) { a.architecture = architecture; return this; }

        /** Minimum tasks; default 1. */
        public Builder minTasks(int tasks) { a.minTasks = tasks; return this; }

        /** Maximum tasks; default 1. */
        public Builder maxTasks(int tasks) { a.maxTasks = tasks; return this; }

        /** Capacity; default FARGATE. */
        public Builder capacity(CapacityStrategy capacity) { a.capacity = capacity; return this; }

        /** Container Insights; default true. */
        public Builder containerInsights(boolean enabled) { a.containerInsights = enabled; return this; }

        /** Health-check grace period; default 300 s. */
        public Builder healthCheckGracePeriodSeconds(int seconds) { a.healthCheckGracePeriodSeconds = seconds; return this; }

        /** Target group health-check path; default /health/readiness. */
        public Builder healthCheckPath(String path) { a.healthCheckPath = path; return this; }

        /** Deregistration delay; default 30 s. */
        public Builder deregistrationDelaySeconds(int seconds) { a.deregistrationDelaySeconds = seconds; return this; }

        /** CPU scaling target; default 60. */
        public Builder cpuTargetPercent(int percent) { a.cpuTargetPercent = percent; return this; }

        /** Requests per task per minute scaling target; default off. */
        public Builder requestsPerTarget(int requests) { a.requestsPerTarget = requests; return this; }

        /** Memory scaling target (ECSServiceAverageMemoryUtilization), percent; default 0 = off. */
        public Builder memoryTargetPercent(int percent) { a.memoryTargetPercent = percent; return this; }

        /** Internal load balancer; default false. */
        public Builder internal(boolean internal) { a.internal = internal; return this; }

        /** Allows a CIDR to the listeners. */
        public Builder ingressCidr(String cidr) { a.ingressCidrs.add(cidr); return this; }

        /** Allows a peer to the listeners: the load balancer's ingress and the peer's egress. */
        public Builder ingressPeer(Connectable peer) { a.ingressPeers.add(peer); return this; }

        /** Allows a prefix list to the serving listener; {@code name} (a slug) names its rule. */
        public Builder ingressPrefixList(String name, Output<String> id) { a.ingressPrefixLists.put(name, id); return this; }

        /** Certificate for HTTPS. */
        public Builder certificateArn(Output<String> arn) { a.certificateArn = arn; return this; }

        /** Plain HTTP without certificate; default false. */
        public Builder allowPlainHttp(boolean allow) { a.allowPlainHttp = allow; return this; }

        /** HTTPS policy; default TLS 1.3. */
        public Builder sslPolicy(String policy) { a.sslPolicy = policy; return this; }

        /** Idle timeout; default 300 s. */
        public Builder idleTimeoutSeconds(int seconds) { a.idleTimeoutSeconds = seconds; return this; }

        /** Deletion protection; default true. */
        public Builder deletionProtection(boolean enabled) { a.deletionProtection = enabled; return this; }

        /** Access logs; default true. */
        public Builder accessLogs(boolean enabled) { a.accessLogs = enabled; return this; }

        /** Access log expiry; default 90 days. */
        public Builder accessLogExpirationDays(int days) { a.accessLogExpirationDays = days; return this; }

        /** Explicitly routed paths; default /v1/*, /health*, /ui/*. */
        public Builder listenerPaths(List<String> paths) { a.listenerPaths = List.copyOf(paths); return this; }

        /** Task role inline policy. */
        public Builder taskPolicyJson(Output<String> json) { a.taskPolicyJson = json; return this; }

        /** AWS WAF on the load balancer. */
        public Builder waf(WebFirewallArgs waf) { a.waf = waf; return this; }

        /** A header every request must carry. */
        public Builder requiredHeader(RequiredHeader header) { a.requiredHeader = header; return this; }

        /** Container log retention; default 30 days. */
        public Builder logRetentionDays(int days) { a.logRetentionDays = days; return this; }

        /** Paths answered with 403 at the load balancer; default none. */
        public Builder blockedPaths(List<String> paths) { a.blockedPaths = List.copyOf(paths); return this; }

        /** Cloud Map service for task discovery; default none. */
        public Builder serviceRegistryArn(Output<String> arn) { a.serviceRegistryArn = arn; return this; }

        /**
         * Whether an Application Load Balancer fronts the service; default true. Without one the tasks admit no
         * inbound traffic at all, health comes from the container health check alone, and operators reach a task
         * through ECS Exec (see {@link #executeCommand}); no load balancer settings may be given then.
         */
        public Builder loadBalanced(boolean loadBalanced) { a.loadBalanced = loadBalanced; return this; }

        /**
         * ECS Exec on the service; default false. Sessions (shells and SSM port forwarding) are encrypted with
         * {@code kmsKeyArn} and logged to an encrypted log group; the task role gets the SSM message channels.
         */
        public Builder executeCommand(boolean enabled) { a.executeCommand = enabled; return this; }
        /** A resource the tasks need before the first one starts, such as the database writer; repeatable. */
        public Builder serviceDependsOn(Resource resource) { a.serviceDependencies.add(Objects.requireNonNull(resource)); return this; }

        /** The VPC's internet gateway: an internet-facing load balancer is created only once it is attached. */
        public Builder internetGateway(Resource gateway) { a.internetGateway = gateway; return this; }

        /** Builds and validates the args. */
        public ProxyServiceArgs build() {
            Objects.requireNonNull(a.region, "ProxyServiceArgs.region is required");
            Objects.requireNonNull(a.vpcId, "ProxyServiceArgs.vpcId is required");
            if (a.loadBalanced) {
                Objects.requireNonNull(a.loadBalancerSubnetIds, "ProxyServiceArgs.loadBalancerSubnetIds is required");
                require(a.certificateArn != null || a.allowPlainHttp,
                        "a certificateArn is required for HTTPS; plain HTTP needs allowPlainHttp(true)");
            } else {
                require(a.loadBalancerSubnetIds == null && a.ingressCidrs.isEmpty() && a.ingressPeers.isEmpty()
                                && a.ingressPrefixLists.isEmpty() && a.certificateArn == null && a.waf == null
                                && a.requiredHeader == null && a.blockedPaths.isEmpty() && a.requestsPerTarget == 0,
                        "without a load balancer, give no load balancer subnets, ingress, certificate, WAF, required header,"
                                + " blocked paths or request-count scaling");
            }
            Objects.requireNonNull(a.taskSubnetIds, "ProxyServiceArgs.taskSubnetIds is required");
            Objects.requireNonNull(a.kmsKeyArn, "ProxyServiceArgs.kmsKeyArn is required");
            require(!a.containers.isEmpty(), "at least one container is required");
            FargateSizes.problem(a.cpu, a.memory).ifPresent(problem -> {
                throw new IllegalArgumentException("ProxyServiceArgs: cpu " + a.cpu + " / memory " + a.memory + ": " + problem);
            });
            require(a.minTasks >= 1 && a.minTasks <= a.maxTasks, "need 1 <= minTasks <= maxTasks, got " + a.minTasks + ".." + a.maxTasks);
            require(a.idleTimeoutSeconds >= 120, "idleTimeoutSeconds must be at least 120 (streamed completions), got " + a.idleTimeoutSeconds);
            require(a.healthCheckGracePeriodSeconds >= 0, "healthCheckGracePeriodSeconds must not be negative");
            require(a.cpuTargetPercent >= 10 && a.cpuTargetPercent <= 95, "cpuTargetPercent must be 10..95");
            require(a.memoryTargetPercent == 0 || a.memoryTargetPercent >= 10 && a.memoryTargetPercent <= 95,
                    "memoryTargetPercent must be 0 (off) or 10..95, got " + a.memoryTargetPercent);
            require(LogRetention.accepts(a.logRetentionDays), "logRetentionDays must be one of " + LogRetention.DAYS);
            return a;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException("ProxyServiceArgs: " + message);
            }
        }
    }
}

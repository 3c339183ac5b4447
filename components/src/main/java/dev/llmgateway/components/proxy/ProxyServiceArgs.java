package dev.llmgateway.components.proxy;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import dev.llmgateway.components.waf.WebFirewallArgs;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link ProxyService}; build with {@link #builder()}.
 *
 * @param region                        region (awslogs, ECR); required
 * @param vpcId                         VPC; required
 * @param loadBalancerSubnetIds         load balancer subnets (public, or private when internal); required when load
 *                                      balanced, none otherwise
 * @param taskSubnetIds                 task subnets (private); required
 * @param kmsKeyArn                     customer key; required. It encrypts the log groups and the ECS Exec sessions,
 *                                      and it is the key of every secret the containers name in {@code secrets}: the
 *                                      execution role may decrypt with it through the stores those ARNs live in
 * @param containers                    containers; the first receives load-balancer traffic; at least one
 * @param containerPort                 port of the first container behind the load balancer; default
 *                                      {@value #DEFAULT_CONTAINER_PORT}
 * @param cpu                           task CPU units; default {@value #DEFAULT_CPU}; a Fargate size with {@code memory}
 * @param memory                        task memory in MiB; default {@value #DEFAULT_MEMORY}
 * @param architecture                  CPU architecture; default {@link #DEFAULT_ARCHITECTURE}
 * @param minTasks                      minimum (and initial) tasks, at least 1; default {@value #DEFAULT_MIN_TASKS}
 * @param maxTasks                      maximum tasks, at least {@code minTasks}; default {@value #DEFAULT_MAX_TASKS}
 * @param capacity                      Fargate capacity; default {@link #DEFAULT_CAPACITY}
 * @param containerInsights             Container Insights; default {@value #DEFAULT_CONTAINER_INSIGHTS}
 * @param healthCheckGracePeriodSeconds seconds health checks are ignored after a task starts, not negative; default
 *                                      {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS}
 * @param healthCheckPath               target group health-check path; default {@value #DEFAULT_HEALTH_CHECK_PATH}
 * @param deregistrationDelaySeconds    seconds a deregistering task keeps serving its in-flight requests (a deploy or
 *                                      scale-in waits for them), 0..3600; default
 *                                      {@value #DEFAULT_DEREGISTRATION_DELAY_SECONDS}
 * @param cpuTargetPercent              target average CPU for scaling, 10..95; default {@value #DEFAULT_CPU_TARGET_PERCENT}
 * @param requestsPerTarget             target requests per task per minute for scaling; default 0 = off
 * @param memoryTargetPercent           target average memory use for scaling
 *                                      ({@code ECSServiceAverageMemoryUtilization}), 0 or 10..95; default 0 = off
 * @param internal                      internal load balancer; default false
 * @param certificateArn                ACM certificate for HTTPS; default none
 * @param allowPlainHttp                serve plain HTTP without a certificate; default false
 * @param sslPolicy                     HTTPS listener policy; default {@value #DEFAULT_SSL_POLICY}
 * @param idleTimeoutSeconds            load balancer idle timeout, at least 120 s; default
 *                                      {@value #DEFAULT_IDLE_TIMEOUT_SECONDS}
 * @param deletionProtection            load balancer deletion protection; default {@value #DEFAULT_DELETION_PROTECTION}
 * @param accessLogs                    access logs to a private bucket; default {@value #DEFAULT_ACCESS_LOGS}
 * @param accessLogExpirationDays       days access logs are kept; default {@value #DEFAULT_ACCESS_LOG_EXPIRATION_DAYS}
 * @param listenerPaths                 paths with explicit forward rules (priorities
 *                                      {@link ProxyService#FIRST_FORWARD_PRIORITY}, +10, ...); default
 *                                      {@link #DEFAULT_LISTENER_PATHS}. With a required header the listener's default
 *                                      action refuses: add {@code /*} to forward everything else that carries it
 * @param taskPolicyJson                inline policy of the task role; default none
 * @param waf                           AWS WAF on the load balancer; default none
 * @param requiredHeader                a header required on every request; default none
 * @param logRetentionDays              container log retention in days, a value CloudWatch Logs accepts; default
 *                                      {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param blockedPaths                  paths the load balancer answers with 403 instead of forwarding (e.g.
 *                                      /metrics); default none
 * @param serviceRegistryArn            Cloud Map service the tasks register in (one DNS record per task); default none
 * @param loadBalanced                  whether an Application Load Balancer fronts the service; default
 *                                      {@value #DEFAULT_LOAD_BALANCED}. Without one the tasks admit no inbound
 *                                      traffic at all, health comes from the container health check alone, operators
 *                                      reach a task through ECS Exec, and no load balancer settings may be given
 * @param executeCommand                ECS Exec (and so SSM port forwarding into a task) on the service; default
 *                                      false. Sessions are encrypted with {@code kmsKeyArn} and logged to an encrypted
 *                                      log group; the task role gets the SSM message channels
 * @param scheduledRange                whether schedules own the task range ({@link ProxyService#scaleOnSchedule}):
 *                                      the scalable target then ignores drift of its minimum and maximum, so a
 *                                      {@code pulumi refresh} outside the scheduled hours does not start tasks
 *                                      again; default false
 * @param serviceDependencies           resources the tasks need before the first one starts (e.g. the database
 *                                      writer instance); default none
 * @param internetGateway               the VPC's internet gateway, which an internet-facing load balancer waits for;
 *                                      default none
 * @param target                        a target group on a load balancer another service owns
 *                                      ({@link ServiceLoadBalancer#route}) to register the tasks in, without a load
 *                                      balancer of its own ({@code loadBalanced} false); default none
 * @param cluster                       an existing ECS cluster to run in (another service's, {@link ProxyService#cluster()});
 *                                      default none: a cluster of its own. With one, {@code serviceDependencies} should
 *                                      name that service's {@link ProxyService#clusterReady()}, and ECS Exec is off
 */
@ComponentArgs
public record ProxyServiceArgs(String region,
                               Output<String> vpcId,
                               Output<List<String>> loadBalancerSubnetIds,
                               Output<List<String>> taskSubnetIds,
                               Output<String> kmsKeyArn,
                               List<ContainerSpec> containers,
                               @Initializer("DEFAULT_CONTAINER_PORT") int containerPort,
                               @Initializer("DEFAULT_CPU") int cpu,
                               @Initializer("DEFAULT_MEMORY") int memory,
                               @Initializer("DEFAULT_ARCHITECTURE") CpuArchitecture architecture,
                               @Initializer("DEFAULT_MIN_TASKS") int minTasks,
                               @Initializer("DEFAULT_MAX_TASKS") int maxTasks,
                               @Initializer("DEFAULT_CAPACITY") CapacityStrategy capacity,
                               @Initializer("DEFAULT_CONTAINER_INSIGHTS") boolean containerInsights,
                               @Initializer("DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS") int healthCheckGracePeriodSeconds,
                               @Initializer("DEFAULT_HEALTH_CHECK_PATH") String healthCheckPath,
                               @Initializer("DEFAULT_DEREGISTRATION_DELAY_SECONDS") int deregistrationDelaySeconds,
                               @Initializer("DEFAULT_CPU_TARGET_PERCENT") int cpuTargetPercent,
                               int requestsPerTarget,
                               int memoryTargetPercent,
                               boolean internal,
                               Optional<Output<String>> certificateArn,
                               boolean allowPlainHttp,
                               @Initializer("DEFAULT_SSL_POLICY") String sslPolicy,
                               @Initializer("DEFAULT_IDLE_TIMEOUT_SECONDS") int idleTimeoutSeconds,
                               @Initializer("DEFAULT_DELETION_PROTECTION") boolean deletionProtection,
                               @Initializer("DEFAULT_ACCESS_LOGS") boolean accessLogs,
                               @Initializer("DEFAULT_ACCESS_LOG_EXPIRATION_DAYS") int accessLogExpirationDays,
                               @Initializer("DEFAULT_LISTENER_PATHS") List<String> listenerPaths,
                               Optional<Output<String>> taskPolicyJson,
                               Optional<WebFirewallArgs> waf,
                               Optional<RequiredHeader> requiredHeader,
                               @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                               List<String> blockedPaths,
                               Optional<Output<String>> serviceRegistryArn,
                               @Initializer("DEFAULT_LOAD_BALANCED") boolean loadBalanced,
                               boolean executeCommand,
                               boolean scheduledRange,
                               List<Resource> serviceDependencies,
                               Optional<Resource> internetGateway,
                               Optional<LoadBalancerTarget> target,
                               Optional<Cluster> cluster) {

    /** Default listener port of LiteLLM's proxy. */
    public static final int DEFAULT_CONTAINER_PORT = 4000;
    /** Default task CPU units: one vCPU, what LiteLLM asks per worker (smaller tasks get throttled). */
    public static final int DEFAULT_CPU = 1024;
    /** Default task memory in MiB: the least Fargate pairs with one vCPU. */
    public static final int DEFAULT_MEMORY = 2048;
    /** Default architecture: Graviton, cheaper than x86-64 on Fargate. */
    public static final CpuArchitecture DEFAULT_ARCHITECTURE = CpuArchitecture.ARM64;
    /** Default minimum tasks: one, the smallest running service. */
    public static final int DEFAULT_MIN_TASKS = 1;
    /** Default maximum tasks: one, so scaling out is a decision. */
    public static final int DEFAULT_MAX_TASKS = 1;
    /** Default capacity: on-demand Fargate, never interrupted. */
    public static final CapacityStrategy DEFAULT_CAPACITY = CapacityStrategy.FARGATE;
    /** Container Insights is on unless turned off. */
    public static final boolean DEFAULT_CONTAINER_INSIGHTS = true;
    /** Default health-check grace in seconds: start-up with database migrations can take minutes. */
    public static final int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 300;
    /** Default health-check path: LiteLLM's readiness probe. */
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/health/readiness";
    /** Default deregistration delay in seconds: a tenth of the load balancer default (300), for quick deployments. */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;
    /** Default CPU scaling target: LiteLLM scales on CPU at about 60 %. */
    public static final int DEFAULT_CPU_TARGET_PERCENT = 60;
    /** TLS 1.3 with TLS 1.2 fallback: the current AWS recommendation for HTTPS listeners. */
    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    /** Default idle timeout in seconds: long or streamed responses need at least 120. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    /** Deletion protection is on unless turned off. */
    public static final boolean DEFAULT_DELETION_PROTECTION = true;
    /** Access logs are on unless turned off. */
    public static final boolean DEFAULT_ACCESS_LOGS = true;
    /** Default access-log expiry in days: a quarter. */
    public static final int DEFAULT_ACCESS_LOG_EXPIRATION_DAYS = 90;
    /** Default explicitly routed paths: the OpenAI-compatible API, the health probes and the admin UI. */
    public static final List<String> DEFAULT_LISTENER_PATHS = List.of("/v1/*", "/health*", "/ui/*");
    /** Default container log retention in days. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** A load balancer fronts the service unless turned off. */
    public static final boolean DEFAULT_LOAD_BALANCED = true;

    /**
     * A header every request must carry to be served (e.g. a secret set by CloudFront); others get 403.
     *
     * @param name  header name
     * @param value expected value (a secret)
     */
    public record RequiredHeader(String name, Output<String> value) {
    }

    /** Copies the lists and validates the inputs. */
    public ProxyServiceArgs {
        containers = List.copyOf(containers);
        listenerPaths = List.copyOf(listenerPaths);
        blockedPaths = List.copyOf(blockedPaths);
        serviceDependencies = List.copyOf(serviceDependencies);
        Objects.requireNonNull(region, "ProxyServiceArgs.region is required");
        Objects.requireNonNull(vpcId, "ProxyServiceArgs.vpcId is required");
        if (loadBalanced) {
            Objects.requireNonNull(loadBalancerSubnetIds, "ProxyServiceArgs.loadBalancerSubnetIds is required");
            require(certificateArn.isPresent() || allowPlainHttp,
                    "a certificateArn is required for HTTPS; plain HTTP needs allowPlainHttp(true)");
        } else {
            require(loadBalancerSubnetIds == null && certificateArn.isEmpty() && waf.isEmpty()
                            && requiredHeader.isEmpty() && blockedPaths.isEmpty() && requestsPerTarget == 0,
                    "without a load balancer, give no load balancer subnets, certificate, WAF, required header,"
                            + " blocked paths or request-count scaling");
        }
        require(target.isEmpty() || !loadBalanced, "a target on another service's load balancer needs loadBalanced(false)");
        require(cluster.isEmpty() || !executeCommand, "ECS Exec needs a cluster of its own (its session logging is cluster configuration)");
        Objects.requireNonNull(taskSubnetIds, "ProxyServiceArgs.taskSubnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "ProxyServiceArgs.kmsKeyArn is required");
        require(!containers.isEmpty(), "at least one container is required");
        FargateSizes.problem(cpu, memory).ifPresent(problem -> {
            throw new IllegalArgumentException("ProxyServiceArgs: cpu " + cpu + " / memory " + memory + ": " + problem);
        });
        require(minTasks >= 1 && minTasks <= maxTasks, "need 1 <= minTasks <= maxTasks, got " + minTasks + ".." + maxTasks);
        // ELBv2 target group attribute deregistration_delay.timeout_seconds: 0-3600 (AWS default 300).
        require(deregistrationDelaySeconds >= 0 && deregistrationDelaySeconds <= 3600,
                "deregistrationDelaySeconds must be 0..3600, got " + deregistrationDelaySeconds);
        require(idleTimeoutSeconds >= 120, "idleTimeoutSeconds must be at least 120 (streamed completions), got " + idleTimeoutSeconds);
        require(healthCheckGracePeriodSeconds >= 0, "healthCheckGracePeriodSeconds must not be negative");
        require(cpuTargetPercent >= 10 && cpuTargetPercent <= 95, "cpuTargetPercent must be 10..95");
        require(memoryTargetPercent == 0 || memoryTargetPercent >= 10 && memoryTargetPercent <= 95,
                "memoryTargetPercent must be 0 (off) or 10..95, got " + memoryTargetPercent);
        require(LogRetention.accepts(logRetentionDays), "logRetentionDays must be one of " + LogRetention.DAYS);
    }

    /** Starts a builder with the defaults. */
    public static ProxyServiceArgsBuilder builder() {
        return ProxyServiceArgsBuilder.builder();
    }

    private static void require(boolean condition, String message) {
        Reject.unless(condition, "ProxyServiceArgs: " + message);
    }
}

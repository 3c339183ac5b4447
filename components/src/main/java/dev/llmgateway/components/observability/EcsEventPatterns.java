package dev.llmgateway.components.observability;

import dev.llmgateway.components.support.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge patterns for the ECS events that mean "a deployment or a task failed" in one cluster.
 * Event shapes: Amazon ECS Developer Guide, "Amazon ECS service deployment state change events"
 * ({@code detail-type} "ECS Deployment State Change", {@code eventName} SERVICE_DEPLOYMENT_FAILED,
 * {@code resources} = the service ARN) and "Amazon ECS task state change events" ({@code detail.clusterArn},
 * {@code lastStatus}, {@code stopCode}).
 */
public final class EcsEventPatterns {

    /**
     * Stop codes that mean the task broke: it never started (image pull, secrets, a failed migration
     * container) or its essential container exited. Scale-in, deployments and health-check
     * replacements stop tasks with {@code ServiceSchedulerInitiated}, Spot reclaims with
     * {@code SpotInterruption}: those are normal operation and stay out of the alarm topic.
     */
    static final List<String> FAILURE_STOP_CODES = List.of("TaskFailedToStart", "EssentialContainerExited");


    private EcsEventPatterns() {
    }

    /** Deployments of any service in the cluster that ECS marks as failed (circuit breaker). */
    static String deploymentFailed(String clusterArn) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.ecs"));
        pattern.put("detail-type", List.of("ECS Deployment State Change"));
        pattern.put("resources", List.of(Map.of("prefix", servicePrefix(clusterArn))));
        pattern.put("detail", Map.of("eventName", List.of("SERVICE_DEPLOYMENT_FAILED")));
        return Json.write(pattern);
    }

    /**
     * Tasks of the cluster's services that stopped because they failed. Only service tasks ({@code group}
     * {@code service:<name>}): a one-off task (RunTask, {@code group} {@code family:<family>} by default) stops with
     * {@code EssentialContainerExited} also when it succeeds, so its failures are judged by exit code
     * ({@link #oneOffTaskFailed}).
     */
    static String taskFailed(String clusterArn) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("clusterArn", List.of(clusterArn));
        detail.put("group", List.of(Map.of("prefix", "service:")));
        detail.put("lastStatus", List.of("STOPPED"));
        detail.put("stopCode", FAILURE_STOP_CODES);
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.ecs"));
        pattern.put("detail-type", List.of("ECS Task State Change"));
        pattern.put("detail", detail);
        return Json.write(pattern);
    }

    /**
     * One-off tasks of the given task-definition families that failed: stopped and either never started
     * ({@code stopCode} {@code TaskFailedToStart}) or with a container that exited non-zero. Event fields: Amazon ECS
     * Developer Guide, "Amazon ECS task state change events" ({@code group}, {@code containers[].exitCode}); a pattern
     * on an array matches when any element does, and {@code anything-but} with a number matches every other number
     * (EventBridge User Guide, "Content filtering in Amazon EventBridge event patterns"). RunTask puts a task in the
     * group {@code family:<family>} unless the caller names another.
     */
    public static String oneOffTaskFailed(String clusterArn, List<String> families) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("clusterArn", List.of(clusterArn));
        detail.put("group", families.stream().map(f -> "family:" + f).toList());
        detail.put("lastStatus", List.of("STOPPED"));
        // "$or" on fields of one level: EventBridge User Guide, "Content filtering", "Or matching".
        detail.put("$or", List.of(Map.of("stopCode", List.of("TaskFailedToStart")),
                Map.of("containers", Map.of("exitCode", List.of(Map.of("anything-but", 0))))));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.ecs"));
        pattern.put("detail-type", List.of("ECS Task State Change"));
        pattern.put("detail", detail);
        return Json.write(pattern);
    }

    /** {@code arn:...:cluster/NAME} becomes {@code arn:...:service/NAME/}, the prefix of its services' ARNs. */
    static String servicePrefix(String clusterArn) {
        int at = clusterArn.indexOf(":cluster/");
        if (at < 0) {
            throw new IllegalArgumentException("clusterArn: '" + clusterArn + "' is not an ECS cluster ARN (arn:<partition>:ecs:<region>:<account>:cluster/<name>)");
        }
        return clusterArn.substring(0, at) + ":service/" + clusterArn.substring(at + ":cluster/".length()) + "/";
    }
}

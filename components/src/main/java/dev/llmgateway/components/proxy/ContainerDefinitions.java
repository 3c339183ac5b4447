package dev.llmgateway.components.proxy;

import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import dev.llmgateway.components.support.Json;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link ContainerSpec}s as the task definition's {@code containerDefinitions} JSON. Keys
 * are sorted so the same specs always give the same text (no spurious new task definitions).
 */
final class ContainerDefinitions {

    private ContainerDefinitions() {
    }

    /** The JSON for all containers; each logs to its own group in {@code region}. */
    static Output<String> json(List<ContainerSpec> containers, Map<String, Output<String>> logGroups, String region) {
        List<Output<Map<String, Object>>> definitions = new ArrayList<>();
        for (ContainerSpec spec : containers) {
            definitions.add(Output.tuple(resolve(spec.environment()), resolve(spec.secrets()), logGroups.get(spec.name()))
                    .applyValue(t -> definition(spec, t.t1, t.t2, t.t3, region)));
        }
        return Output.all(definitions).applyValue(Json::write);
    }

    private static Map<String, Object> definition(ContainerSpec spec, Map<String, String> environment,
                                                  Map<String, String> secrets, String logGroup, String region) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", spec.name());
        d.put("image", spec.image());
        d.put("essential", spec.essential());
        spec.cpu().ifPresent(cpu -> d.put("cpu", cpu));
        spec.memoryReservation().ifPresent(mib -> d.put("memoryReservation", mib));
        spec.port().ifPresent(port -> d.put("portMappings", List.of(Map.of("containerPort", port, "protocol", "tcp"))));
        d.put("environment", environment.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        d.put("secrets", secrets.entrySet().stream().map(e -> Map.of("name", e.getKey(), "valueFrom", e.getValue())).toList());
        if (!spec.command().isEmpty()) {
            d.put("command", spec.command());
        }
        if (!spec.entryPoint().isEmpty()) {
            d.put("entryPoint", spec.entryPoint());
        }
        spec.healthCheck().ifPresent(h -> d.put("healthCheck", Map.of(
                "command", h.command(), "interval", h.intervalSeconds(), "timeout", h.timeoutSeconds(),
                "retries", h.retries(), "startPeriod", h.startPeriodSeconds())));
        if (!spec.dependsOn().isEmpty()) {
            d.put("dependsOn", new TreeMap<>(spec.dependsOn()).entrySet().stream()
                    .map(e -> Map.of("containerName", e.getKey(), "condition", e.getValue().name())).toList());
        }
        d.put("readonlyRootFilesystem", spec.readonlyRootFilesystem());
        d.put("privileged", false);
        spec.user().ifPresent(user -> d.put("user", user));
        if (!spec.mounts().isEmpty()) {
            d.put("mountPoints", new TreeMap<>(spec.mounts()).entrySet().stream().map(e -> Map.of(
                    "sourceVolume", e.getKey(), "containerPath", e.getValue().path(), "readOnly", e.getValue().readOnly())).toList());
        }
        spec.stopTimeoutSeconds().ifPresent(seconds -> d.put("stopTimeout", seconds));
        if (spec.dropAllCapabilities()) {
            d.put("linuxParameters", Map.of("capabilities", Map.of("drop", List.of("ALL"))));
        }
        d.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", logGroup, "awslogs-region", region, "awslogs-stream-prefix", spec.name())));
        return d;
    }

    /**
     * A Linux Fargate task definition of {@code containers} in awsvpc mode, run with {@code roles}, each container
     * logging to its group in {@code logGroups}, with the task storage volumes the containers mount.
     */
    static TaskDefinitionArgs fargateTask(String family, int cpu, int memory, CpuArchitecture architecture, TaskRoles roles,
                                          List<ContainerSpec> containers, Map<String, Output<String>> logGroups, String region) {
        return TaskDefinitionArgs.builder()
                .family(family)
                .cpu(Integer.toString(cpu))
                .memory(Integer.toString(memory))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture(architecture.name()).build())
                .executionRoleArn(roles.execution().arn())
                .taskRoleArn(roles.task().arn())
                .containerDefinitions(json(containers, logGroups, region))
                .volumes(volumes(containers).stream()
                        .map(volume -> TaskDefinitionVolumeArgs.builder().name(volume).build()).toList())
                .build();
    }

    /** The task volumes the containers mount, sorted: Fargate task storage, one per name. */
    static List<String> volumes(List<ContainerSpec> containers) {
        return containers.stream().flatMap(c -> c.mounts().keySet().stream()).distinct().sorted().toList();
    }

    /** Resolves every value, keeping keys in sorted order. */
    private static Output<Map<String, String>> resolve(Map<String, Output<String>> values) {
        List<String> keys = new ArrayList<>(new TreeMap<>(values).keySet());
        if (keys.isEmpty()) {
            return Output.of(Map.of());
        }
        return Output.all(keys.stream().map(values::get).toList()).applyValue(resolved -> {
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), resolved.get(i));
            }
            return map;
        });
    }
}

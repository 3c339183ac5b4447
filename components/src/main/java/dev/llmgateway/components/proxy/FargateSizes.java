package dev.llmgateway.components.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task sizes Fargate accepts (Linux, x86-64 and ARM64 alike): CPU units and the memory (MiB) allowed with each.
 * Source: Amazon ECS developer guide, "Task CPU and memory"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size), checked
 * {@value #AS_OF}.
 */
public final class FargateSizes {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = Map.of(
            256, List.of(512, 1024, 2048),
            512, range(1024, 4096, 1024),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024),
            8192, range(16384, 61440, 4096),
            16384, range(32768, 122880, 8192));

    private FargateSizes() {
    }

    /** Whether Fargate accepts {@code cpu} units at all. */
    public static boolean acceptsCpu(int cpu) {
        return MEMORY_BY_CPU.containsKey(cpu);
    }

    /** Empty when Fargate accepts the pair, else a sentence saying what it accepts. */
    public static Optional<String> problem(int cpu, int memory) {
        List<Integer> allowed = MEMORY_BY_CPU.get(cpu);
        if (allowed == null) {
            return Optional.of("Fargate CPU must be one of " + MEMORY_BY_CPU.keySet().stream().sorted().toList() + " units"
                    + " (as of " + AS_OF + ")");
        }
        if (!allowed.contains(memory)) {
            return Optional.of("with " + cpu + " CPU units Fargate accepts memory " + describe(allowed) + " MiB");
        }
        return Optional.empty();
    }

    private static String describe(List<Integer> allowed) {
        return allowed.size() <= 3 ? allowed.toString()
                : allowed.get(0) + ".." + allowed.get(allowed.size() - 1) + " in steps of " + (allowed.get(1) - allowed.get(0));
    }

    private static List<Integer> range(int from, int to, int step) {
        List<Integer> values = new ArrayList<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return List.copyOf(values);
    }
}

package dev.llmgateway.plan;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a first {@code pulumi preview} cannot know yet: the inputs (per resource type) and stack outputs that derive
 * from values the provider computes when it creates a resource (ids, ARNs, endpoints, generated secrets). They are
 * unknown in the plan's preview JSON, as the engine shows them; the rest of the plan uses the mock's stand-ins.
 */
final class DeployTimeValues {

    private DeployTimeValues() {
    }

    /** Per resource type, the top-level inputs that hold an unknown in {@code preview}. */
    static SortedMap<String, SortedSet<String>> inputs(PlannedStack preview) {
        SortedMap<String, SortedSet<String>> byType = new TreeMap<>();
        for (PlannedResource r : preview.resources()) {
            r.inputs().forEach((key, value) -> {
                if (holdsUnknown(value)) {
                    byType.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(key);
                }
            });
        }
        return byType;
    }

    /** The stack outputs that are unknown in {@code preview}. */
    static SortedSet<String> outputs(PlannedStack preview) {
        SortedSet<String> unknown = new TreeSet<>();
        preview.outputs().forEach((key, value) -> {
            if (holdsUnknown(value)) {
                unknown.add(key);
            }
        });
        return unknown;
    }

    /** Whether {@code value} is, or contains, the engine's unknown marker. */
    static boolean holdsUnknown(Object value) {
        Object plain = Secret.reveal(value);
        if (plain instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(DeployTimeValues::holdsUnknown);
        }
        if (plain instanceof List<?> list) {
            return list.stream().anyMatch(DeployTimeValues::holdsUnknown);
        }
        return OfflineEngine.UNKNOWN_MARK.equals(plain);
    }

    /** The human-readable section. */
    static String table(PlannedStack preview) {
        StringBuilder text = new StringBuilder();
        inputs(preview).forEach((type, keys) -> text.append(String.format("  %-58s %s%n", type, String.join(", ", keys))));
        SortedSet<String> outputs = outputs(preview);
        text.append("  stack outputs: ").append(outputs.isEmpty() ? "(all known)" : String.join(", ", outputs)).append('\n');
        return text.toString();
    }
}

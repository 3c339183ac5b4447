package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;

import java.util.HashMap;
import java.util.Map;

/** Offline plans of the committed stacks and examples, made as the plan command makes them, once per JVM. */
public final class Plans {

    private static final Map<String, PlannedStack> CACHE = new HashMap<>();

    private Plans() {
    }

    /** The plan of {@code Pulumi.<stack>.yaml}. */
    public static synchronized PlannedStack stack(String stack) {
        return CACHE.computeIfAbsent(stack, s -> of(Stacks.load(s)));
    }

    /** The plan of {@code examples/<name>.yaml}. */
    public static synchronized PlannedStack example(String name) {
        return CACHE.computeIfAbsent("example:" + name, s -> of(Stacks.example(name)));
    }

    /** The plan of {@code Pulumi.<stack>.yaml} with some settings changed (a null value removes one), once per JVM. */
    public static synchronized PlannedStack stack(String stack, Map<String, Object> changes) {
        return CACHE.computeIfAbsent(stack + new java.util.TreeMap<>(changes), s -> of(Stacks.load(stack).with(changes)));
    }

    /** The plan of {@code examples/<name>.yaml} with some settings changed, once per JVM. */
    public static synchronized PlannedStack example(String name, Map<String, Object> changes) {
        return CACHE.computeIfAbsent("example:" + name + new java.util.TreeMap<>(changes), s -> of(Stacks.example(name).with(changes)));
    }

    /** The plan of any settings source; fails with the program's own error. */
    public static PlannedStack of(StackFileConfigSource source) {
        return PlanCommand.plan(StackSettings.read(source)).orThrow();
    }
}

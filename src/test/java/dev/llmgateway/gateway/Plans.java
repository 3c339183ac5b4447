package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.HashMap;
import java.util.Map;

/** The whole program planned on the mock engine for the committed stacks and examples, once per JVM. */
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

    /** The plan of any settings source; fails with the program's own error. */
    public static PlannedStack of(StackFileConfigSource source) {
        StackSettings settings = StackSettings.read(source);
        return OfflineEngine.plan(settings.project(), settings.stack(), settings.region(),
                ctx -> App.deploy(ctx, settings)).orThrow();
    }
}

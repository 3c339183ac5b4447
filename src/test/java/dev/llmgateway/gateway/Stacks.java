package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.StackFileConfigSource;

import java.nio.file.Path;

/** The committed stack files, as tests read them. */
public final class Stacks {

    /** Project directory (tests run from it). */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private Stacks() {
    }

    /** {@code Pulumi.<stack>.yaml} merged over the {@code Pulumi.yaml} defaults. */
    public static StackFileConfigSource load(String stack) {
        return StackFileConfigSource.load(PROJECT, stack);
    }

    /** {@code examples/<name>.yaml} merged over the {@code Pulumi.yaml} defaults, as stack {@code name}. */
    public static StackFileConfigSource example(String name) {
        return StackFileConfigSource.load(PROJECT, PROJECT.resolve("examples").resolve(name + ".yaml"), name);
    }
}

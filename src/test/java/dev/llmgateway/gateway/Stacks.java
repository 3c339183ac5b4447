package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.StackFileConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Names of the example stacks in {@code examples/}. */
    public static List<String> examples() {
        try (var files = Files.list(PROJECT.resolve("examples"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code examples/<name>.yaml} merged over the {@code Pulumi.yaml} defaults, as stack {@code name}. */
    public static StackFileConfigSource example(String name) {
        return StackFileConfigSource.load(PROJECT, PROJECT.resolve("examples").resolve(name + ".yaml"), name);
    }
}

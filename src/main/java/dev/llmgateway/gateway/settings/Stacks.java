package dev.llmgateway.gateway.settings;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed stack files and examples, read from the project directory (where {@code pulumi} and the offline
 * plan run): the stacks tests and the plan work on.
 */
public final class Stacks {

    /** Project directory: the working directory of the CLI, the plan and every test. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    /** The committed stacks ({@code Pulumi.<stack>.yaml}), in the order the deploy pipeline runs them. */
    public static final List<String> COMMITTED = List.of("dev", "staging", "prod");

    private Stacks() {
    }

    /** {@code Pulumi.<stack>.yaml} merged over the {@code Pulumi.yaml} defaults. */
    public static StackFileConfigSource load(String stack) {
        return StackFileConfigSource.load(PROJECT, stack);
    }

    /** Names of the stacks with a {@code Pulumi.<stack>.yaml} in the project directory, sorted. */
    public static List<String> stackFiles() {
        try (var files = Files.list(PROJECT)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.matches("Pulumi\\.[^.]+\\.yaml"))
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

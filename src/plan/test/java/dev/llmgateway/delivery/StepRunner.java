package dev.llmgateway.delivery;

import dev.llmgateway.gateway.settings.Stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a workflow's {@code run:} step the way GitHub's runner does: {@code ${{ }}} expressions
 * substituted before the script is written to a file, the file run with the step's shell command line,
 * in a workspace that holds the stack files and examples, with the step's env and GitHub's
 * {@code GITHUB_*} files. {@code ./mvnw} is replaced by a stub whose exit code the test chooses, so a
 * failing plan (bad settings 2, program 3, policy gate 4) can be provoked in milliseconds.
 */
final class StepRunner {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{[^}]*}}");

    /** Outcome of one step. */
    record Result(int exitCode, String output) {
    }

    private final Path workspace;

    /**
     * A fresh workspace whose {@code ./mvnw} exits with {@code exitCode} when its arguments contain
     * {@code failWhenArgsContain} (and 0 otherwise, after creating any {@code --out <file>.md} it was asked for).
     */
    StepRunner(Path workspace, int exitCode, String failWhenArgsContain) {
        this.workspace = workspace;
        try {
            for (Path root : List.of(workspace, workspace.resolve("base"))) {
                Files.createDirectories(root.resolve("examples"));
                copyStackFiles(root);
                Path stub = root.resolve("mvnw");
                Files.writeString(stub, """
                        #!/usr/bin/env bash
                        echo "mvnw stub: $*"
                        if [[ "$*" == *'%s'* ]]; then exit %d; fi
                        out=$(sed -n 's/.*--out \\([^ ]*\\.md\\).*/\\1/p' <<< "$*")
                        if [[ -n "$out" ]]; then mkdir -p "$(dirname "$out")"; echo stub > "$out"; fi
                        exit 0
                        """.formatted(failWhenArgsContain, exitCode));
                Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(Workflows.RunStep step) {
        try {
            Path script = Files.createTempFile(workspace, "step", ".sh");
            Files.writeString(script, substitute(step.script()));
            Path directory = workspace.resolve(step.workingDirectory().orElse("."));
            ProcessBuilder builder = new ProcessBuilder(step.command(script)).directory(directory.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("GITHUB_WORKSPACE", workspace.toString());
            for (String file : List.of("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV")) {
                env.put(file, Files.createTempFile(workspace, file, ".txt").toString());
            }
            step.env().forEach((key, value) -> env.put(key, substitute(String.valueOf(value))));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(step.label() + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Expressions are evaluated by GitHub before the shell sees the script; any plain value will do here. */
    private static String substitute(String text) {
        return EXPRESSION.matcher(text).replaceAll("42");
    }

    private static void copyStackFiles(Path root) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Stacks.PROJECT), Files.list(Stacks.PROJECT.resolve("examples")))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                Path relative = Stacks.PROJECT.relativize(file);
                Files.copy(file, root.resolve(relative));
            }
        }
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.components.bindings.command.Command;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands {@code pulumi up} runs for the deploy's one-off tasks, exactly as planned (the {@code command:local:Command}
 * resources' script, interpreter and environment), against a stub {@code aws} that plays ECS: a task that succeeds, one
 * whose migration gate fails (pending migrations), one that never ran its container, one ECS refuses, one that hangs.
 * And against the real AWS CLI pointed at a closed port, to prove it accepts every argument the script passes.
 */
class DeployCommandsTest {

    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/llm-dev-deploy/0123456789abcdef";

    @TempDir
    Path dir;

    private static PlannedResource command(PlannedStack plan, String task) {
        return plan.named(Command.TYPE, plan.where(r -> r.type().equals(Command.TYPE) && r.name().endsWith("-" + task + "-run"))
                .get(0).name());
    }

    @Test
    void theMigrationRunsAfterTheBootstrapAndEveryServiceWaitsForIt() {
        for (PlannedStack plan : List.of(Plans.stack("dev"), Plans.stack("prod"), Plans.example("componentized-gateway"))) {
            PlannedResource bootstrap = command(plan, "bootstrap");
            PlannedResource migrate = command(plan, "migrate");
            assertTrue(migrate.dependencies().contains(bootstrap.urn()), plan.stack());
            for (PlannedResource service : plan.ofType("aws:ecs/service:Service")) {
                if (!service.name().endsWith("-metrics") && !service.name().endsWith("-grafana") && !service.name().endsWith("-ui")) {
                    assertTrue(service.dependencies().contains(migrate.urn()), plan.stack() + ": " + service.name() + " waits for the migration");
                }
            }
            Map<?, ?> env = (Map<?, ?>) migrate.input("environment").orElseThrow();
            assertEquals(plan.stack().equals("componentized-gateway") ? "llm-componentized-gateway-migrate" : "llm-" + plan.stack() + "-migrate",
                    env.get("FAMILY"));
            assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/" + env.get("FAMILY") + ":1", env.get("TASK_DEFINITION"),
                    "a new task definition revision (image, SQL, database) changes the command's input: it runs again");
            assertEquals("/ecs/" + env.get("FAMILY"), env.get("LOG_GROUP"));
        }
    }

    /** Runs the planned migrate command with a stub aws whose answers are {@code runTask} and then each of {@code states}. */
    private Result run(String runTask, List<String> states, Map<String, String> extraEnv) throws Exception {
        PlannedResource migrate = command(Plans.stack("dev"), "migrate");
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path calls = dir.resolve("aws.log");
        Path states0 = dir.resolve("states");
        Files.writeString(states0, String.join("\n", states) + "\n");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, String.join("\n", "#!/bin/sh",
                "echo \"aws $*\" >> " + calls,
                "case \"$2\" in",
                "  run-task) printf '%s\\n' '" + runTask + "';;",
                "  describe-tasks) line=$(head -n 1 " + states0 + "); if [ \"$(wc -l < " + states0 + ")\" -gt 1 ]; then sed -i 1d " + states0 + "; fi; printf '%s\\n' \"$line\";;",
                "  get-log-events) printf 'Error: 1 migration pending\\tprisma migrate status exited 1\\n';;",
                "esac", ""));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> argv = new ArrayList<>();
        migrate.list("interpreter").forEach(part -> argv.add(String.valueOf(part)));
        argv.add(migrate.string("create"));
        var process = new ProcessBuilder(argv);
        ((Map<?, ?>) migrate.input("environment").orElseThrow()).forEach((k, v) -> process.environment().put(String.valueOf(k), String.valueOf(v)));
        process.environment().put("POLL_SECONDS", "0");
        process.environment().putAll(extraEnv);
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Path out = dir.resolve("out.log");
        Process started = process.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(started.waitFor(30, TimeUnit.SECONDS));
        return new Result(started.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.exists(calls) ? Files.readString(calls) : "");
    }

    private record Result(int exit, String output, String calls) {
    }

    @Test
    void aTaskWhoseContainerExitsZeroSucceeds() throws Exception {
        Result result = run(TASK + "\tNone", List.of("PROVISIONING\tNone\tNone", "RUNNING\tNone\tNone",
                "STOPPED\t0\tEssential container in task exited"), Map.of());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("llm-dev-migrate: task 0123456789abcdef succeeded"), result.output());
        assertTrue(result.calls().contains("--launch-type FARGATE") && result.calls().contains("assignPublicIp=DISABLED"), result.calls());
        assertTrue(result.calls().contains("containers[?name=='migrate']"), "the result container's exit code: " + result.calls());
    }

    @Test
    void pendingMigrationsFailPulumiUpNamingTheExitCodeAndTheLogStream() throws Exception {
        Result result = run(TASK + "\tNone", List.of("RUNNING\tNone\tNone", "STOPPED\t1\tEssential container in task exited"), Map.of());
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("migrate exited with code 1"), result.output());
        assertTrue(result.output().contains("log group /ecs/llm-dev-migrate, stream migrate/migrate/0123456789abcdef"), result.output());
        assertTrue(result.output().contains("  Error: 1 migration pending"), "the log's last lines: " + result.output());
    }

    @Test
    void aTaskThatNeverRanItsContainerFailsWithEcsReason() throws Exception {
        Result result = run(TASK + "\tNone", List.of("STOPPED\tNone\tCannotPullContainerError: pull access denied"), Map.of());
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("stopped before migrate ran to the end (CannotPullContainerError: pull access denied)"),
                result.output());
    }

    @Test
    void aTaskEcsDoesNotStartFailsWithItsReason() throws Exception {
        Result result = run("None\tCapacity is unavailable at this time", List.of(), Map.of());
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("ECS did not start the task: Capacity is unavailable at this time"), result.output());
        assertFalse(result.calls().contains("describe-tasks"), result.calls());
    }

    @Test
    void aTaskThatRunsTooLongIsStoppedAndFails() throws Exception {
        Result result = run(TASK + "\tNone", List.of("RUNNING\tNone\tNone"), Map.of("TIMEOUT_SECONDS", "0"));
        assertEquals(1, result.exit());
        assertTrue(result.calls().contains("aws ecs stop-task"), result.calls());
        assertTrue(result.output().contains("was still RUNNING after 0s and was stopped"), result.output());
    }

    @Test
    void theAwsCliAcceptsEveryArgumentTheScriptPasses() throws Exception {
        PlannedResource migrate = command(Plans.stack("dev"), "migrate");
        List<String> argv = new ArrayList<>();
        migrate.list("interpreter").forEach(part -> argv.add(String.valueOf(part)));
        argv.add(migrate.string("create"));
        var process = new ProcessBuilder(argv);
        ((Map<?, ?>) migrate.input("environment").orElseThrow()).forEach((k, v) -> process.environment().put(String.valueOf(k), String.valueOf(v)));
        // Debian's AWS CLI (.ci/run installs it) against a closed local port, with throwaway credentials: only parsing is real.
        process.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        process.environment().put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        process.environment().put("AWS_SECRET_ACCESS_KEY", "example");
        process.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        process.environment().put("AWS_MAX_ATTEMPTS", "1");
        Path out = dir.resolve("cli.log");
        Process started = process.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(started.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(out);
        assertTrue(started.exitValue() != 0 && output.contains("Could not connect to the endpoint URL"),
                "the CLI parsed the run-task call and only then failed to connect: " + output);
    }
}

package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed stacks and examples under the strict mock: every intended flow passes, no quota
 * overflows, any plausible stack name fits every AWS name, and a plan is the same on every run.
 */
class OfflineFidelityTest {

    /** 40 characters, mixed case: the longest stack name the settings accept. */
    private static final String LONGEST_STACK = "Team-Platform-Gateway-Staging-EuWest1-ab";

    static Stream<String> stackFiles() {
        return Stream.concat(Stream.of("Pulumi.dev.yaml", "Pulumi.prod.yaml"),
                Stacks.examples().stream().map(name -> "examples/" + name + ".yaml"));
    }

    private static PlannedStack planned(String file) {
        if (file.startsWith("examples/")) {
            return Plans.example(file.substring("examples/".length(), file.length() - ".yaml".length()));
        }
        return Plans.stack(file.substring("Pulumi.".length(), file.length() - ".yaml".length()));
    }

    @ParameterizedTest
    @MethodSource("stackFiles")
    void everyDeclaredFlowIsAllowedAndNoQuotaIsExceeded(String file) {
        NetworkReport report = NetworkReport.of(planned(file));
        assertTrue(report.flows().size() >= 2, file + " declares its flows");
        report.flows().forEach(flow -> assertTrue(flow.allowed(), file + ": " + flow));
        report.quotas().forEach(quota -> assertTrue(!quota.over(), file + ": " + quota));
    }

    @ParameterizedTest
    @MethodSource("stackFiles")
    void theLongestAcceptedStackNameFitsEveryAwsName(String file) {
        PlannedStack plan = Plans.of(StackFileConfigSource.load(Stacks.PROJECT, Path.of(file), LONGEST_STACK));
        assertTrue(plan.errors().isEmpty());
        assertTrue(plan.resources().size() > 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"team_gateway", "Team-Platform-Gateway-Staging-EuWest1-abc", "-dev", "dev--2"})
    void stackNamesThatCannotBecomeAwsNamesAreRefusedUpFront(String stack, @TempDir Path out) {
        var stderr = new ByteArrayOutputStream();
        int code = PlanCommand.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "--stack", stack, "--stack-file", "Pulumi.dev.yaml", "--out", out.toString());
        assertEquals(PlanCommand.BAD_SETTINGS, code);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("stack name = '" + stack + "'"), stderr::toString);
    }

    /**
     * This JVM and a new one, because what differs between runs often differs only between JVMs:
     * {@code Map.of} and {@code Set.of} iterate in an order salted per JVM.
     */
    @Test
    void planningTheSameStacksInTwoJvmsWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws Exception {
        String[] stacks = {"prod=Pulumi.prod.yaml", "vpn=examples/vpn-private-gateway.yaml"};
        // The new JVM plans on the other core while this one plans.
        Process other = planInNewJvm(second, stacks);
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String stack : stacks) {
            String[] pair = stack.split("=", 2);
            assertEquals(0, PlanCommand.run(sink, sink, "--stack", pair[0], "--stack-file", pair[1], "--out", first.toString()));
        }
        assertTrue(other.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "plans finish");
        assertEquals(0, other.exitValue(), () -> readLog(second));
        for (String stack : stacks) {
            String name = stack.substring(0, stack.indexOf('='));
            for (String file : new String[] {name + ".json", name + ".mmd"}) {
                assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
            }
        }
    }

    private static Process planInNewJvm(Path out, String... stacks) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), PlanMany.class.getName(), out.toString()));
        command.addAll(java.util.List.of(stacks));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("plan.log").toFile()).start();
    }

    private static String readLog(Path out) {
        try {
            return Files.readString(out.resolve("plan.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Plans several stacks (name=file) into one directory, in one JVM; exits with the first failing code. */
    public static final class PlanMany {
        private PlanMany() {
        }

        /** {@code args}: output directory, then name=file pairs. */
        public static void main(String[] args) {
            var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            for (int i = 1; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                int code = PlanCommand.run(sink, System.err, "--stack", pair[0], "--stack-file", pair[1], "--out", args[0]);
                if (code != 0) {
                    System.exit(code);
                }
            }
            System.exit(0);
        }
    }
}

package dev.llmgateway.plan;

import dev.llmgateway.components.testing.PlannedStack;
import dev.llmgateway.gateway.Plans;
import dev.llmgateway.gateway.Stacks;
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
    void everyIntendedFlowIsAllowedAndNoQuotaIsExceeded(String file) {
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

    @Test
    void planningTheSameStackTwiceWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws Exception {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, PlanCommand.run(sink, sink, "--stack", "prod", "--out", first.toString()));
        assertEquals(0, PlanCommand.run(sink, sink, "--stack", "prod", "--out", second.toString()));
        for (String file : new String[] {"prod.json", "prod.mmd"}) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }
}

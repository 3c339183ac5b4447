package dev.llmgateway.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflows' gates hold when run as GitHub runs them: every step that calls {@code ./mvnw} (tests,
 * offline plan, policy gate) fails when Maven fails, unless it is explicitly marked
 * {@code continue-on-error} (the base-branch plan, which only feeds the comparison).
 */
class WorkflowGatesTest {

    /** The exit code of a failed policy gate ({@code PlanCommand.POLICY_FAILED}). */
    private static final int POLICY_GATE_FAILED = 4;

    private static List<Workflows.RunStep> gatingMavenSteps() {
        List<Workflows.RunStep> steps = Workflows.all().stream().flatMap(w -> Workflows.runSteps(w).stream())
                .filter(step -> step.script().contains("./mvnw") && !step.continuesOnError()).toList();
        assertTrue(steps.size() >= 5, "tests, plans and the prod gate are run steps: " + steps.size());
        return steps;
    }

    @Test
    void everyMavenStepFailsWhenMavenFails(@TempDir Path workspace) {
        StepRunner runner = new StepRunner(workspace, POLICY_GATE_FAILED, "");
        for (Workflows.RunStep step : gatingMavenSteps()) {
            StepRunner.Result result = runner.run(step);
            assertNotEquals(0, result.exitCode(), step.label() + " stayed green although ./mvnw exited 4:\n" + result.output());
        }
    }

    @Test
    void aFailingStackInTheMiddleOfThePlanLoopFailsTheStepAfterEveryStackIsPlanned(@TempDir Path workspace) {
        Workflows.RunStep plan = Workflows.runSteps(Workflows.load("pull-request.yml")).stream()
                .filter(step -> step.label().contains("Offline plan of every stack")).findFirst().orElseThrow();
        StepRunner.Result result = new StepRunner(workspace, POLICY_GATE_FAILED, "--stack prod ").run(plan);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Offline plan failed for: prod"), result.output());
        assertTrue(result.output().contains("--stack vpn-private-gateway --stack-file examples/vpn-private-gateway.yaml"),
                "the examples are planned too, after the failure: " + result.output());
    }

    @Test
    void everyStepSucceedsWhenMavenSucceeds(@TempDir Path workspace) {
        StepRunner runner = new StepRunner(workspace, 1, "never-matches");
        for (Workflows.RunStep step : gatingMavenSteps()) {
            StepRunner.Result result = runner.run(step);
            assertEquals(0, result.exitCode(), step.label() + " fails on its own:\n" + result.output());
        }
    }

    @Test
    void theHarnessRunsStepsWithGithubsShellFlags(@TempDir Path workspace) {
        // The step shipped before this test existed: `mvnw | tee` under GitHub's default `bash -e` stays green.
        String before = """
                jobs:
                  plan:
                    steps:
                      - run: |
                          for stack in dev prod; do
                            ./mvnw -q -B -Pplan -Dstack="$stack" compile exec:java | tee -a "$GITHUB_STEP_SUMMARY"
                          done
                """;
        Workflows.RunStep teeStep = Workflows.runSteps(Workflows.parse("before.yml", before)).get(0);
        assertFalse(teeStep.shell().isPresent());
        assertEquals(0, new StepRunner(workspace, POLICY_GATE_FAILED, "").run(teeStep).exitCode(), "default shell hides the failure");
        Workflows.RunStep withBash = Workflows.runSteps(Workflows.parse("after.yml",
                before.replace("jobs:", "defaults:\n  run:\n    shell: bash\njobs:"))).get(0);
        assertEquals(POLICY_GATE_FAILED, new StepRunner(workspace.resolve("b"), POLICY_GATE_FAILED, "").run(withBash).exitCode());
    }

    @Test
    void everyStepThatPipesRunsWithPipefail() {
        for (Workflows.Workflow workflow : Workflows.all()) {
            for (Workflows.RunStep step : Workflows.runSteps(workflow)) {
                boolean pipes = step.script().replace("||", "").contains("|");
                String command = String.join(" ", step.command(Path.of("script.sh")));
                assertTrue(!pipes || command.contains("pipefail"), step.label() + " pipes under `" + command + "`");
            }
        }
    }
}

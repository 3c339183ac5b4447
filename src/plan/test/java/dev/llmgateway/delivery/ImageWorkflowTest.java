package dev.llmgateway.delivery;

import dev.llmgateway.plan.Plans;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.plan.PreviewJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image workflow builds litellm/ with the stack's config, pushes it, and pins the stack to its digest. */
class ImageWorkflowTest {

    private static final String REPOSITORY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm-prod-images-1a2b3c4";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static Workflows.Job job() {
        return Workflows.load("image.yml").jobs().get("prod");
    }

    private static Workflows.RunStep step(String nameStart, Map<String, Object> env) {
        Map<String, Object> document = job().steps().stream()
                .filter(s -> String.valueOf(s.get("name")).startsWith(nameStart)).findFirst().orElseThrow();
        Map<String, Object> withEnv = new LinkedHashMap<>(document);
        Map<String, Object> merged = new LinkedHashMap<>(Workflows.map(document.get("env")));
        merged.putAll(env);
        withEnv.put("env", merged);
        return new Workflows.RunStep(job(), withEnv);
    }

    @Test
    void theJobBuildsLitellmInTheProductionEnvironmentAndPushesByCommitTag() {
        Workflows.Job job = job();
        assertEquals(java.util.Optional.of("production"), job.environment(), "the production role pushes to that account");
        Map<String, Object> build = job.steps().stream().filter(s -> String.valueOf(s.get("uses")).startsWith("docker/build-push-action@"))
                .findFirst().orElseThrow();
        Map<String, Object> with = Workflows.map(build.get("with"));
        assertEquals("litellm", with.get("context"));
        assertEquals(true, with.get("push"));
        assertEquals("${{ vars.IMAGE_REPOSITORY_URL }}:${{ github.sha }}", with.get("tags"));
        assertTrue(Workflows.map(job.steps().stream().filter(s -> String.valueOf(s.get("name")).startsWith("Pin the stack"))
                .findFirst().orElseThrow().get("env")).get("DIGEST").equals("${{ steps.build.outputs.digest }}"));
    }

    @Test
    void theBuildContextGetsTheStacksRenderedConfigAndItsTaskPlatform(@TempDir Path workspace) throws IOException {
        PlannedStack prod = Plans.stack("prod");
        StepRunner runner = new StepRunner(workspace, 1, "never-matches");
        Files.createDirectories(workspace.resolve("target/plan"));
        Files.createDirectories(workspace.resolve("litellm"));
        Files.writeString(workspace.resolve("target/plan/prod.json"), PreviewJson.toJson(PreviewJson.document(prod)));

        StepRunner.Result result = runner.run(step("Config into the build context", Map.of("STACK", "prod")));

        assertEquals(0, result.exitCode(), result.output());
        assertEquals(prod.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content").strip(),
                Files.readString(workspace.resolve("litellm/config.yaml")).strip());
        assertTrue(result.output().contains("building for linux/arm64"), "prod runs ARM tasks: " + result.output());
    }

    @Test
    void thePinStepWritesADigestTheSettingsAcceptAndTheExecutionRoleMayPull(@TempDir Path workspace) throws IOException {
        StepRunner runner = new StepRunner(workspace, 1, "never-matches");
        Map<String, Object> env = Map.of("STACK", "prod", "REPOSITORY", REPOSITORY, "DIGEST", DIGEST, "PUBLISH", "false");

        StepRunner.Result result = runner.run(step("Pin the stack", env));

        assertEquals(0, result.exitCode(), result.output());
        Path stackFile = workspace.resolve("Pulumi.prod.yaml");
        assertTrue(Files.readString(stackFile).contains("  litellm-gateway:litellmImage: " + REPOSITORY + "@" + DIGEST + "\n"));
        StackFileConfigSource source = StackFileConfigSource.load(Stacks.PROJECT, stackFile, "prod");
        assertEquals(REPOSITORY + "@" + DIGEST, StackSettings.read(source).proxy().image());
        String execution = Plans.of(source).where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().endsWith("-proxy-execution")).get(0).string("policy");
        assertTrue(execution.contains("repository/llm-prod-images-1a2b3c4"), execution);
    }

    @Test
    void thePinStepRefusesAMissingDigest(@TempDir Path workspace) {
        StepRunner runner = new StepRunner(workspace, 1, "never-matches");
        StepRunner.Result result = runner.run(step("Pin the stack", Map.of("STACK", "prod", "REPOSITORY", REPOSITORY,
                "DIGEST", "", "PUBLISH", "false")));
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("no image digest from the build"), result.output());
    }
}

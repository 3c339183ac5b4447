package dev.llmgateway.plan;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int plan(String... args) {
        return PlanCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void writesPreviewShapedJsonWithSecretsMasked() throws Exception {
        assertEquals(0, plan("--stack", "dev", "--out", out.toString()), stderr::toString);
        String json = Files.readString(out.resolve("dev.json"));
        JsonObject document = PreviewJson.parse(json).getAsJsonObject();
        var steps = document.getAsJsonArray("steps");
        assertTrue(steps.size() > 30);
        JsonObject first = steps.get(0).getAsJsonObject();
        assertEquals("create", first.get("op").getAsString());
        assertEquals("pulumi:pulumi:Stack", first.getAsJsonObject("newState").get("type").getAsString());
        assertFalse(first.getAsJsonObject("newState").has("inputs"), "fields the engine omits when empty are left out");
        // As the engine shapes them: the root stack type is not in a child's URN, provider references
        // are <urn>::<id> with the unknown id of a provider created in the same update, whole numbers are integers.
        assertFalse(json.contains("pulumi:pulumi:Stack$"), "child URNs carry no root stack type");
        assertTrue(json.contains("\"provider\": \"urn:pulumi:dev::litellm-gateway::llmgateway:gateway:LiteLlmGateway$pulumi:providers:aws::llm-dev::04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        assertTrue(json.contains("\"retentionInDays\": 14,") || json.contains("\"retentionInDays\": 14\n"), "integers print as integers");
        assertFalse(json.contains("\"retentionInDays\": 14.0"));
        assertTrue(json.contains("\"ami\": \"[secret]\""), "the NAT AMI from SSM is secret, as the provider marks it");
        assertTrue(json.contains("\"value\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""),
                "generated secrets (SSM parameters in dev) are known only after deploy, as in a first preview");
        assertFalse(json.contains("mockllmdevmasterkey"), "no generated value leaks into the plan");
        assertTrue(stdout.toString().contains("llmgateway:network:Vpc"));
        assertTrue(document.getAsJsonObject("cost").has("totals"), "cost estimate is part of the plan JSON");
        assertTrue(document.getAsJsonObject("policy").has("checks"), "policy report is part of the plan JSON");
        assertTrue(Files.readString(out.resolve("dev.mmd")).contains("\nflowchart LR\n"));
        assertTrue(Files.readString(out.resolve("dev-sequence.mmd")).startsWith("sequenceDiagram"));
        assertTrue(Files.readString(out.resolve("dev-context.mmd")).startsWith("C4Context"));
        assertTrue(Files.readString(out.resolve("dev-container.mmd")).startsWith("C4Container"));
        assertTrue(Files.readString(out.resolve("dev.state.json")).contains("\"deployment\""), "the state an update plan starts from");
        assertTrue(stdout.toString().contains("Monthly cost estimate") && stdout.toString().contains("Policy checks (profile dev)"));
    }

    @Test
    void badSettingsExitNonZeroWithTheSettingsMessage(@TempDir Path project) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.broken.yaml"), "config:\n  aws:region: us-east-1\n  litellm-gateway:azCount: 9\n");
        assertEquals(PlanCommand.BAD_SETTINGS, plan("--stack", "broken", "--project-dir", project.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().contains("litellm-gateway:azCount = '9'"), stderr::toString);
    }
}

package dev.llmgateway.plan;

import com.google.gson.JsonObject;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.plan.update.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update plan on the command line: exit codes, the update JSON, the report. */
class UpdateCommandTest {

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int plan(String... args) {
        return PlanCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), args);
    }

    private Path state(PlannedStack plan) throws Exception {
        Path file = out.resolve("base.state.json");
        Files.writeString(file, PreviewJson.toJson(StateFile.write(plan)));
        return file;
    }

    @Test
    void aChangeTheDeployedStackCannotTakeExitsTwoNamingTheKeyBeforeAnythingIsPlanned() throws Exception {
        Path head = out.resolve("dev.yaml");
        Files.writeString(head, Files.readString(Path.of("Pulumi.dev.yaml")).replace("litellm-gateway:dbEngineVersion: \"16.11\"",
                "litellm-gateway:dbEngineVersion: \"17.7\""));
        assertEquals(PlanCommand.BAD_SETTINGS, plan("--stack", "dev", "--stack-file", head.toString(),
                "--base-stack-file", "Pulumi.dev.yaml", "--out", out.toString()));
        assertTrue(stderr.toString().contains("Refused update of litellm-gateway:dbEngineVersion from '16.11' to '17.7'")
                && stderr.toString().contains("Safe procedure:"), stderr::toString);
    }

    @Test
    void anUpdateThatLosesDataWithoutConsentExitsFiveWithTheUpdateJson() throws Exception {
        // Deployed: dev with Redis; the stack file turns it off without acceptDataLoss.
        Path deployed = state(Plans.stack("dev", Map.of("redis", true)));
        assertEquals(UpdateRun.UPDATE_FAILS, plan("--stack", "dev", "--base-state", deployed.toString(), "--out", out.toString()));
        JsonObject update = PreviewJson.parse(Files.readString(out.resolve("dev.update.json"))).getAsJsonObject();
        assertEquals("fails", update.getAsJsonObject("update").get("verdict").getAsString());
        var ops = update.getAsJsonArray("steps").asList().stream().map(s -> s.getAsJsonObject().get("op").getAsString()).toList();
        assertTrue(ops.contains("delete") && ops.contains("create-replacement") && ops.contains("replace") && ops.contains("delete-replaced"), ops::toString);
        var replace = update.getAsJsonArray("steps").asList().stream().map(s -> s.getAsJsonObject())
                .filter(s -> s.get("op").getAsString().equals("replace")).findFirst().orElseThrow();
        assertTrue(replace.has("oldState") && replace.has("newState") && replace.has("replaceReasons") && replace.has("detailedDiff"));
        assertTrue(stdout.toString().contains("cache: aws:elasticache/replicationGroup:ReplicationGroup llm-dev-cache")
                && stdout.toString().contains("[not accepted: acceptDataLoss lacks cache]"), stdout::toString);
        assertTrue(stdout.toString().contains("Rollback (the same planner, head -> base)"), stdout::toString);
    }

    @Test
    void theCommittedStackFileAgainstItselfAtHeadChangesNothing() throws Exception {
        assertEquals(0, plan("--stack", "dev", "--base-ref", "HEAD", "--out", out.toString()), stderr::toString);
        JsonObject update = PreviewJson.parse(Files.readString(out.resolve("dev.update.json"))).getAsJsonObject();
        assertEquals(0, update.getAsJsonArray("steps").size());
        assertTrue(stdout.toString().contains("Verdict: the update applies (no changes)."), stdout::toString);
    }

    @Test
    void destroyReportsWhatStaysBehind() throws Exception {
        assertEquals(0, plan("--stack", "dev", "--destroy", "--out", out.toString()), stderr::toString);
        assertTrue(stdout.toString().contains("Left behind, some of it billed:") && stdout.toString().contains("final snapshot"), stdout::toString);
        assertTrue(Files.exists(out.resolve("dev.destroy.json")));
    }
}

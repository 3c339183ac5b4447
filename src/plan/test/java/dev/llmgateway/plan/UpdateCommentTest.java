package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.Rollback;
import dev.llmgateway.plan.update.UpdatePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-request comment shows the update's replacements with reasons, its data loss and expected time. */
class UpdateCommentTest {

    @Test
    void theCommentShowsReplacementsDataLossAndExpectedTimeOfTheUpdate(@TempDir Path head) throws Exception {
        var base = Plans.stack("dev");
        var goal = Plans.stack("dev", Map.of("redis", true));
        UpdatePlan plan = UpdatePlan.of("dev", "base", "head", goal, base, Set.of());
        Files.writeString(head.resolve("dev.update.json"), PreviewJson.toJson(UpdateRun.document(plan,
                Rollback.of(plan, goal, base, Set.of(StatefulData.CACHE)))));
        UpdateDigest digest = UpdateDigest.read(head, "dev").orElseThrow();
        String comment = PlanComment.render(List.of(PlanDiff.of("dev", Optional.empty(), Optional.empty())), Map.of("dev", digest));
        assertTrue(comment.contains("| dev | **fails** |"), comment);
        assertTrue(comment.contains("aws:s3/bucketObjectv2:BucketObjectv2 llm-dev-config (create-replacement, then delete-replaced): key: new value"),
                comment);
        assertTrue(comment.contains("NOT ACCEPTED: cache: aws:elasticache/replicationGroup:ReplicationGroup llm-dev-cache"), comment);
        assertTrue(comment.matches("(?s).*\\| \\d+ min \\(up to \\d+\\) \\|.*"), comment);
    }

    @Test
    void theCommandReadsTheUpdateBesideThePlanAndTakesNoStateFileForAStack(@TempDir Path head) throws Exception {
        Files.copy(Path.of("src/plan/test/resources/plan-diff/head/dev.json"), head.resolve("dev.json"));
        Files.writeString(head.resolve("dev.state.json"), "{}");
        var base = Plans.stack("dev");
        var redis = Plans.stack("dev", Map.of("redis", true));
        UpdatePlan plan = UpdatePlan.of("dev", "base", "head", base, redis, Set.of());
        Files.writeString(head.resolve("dev.update.json"), PreviewJson.toJson(UpdateRun.document(plan, Rollback.of(plan, base, redis, Set.of()))));
        Path file = head.resolve("comment.md");
        assertEquals(0, PlanDiffCommand.run(new PrintStream(new ByteArrayOutputStream()), "--base", head.resolve("absent").toString(),
                "--head", head.toString(), "--out", file.toString()));
        String comment = Files.readString(file);
        assertTrue(comment.contains("| dev | applies | ") && !comment.contains("dev.state"), comment);
    }
}

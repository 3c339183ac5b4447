package dev.llmgateway.engine;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run ends when the program's last task is done, or with its first failure, whatever starts the tasks. */
class WaitingRunnerTest {

    @Test
    void resourcesDeclaredInsideAppliesThreeLevelsDeepAreAllRecorded() {
        PlannedStack plan = OfflineEngine.run("runner", "test", "us-east-1", ctx -> {
            Output<String> arn = new Topic("first").arn();
            ctx.export("last", arn.applyValue(a -> new Topic("second", TopicArgs.builder().displayName(a).build()))
                    .apply(second -> second.arn())
                    .applyValue(b -> new Topic("third", TopicArgs.builder().displayName(b).build()))
                    .apply(third -> third.arn()));
        });
        assertTrue(plan.errors().isEmpty(), plan.errors().toString());
        assertEquals(List.of("first", "second", "third"),
                plan.ofType("aws:sns/topic:Topic").stream().map(PlannedResource::name).sorted().toList());
        assertTrue(String.valueOf(plan.outputs().get("last")).contains("third"), plan.outputs().toString());
    }

    @Test
    void aFailureInsideAnApplyEndsTheRunWithThatFailure() {
        PlannedStack plan = OfflineEngine.run("runner", "test", "us-east-1", ctx -> ctx.export("broken",
                new Topic("first").arn().applyValue(arn -> {
                    throw new IllegalStateException("no topic for " + arn);
                })));
        assertEquals(1, plan.errors().size(), plan.errors().toString());
        Throwable cause = plan.errors().get(0);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().startsWith("no topic for arn:aws:sns:"), cause.getMessage());
    }

    @Test
    void aProgramThatThrowsEndsTheRunWithItsException() {
        PlannedStack plan = OfflineEngine.run("runner", "test", "us-east-1", ctx -> {
            new Topic("before");
            throw new IllegalArgumentException("bad settings");
        });
        assertTrue(plan.errors().stream().anyMatch(e -> String.valueOf(e.getMessage()).contains("bad settings")
                || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("bad settings"))), plan.errors().toString());
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.Transitions.Transition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rolling back is the same planner run head to base; the circuit breaker's rollback meets the new state. */
class RollbackTest {

    private static Transition transition(String name) {
        return Transitions.ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Rollback rollback(Transition t) {
        UpdatePlan forward = UpdatePlan.of("t", t.base(), t.name(), t.basePlan(), t.headPlan(), t.headSettings().updates().acceptDataLoss());
        return Rollback.of(forward, t.basePlan(), t.headPlan(), t.baseSettings().updates().acceptDataLoss());
    }

    @Test
    void rollingBackRedisOnDeletesTheCacheTheUpdateCreated() {
        Rollback rollback = rollback(transition("dev: Redis on"));
        assertFalse(rollback.possible(), rollback.text());
        assertTrue(rollback.revert().unaccepted().stream().anyMatch(l -> l.category().consent().orElseThrow() == StatefulData.CACHE),
                rollback.text());
    }

    @Test
    void theCircuitBreakerRollsANewImageBackToTasksThatMigrateAgainstTheNewerSchema() {
        Rollback rollback = rollback(transition("dev: a new LiteLLM image"));
        assertTrue(rollback.possible(), "reverting the image is an update like any other: " + rollback.text());
        assertTrue(rollback.circuitBreaker().stream().anyMatch(line -> line.contains("goes back from ghcr.io/berriai/litellm:main-v1.80.0-stable")),
                rollback.circuitBreaker().toString());
        assertTrue(rollback.circuitBreaker().stream().anyMatch(line -> line.contains("migrates at task start")),
                rollback.circuitBreaker().toString());
    }

    @Test
    void theCircuitBreakerRollbackStillFindsItsSecretsAfterTheStoreMoved() {
        // SSM to Secrets Manager deletes the parameters the previous task definition reads.
        Rollback rollback = rollback(transition("dev: secrets from SSM to Secrets Manager"));
        assertTrue(rollback.circuitBreaker().stream().anyMatch(line -> line.contains("aws:ssm/parameter:Parameter")
                && line.contains("ResourceInitializationError")), rollback.circuitBreaker().toString());
        assertTrue(rollback.possible(), "moving the secrets back is an update like any other: " + rollback.text());
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.plan.Plans;
import dev.llmgateway.plan.PreviewJson;
import dev.llmgateway.plan.update.ResourceChange.Op;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFileTest {

    @Test
    void aStateWrittenByAPlanReadsBackAsTheSameDeploymentSecretsAsDigests() {
        PlannedStack prod = Plans.stack("prod");
        String json = PreviewJson.toJson(StateFile.write(prod));
        assertFalse(json.contains("mockllmprodsaltkey"), "secret values never reach the state file");
        PlannedStack read = StateFile.read(json);
        assertEquals(prod.resources().size(), read.resources().size());
        UpdatePlan plan = UpdatePlan.of("prod", "state", "prod", read, prod, Set.of());
        assertTrue(plan.changes().stream().allMatch(c -> c.op() == Op.SAME), plan.text());
    }
}

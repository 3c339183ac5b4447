package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.Plans;
import dev.llmgateway.plan.update.ResourceChange.Op;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restore procedure as three updates of prod (docs/runbooks.md, "Restore the database from a snapshot"): a copy
 * next to the serving database, the gateway moved over, the old database retired. None replaces a database; only the
 * last one deletes one, and only with consent.
 */
class DatabaseRestoreUpdateTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final Map<String, Object> RESTORING = Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "latest");
    private static final Map<String, Object> SERVING_B = with(RESTORING, "dbServingSlot", "b");
    private static final Map<String, Object> RETIRED = with(Map.of("dbSlots", List.of("b"), "dbServingSlot", "b"),
            "dbRestoreSource", null);

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    private static UpdatePlan update(PlannedStack from, PlannedStack to, Set<StatefulData> consent) {
        return UpdatePlan.of("prod", "before", "after", from, to, consent);
    }

    private static List<String> databases(UpdatePlan plan, Op op) {
        return plan.changes().stream().filter(c -> c.op() == op && (c.type().equals(CLUSTER) || c.type().equals(INSTANCE)))
                .map(ResourceChange::name).sorted().toList();
    }

    @Test
    void theCopyIsCreatedNextToTheServingDatabaseWithoutTouchingIt() {
        UpdatePlan plan = update(Plans.stack("prod"), Plans.stack("prod", RESTORING), Set.of());
        assertFalse(plan.fails(), plan::text);
        assertEquals(List.of("llm-prod-db-b", "llm-prod-db-b-1", "llm-prod-db-b-2"), databases(plan, Op.CREATE));
        assertTrue(plan.replacements().isEmpty(), plan::text);
        assertTrue(plan.changes().stream().noneMatch(c -> c.op() == Op.DELETE), plan::text);
    }

    @Test
    void movingTheGatewayToTheCopyReplacesAndDeletesNoDatabase() {
        UpdatePlan plan = update(Plans.stack("prod", RESTORING), Plans.stack("prod", SERVING_B), Set.of());
        assertFalse(plan.fails(), plan::text);
        assertEquals(List.of(), databases(plan, Op.REPLACE));
        assertEquals(List.of(), databases(plan, Op.DELETE));
        assertEquals(List.of(), databases(plan, Op.CREATE));
        assertTrue(databases(plan, Op.UPDATE).contains("llm-prod-db"), "the old database loses its protection: " + plan.text());
        assertTrue(plan.changes().stream().anyMatch(c -> c.op() == Op.CREATE && c.name().equals("llm-prod-db-b-from-proxy")));
    }

    @Test
    void retiringTheOldDatabaseDeletesItOnlyWithConsent() {
        PlannedStack from = Plans.stack("prod", SERVING_B);
        PlannedStack to = Plans.stack("prod", RETIRED);
        UpdatePlan refused = update(from, to, Set.of());
        assertTrue(refused.fails(), "deleting a database needs acceptDataLoss: " + refused.text());
        UpdatePlan accepted = update(from, to, Set.of(StatefulData.DATABASE));
        assertFalse(accepted.fails(), accepted::text);
        assertEquals(List.of("llm-prod-db", "llm-prod-db-1", "llm-prod-db-2"), databases(accepted, Op.DELETE));
        assertEquals(List.of(), databases(accepted, Op.REPLACE), "the copy is kept although its restore source is cleared");
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.plan.Plans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestroyTest {

    @Test
    void prodRefusesToBeDestroyedWhileItsDatabaseAndLoadBalancerAreProtected() {
        Destroy destroy = Destroy.of(Plans.stack("prod"));
        assertTrue(destroy.blocked());
        assertTrue(destroy.plan().problems().stream().anyMatch(p -> p.code().equals("pulumi") && p.resource().startsWith("aws:rds/cluster:Cluster")),
                destroy.text());
        assertTrue(destroy.plan().problems().stream().anyMatch(p -> p.code().equals("OperationNotPermitted")), destroy.text());
    }

    @Test
    void destroyingDevLeavesTheFinalSnapshotAndTheRetainedKeyBilled() {
        Destroy destroy = Destroy.of(Plans.stack("dev"));
        assertFalse(destroy.blocked(), destroy.text());
        assertTrue(destroy.leftovers().stream().anyMatch(l -> l.contains("final snapshot llm-dev-db-final-")), destroy.leftovers().toString());
        assertTrue(destroy.leftovers().stream().anyMatch(l -> l.startsWith("aws:kms/key:Key llm-dev: retained")), destroy.leftovers().toString());
    }
}

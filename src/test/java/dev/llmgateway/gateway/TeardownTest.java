package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `pulumi destroy` works for dev as is; prod keeps its data until protection is turned off on purpose. */
class TeardownTest {

    @Test
    void nothingInDevBlocksDestroy() {
        PlannedStack dev = Plans.stack("dev");
        // Published configs are retained when a new one replaces them (rollbacks need them); their bucket is
        // force-destroyed with everything in it, so they do not block a destroy. The key outlives the stack (it
        // leaves it behind; it does not block destroy).
        assertTrue(dev.where(PlannedResource::protect).isEmpty(), "no Pulumi protection in dev");
        assertEquals(List.of("aws:kms/key:Key"), dev.where(r -> r.retainOnDelete() && !r.type().equals("aws:s3/bucketObjectv2:BucketObjectv2"))
                .stream().map(PlannedResource::type).toList(), "only the key and published configs outlive the stack");
        assertTrue(dev.where(r -> r.flag("deletionProtection") || r.flag("enableDeletionProtection")).isEmpty(),
                "no AWS deletion protection in dev");
        assertTrue(dev.ofType("aws:s3/bucketV2:BucketV2").stream().allMatch(b -> b.flag("forceDestroy")),
                "buckets holding objects can be deleted");
    }

    @Test
    void prodDatabaseAndLoadBalancerRefuseDeletion() {
        PlannedStack prod = Plans.stack("prod");
        assertTrue(prod.one("aws:rds/cluster:Cluster").protect());
        assertTrue(prod.one("aws:lb/loadBalancer:LoadBalancer").flag("enableDeletionProtection"));
        assertFalse(prod.one("aws:rds/cluster:Cluster").flag("skipFinalSnapshot"));
    }

    @Test
    void theKeyThatEncryptsTheFinalSnapshotOutlivesTheStack() {
        for (String stack : List.of("dev", "prod")) {
            PlannedStack plan = Plans.stack(stack);
            PlannedResource key = plan.one("aws:kms/key:Key");
            assertTrue(key.retainOnDelete(), stack + ": the final snapshot stays restorable after destroy");
            assertFalse(plan.one("aws:kms/alias:Alias").retainOnDelete(), stack + ": a new stack of the same name can be created");
            assertEquals(stack.equals("prod"), key.protect(), stack + ": protected like the database (dbProtect)");
            assertTrue(plan.outputs().containsKey("kmsKeyArn") && plan.outputs().containsKey("saltKeySecretArn"),
                    stack + ": the runbook records both before teardown");
        }
    }
}

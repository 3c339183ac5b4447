package dev.llmgateway.gateway;

import dev.llmgateway.components.testing.PlannedStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `pulumi destroy` works for dev as is; prod keeps its data until protection is turned off on purpose. */
class TeardownTest {

    @Test
    void nothingInDevBlocksDestroy() {
        PlannedStack dev = Plans.stack("dev");
        // Published configs are retained when a new one replaces them (rollbacks need them); their bucket is
        // force-destroyed with everything in it, so they do not block a destroy.
        assertTrue(dev.where(r -> r.protect() || (r.retainOnDelete() && !r.type().equals("aws:s3/bucketObjectv2:BucketObjectv2")))
                .isEmpty(), "no Pulumi protection in dev");
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
}

package dev.llmgateway.components.cache;

import dev.llmgateway.components.network.TestPeer;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheTest {

    /** The required inputs, the rest defaults. */
    private static CacheArgsBuilder args() {
        return CacheArgs.builder()
                .vpcId(Output.of("vpc-1")).subnetIds(Output.of(List.of("iso-a", "iso-b"))).kmsKeyArn(Output.of("arn:key"));
    }

    private static PlannedStack plan(UnaryOperator<CacheArgsBuilder> configure) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var cache = new Cache("c", configure.apply(args()).build(), null);
            cache.connections().allowDefaultPortFrom(new TestPeer("proxy", "sg-proxy"), "test");
            ctx.export("password", cache.password());
            ctx.export("host", cache.host());
            ctx.export("port", cache.port());
        }).orThrow();
    }

    @Test
    void aClusterModeDisabledValkeyGroupEncryptedInTransitAndAtRestInIsolatedSubnets() {
        PlannedStack plan = plan(a -> a);
        assertTrue(plan.ofType("aws:elasticache/serverlessCache:ServerlessCache").isEmpty(),
                "serverless caches are cluster-mode: CROSSSLOT errors on LiteLLM's multi-key commands");
        PlannedResource group = plan.one("aws:elasticache/replicationGroup:ReplicationGroup");
        assertEquals("valkey", group.string("engine"));
        assertEquals(1.0, group.number("numCacheClusters"));
        assertTrue(group.input("numNodeGroups").isEmpty() && group.input("replicasPerNodeGroup").isEmpty(), "no shards");
        assertTrue(group.flag("transitEncryptionEnabled") && group.flag("atRestEncryptionEnabled"));
        assertEquals("arn:key", group.string("kmsKeyId"));
        assertFalse(group.flag("automaticFailoverEnabled"), "failover needs a replica");
        assertEquals(List.of("iso-a", "iso-b"), plan.one("aws:elasticache/subnetGroup:SubnetGroup").list("subnetIds"));
        assertEquals(1.0, group.number("snapshotRetentionLimit"));
        assertTrue(String.valueOf(plan.outputs().get("host")).startsWith("master."), "the primary endpoint");
    }

    @Test
    void replicasBringAutomaticFailoverAcrossZones() {
        PlannedResource group = plan(a -> a.nodeType("cache.t4g.small").replicas(1)).one("aws:elasticache/replicationGroup:ReplicationGroup");
        assertEquals(2.0, group.number("numCacheClusters"));
        assertTrue(group.flag("automaticFailoverEnabled") && group.flag("multiAzEnabled"));
        assertEquals("cache.t4g.small", group.string("nodeType"));
    }

    @Test
    void onlyTheGrantedGroupConnectsAndOnlyWithTheGeneratedToken() {
        PlannedStack plan = plan(a -> a);
        PlannedResource rule = plan.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertEquals("sg-proxy", rule.string("referencedSecurityGroupId"));
        assertEquals(6379.0, rule.number("fromPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());
        PlannedResource group = plan.one("aws:elasticache/replicationGroup:ReplicationGroup");
        assertTrue(String.valueOf(group.inputs().get("authToken")).contains("[secret]"), "token sent as a secret");
        assertTrue(plan.outputs().get("password") instanceof Secret);
    }

    @Test
    void valuesOutsideAwsRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> args().nodeType("t4g.micro").build());
        assertThrows(IllegalArgumentException.class, () -> args().replicas(6).build());
        var error = assertThrows(IllegalArgumentException.class, () -> args().snapshotRetentionDays(36).build());
        assertEquals("CacheArgs.snapshotRetentionDays must be 0..35, got 36", error.getMessage());
    }
}

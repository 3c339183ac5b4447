package dev.llmgateway.components.cache;

import com.pulumi.core.Output;
import dev.llmgateway.components.testing.OfflineEngine;
import dev.llmgateway.components.testing.PlannedResource;
import dev.llmgateway.components.testing.PlannedStack;
import dev.llmgateway.components.testing.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheTest {

    private static PlannedStack plan() {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var cache = new Cache("c", CacheArgs.of(Output.of("vpc-1"), Output.of(List.of("iso-a", "iso-b")), Output.of("arn:key")), null);
            cache.allowFrom("proxy", Output.of("sg-proxy"));
            ctx.export("password", cache.password());
            ctx.export("host", cache.host());
        }).orThrow();
    }

    @Test
    void serverlessValkeyIsEncryptedCappedAndInIsolatedSubnets() {
        PlannedResource cache = plan().one("aws:elasticache/serverlessCache:ServerlessCache");
        assertEquals("valkey", cache.string("engine"));
        assertEquals("arn:key", cache.string("kmsKeyId"));
        assertEquals(List.of("iso-a", "iso-b"), cache.list("subnetIds"));
        assertEquals(1.0, cache.number("cacheUsageLimits.dataStorage.maximum"));
        assertEquals(5000.0, cache.number("cacheUsageLimits.ecpuPerSeconds.0.maximum"));
        assertEquals(1.0, cache.number("snapshotRetentionLimit"));
    }

    @Test
    void onlyTheGrantedGroupConnectsAndOnlyWithTheGeneratedPassword() {
        PlannedStack plan = plan();
        PlannedResource rule = plan.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertEquals("sg-proxy", rule.string("referencedSecurityGroupId"));
        assertEquals(6379.0, rule.number("fromPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());
        PlannedResource user = plan.one("aws:elasticache/user:User");
        assertEquals("default", user.string("userName"));
        assertEquals("password", user.string("authenticationMode.type"));
        assertTrue(String.valueOf(user.inputs().get("authenticationMode")).contains("[secret]"), "password sent as a secret");
        assertTrue(plan.outputs().get("password") instanceof Secret);
        assertTrue(String.valueOf(plan.outputs().get("host")).endsWith(".cache.amazonaws.com"));
    }

    @Test
    void limitsOutsideAwsRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CacheArgs(Output.of("v"), Output.of(List.of()), Output.of("k"), 0, 5000, 1));
        var error = assertThrows(IllegalArgumentException.class, () -> new CacheArgs(Output.of("v"), Output.of(List.of()), Output.of("k"), 1, 5000, 36));
        assertEquals("CacheArgs.snapshotRetentionDays must be 0..35, got 36", error.getMessage());
    }
}

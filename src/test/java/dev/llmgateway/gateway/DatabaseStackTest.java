package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseStackTest {

    @Test
    void devDatabaseIsTheSmallestInstanceStoppedOutsideOfficeHoursAndCanBeDestroyed() {
        PlannedStack dev = Plans.stack("dev");
        PlannedResource instance = dev.one("aws:rds/instance:Instance");
        assertEquals("db.t4g.micro", instance.string("instanceClass"));
        assertFalse(instance.flag("multiAz"));
        assertFalse(instance.flag("deletionProtection") || instance.protect());
        assertEquals(2, dev.where(r -> r.type().equals("aws:scheduler/schedule:Schedule")
                && r.string("target.arn").contains(":rds:")).size(), "started and stopped");
    }

    @Test
    void theDevPublicAlbVariantKeepsAnAuroraThatPausesWhenNoTaskRuns() {
        PlannedResource cluster = Plans.example("dev-public-alb").one("aws:rds/cluster:Cluster");
        assertEquals(0.0, cluster.number("serverlessv2ScalingConfiguration.minCapacity"));
        assertEquals(900.0, cluster.number("serverlessv2ScalingConfiguration.secondsUntilAutoPause"));
        assertFalse(cluster.flag("deletionProtection") || cluster.protect());
    }

    @Test
    void prodDatabaseHasAReaderInAnotherZoneAndIsProtected() {
        PlannedStack prod = Plans.stack("prod");
        PlannedResource cluster = prod.one("aws:rds/cluster:Cluster");
        assertTrue(cluster.flag("deletionProtection") && cluster.protect() && cluster.retainOnDelete());
        assertEquals(30.0, cluster.number("backupRetentionPeriod"));
        var zones = prod.ofType("aws:rds/clusterInstance:ClusterInstance").stream().map(i -> i.string("availabilityZone")).distinct().toList();
        assertEquals(2, zones.size(), "writer and reader in different zones");
    }

    @Test
    void onlyTheProxyTasksAndTheDeploysOneOffTasksReachTheDatabase() {
        PlannedStack prod = Plans.stack("prod");
        PlannedResource rule = prod.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "llm-prod-db-from-proxy");
        assertEquals(5432.0, rule.number("fromPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());
        assertEquals(List.of("llm-prod-db-from-deploy-tasks", "llm-prod-db-from-proxy"), prod.where(r -> r.type().equals(rule.type())
                && r.name().startsWith("llm-prod-db-from-")).stream().map(PlannedResource::name).sorted().toList());
    }

    @Test
    void connectionBudgetRejectsMorePooledConnectionsThanTheDatabaseAllows() {
        var source = Stacks.load("prod").with(Map.of("dbMaxCapacity", "1", "databasePoolLimit", 50));
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(source));
        assertEquals("Database connection budget exceeded: litellm-gateway:databasePoolLimit (50) x workers (1) x"
                + " litellm-gateway:proxyMaxTasks (6) x 2 (old and new tasks during a rolling deployment) = 600 connections,"
                + " but the database allows about 225 (199 usable after a 10%"
                + " margin and the superuser reserve); raise dbMaxCapacity or dbInstanceClass, or lower databasePoolLimit,"
                + " proxyWorkers or proxyMaxTasks", error.getMessage());
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restore goes next to the serving database, into the free slot, and the gateway moves over with a setting: the
 * database that serves is the one the tasks reach, sign in to, migrate and alarm on, and the only one protected.
 */
class DatabaseSlotsTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    /** Prod restoring its latest restorable state into slot b, still served by a. */
    static final Map<String, Object> RESTORING = Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "latest");

    private static PlannedStack restoring;
    private static PlannedStack switched;

    /** Prod with a copy in slot b, still served by slot a. */
    static synchronized PlannedStack restoring() {
        if (restoring == null) {
            restoring = Plans.of(Stacks.load("prod").with(RESTORING));
        }
        return restoring;
    }

    private static synchronized PlannedStack switched() {
        if (switched == null) {
            switched = Plans.of(Stacks.load("prod").with(RESTORING).with(Map.of("dbServingSlot", "b")));
        }
        return switched;
    }

    private static String output(PlannedResource resource, String name) {
        return String.valueOf(resource.output(name).orElseThrow());
    }

    @Test
    void theCopyIsRestoredFromTheServingClusterNextToItAndIsNotProtected() {
        PlannedStack plan = restoring();
        PlannedResource live = plan.named(CLUSTER, "llm-prod-db");
        PlannedResource copy = plan.named(CLUSTER, "llm-prod-db-b");
        assertEquals("llm-prod-db", copy.string("restoreToPointInTime.sourceClusterIdentifier"));
        assertTrue(copy.flag("restoreToPointInTime.useLatestRestorableTime"));
        assertFalse(copy.flag("deletionProtection"));
        assertFalse(copy.protect());
        assertTrue(copy.string("kmsKeyId").equals(live.string("kmsKeyId")), "the copy is encrypted with the stack's key");
        assertTrue(live.flag("deletionProtection") && live.protect(), "the serving database keeps its protection");
        assertTrue(live.input("restoreToPointInTime").isEmpty());
        assertEquals(2, plan.where(r -> r.type().equals("aws:rds/clusterInstance:ClusterInstance")
                && r.name().startsWith("llm-prod-db-b-")).size(), "a writer and prod's reader, as in the serving cluster");
        assertEquals("llm-prod-db-b", String.valueOf(plan.outputs().get("standbyDatabaseIdentifier")));
    }

    @Test
    void whileTheCopyIsCheckedTheGatewayStillUsesTheServingDatabaseOnly() {
        PlannedStack plan = restoring();
        assertEquals(output(plan.named(CLUSTER, "llm-prod-db"), "endpoint"),
                ProxyTaskTest.env(ProxyTaskTest.containers(plan).get("litellm")).get("DATABASE_HOST"));
        String copyGroup = plan.named("aws:ec2/securityGroup:SecurityGroup", "llm-prod-db-b-sg").id();
        assertTrue(plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .noneMatch(rule -> copyGroup.equals(rule.string("securityGroupId"))), "nothing reaches the copy yet");
    }

    @Test
    void servingSlotBMovesTheTasksTheirSignInAndTheAlarmsToTheCopy() {
        PlannedStack plan = switched();
        PlannedResource copy = plan.named(CLUSTER, "llm-prod-db-b");
        assertEquals(output(copy, "endpoint"), ProxyTaskTest.env(ProxyTaskTest.containers(plan).get("litellm")).get("DATABASE_HOST"));
        String policy = plan.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-task").string("policy");
        assertTrue(policy.contains(":dbuser:" + output(copy, "clusterResourceId") + "/litellm_app"), policy);
        assertTrue(plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "llm-prod-db-b-from-proxy") != null);
        assertTrue(plan.where(r -> r.name().equals("llm-prod-db-from-proxy")).isEmpty());
        assertTrue(plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(alarm -> alarm.string("name").endsWith("-db-cpu"))
                .allMatch(alarm -> String.valueOf(alarm.input("dimensions").orElseThrow()).contains("llm-prod-db-b")));
        PlannedResource old = plan.named(CLUSTER, "llm-prod-db");
        assertFalse(old.flag("deletionProtection") || old.protect(), "the database that stopped serving can be retired");
        assertEquals("llm-prod-db", String.valueOf(plan.outputs().get("standbyDatabaseIdentifier")));
    }

    @Test
    void aTimeOrASnapshotIsWhatTheCopyIsCreatedFrom() {
        // (DatabaseTest renders both into the cluster and the instance.)
        var time = StackSettings.read(Stacks.load("prod").with(RESTORING).with(Map.of("dbRestoreSource",
                "time:2026-11-20T10:00:00Z"))).database().restoreSource().orElseThrow();
        assertEquals(java.time.Instant.parse("2026-11-20T10:00:00Z"), time.time().orElseThrow());
        assertTrue(time.snapshot().isEmpty());
        var snapshot = StackSettings.read(Stacks.load("dev").with(Map.of("dbSlots", List.of("a", "b"),
                "dbRestoreSource", "snapshot:rds:llm-dev-db-2026-11-20-03-10"))).database().restoreSource().orElseThrow();
        assertEquals("rds:llm-dev-db-2026-11-20-03-10", snapshot.snapshot().orElseThrow());
        var latest = StackSettings.read(Stacks.load("prod").with(RESTORING)).database().restoreSource().orElseThrow();
        assertTrue(latest.snapshot().isEmpty() && latest.time().isEmpty(), "latest: neither a snapshot nor a time");
    }

    @Test
    void slotSettingsThatCannotWorkAreRefusedNamingTheKey() {
        Map<Map<String, Object>, String> bad = Map.of(
                Map.of("dbSlots", List.of("a", "a")), "dbSlots",
                Map.of("dbSlots", List.of("c")), "dbSlots",
                Map.of("dbSlots", List.of()), "dbSlots",
                Map.of("dbServingSlot", "b"), "dbServingSlot",
                Map.of("dbSlots", List.of("a", "b")), "dbRestoreSource",
                Map.of("dbRestoreSource", "latest"), "dbRestoreSource",
                Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "time:yesterday"), "dbRestoreSource",
                Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "snapshot:-bad"), "dbRestoreSource");
        bad.forEach((changes, key) -> {
            var error = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.load("prod").with(changes)),
                    changes.toString());
            assertTrue(error.getMessage().contains("litellm-gateway:" + key), error.getMessage());
        });
    }
}

package dev.llmgateway.plan.update;

import com.pulumi.Context;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import dev.llmgateway.gateway.settings.StatefulData;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.function.Consumer;

import static dev.llmgateway.plan.update.UpdatePlannerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsequencesTest {

    private static Consumer<Context> database(String key) {
        return ctx -> new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro").allocatedStorage(20)
                .storageEncrypted(true).kmsKeyId(key).skipFinalSnapshot(false).finalSnapshotIdentifier("db-final-1").build());
    }

    @Test
    void replacingTheDatabaseLosesItsDataAndFailsTheUpdateUnlessTheStackFileAcceptsIt() {
        var deployed = run(database("arn:aws:kms:us-east-1:123456789012:key/one"));
        var goal = run(database("arn:aws:kms:us-east-1:123456789012:key/two"));
        UpdatePlan refused = UpdatePlan.of("s", "a", "b", deployed, goal, Set.of());
        assertEquals(1, refused.dataLoss().size());
        var loss = refused.dataLoss().get(0);
        assertEquals(StatefulData.DATABASE, loss.category().consent().orElseThrow());
        assertTrue(loss.what().contains("the new one starts empty"), loss.what());
        assertEquals("final snapshot db-final-1 (restore is a manual step)", loss.survives().orElseThrow());
        assertTrue(refused.fails());
        assertTrue(refused.verdict().contains("acceptDataLoss"), refused.verdict());
        assertFalse(UpdatePlan.of("s", "a", "b", deployed, goal, Set.of(StatefulData.DATABASE)).fails());
    }

    @Test
    void anInPlaceClassChangeIsAnInterruptionNotALoss() {
        Consumer<Context> small = ctx -> new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro")
                .allocatedStorage(20).skipFinalSnapshot(true).build());
        Consumer<Context> bigger = ctx -> new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.small")
                .allocatedStorage(20).skipFinalSnapshot(true).build());
        UpdatePlan plan = UpdatePlan.of("s", "a", "b", run(small), run(bigger), Set.of());
        assertTrue(plan.dataLoss().isEmpty());
        assertEquals(1, plan.interruptions().size());
        assertTrue(plan.interruptions().get(0).expected().contains("next maintenance window"), plan.interruptions().toString());
        assertFalse(plan.fails());
    }
}

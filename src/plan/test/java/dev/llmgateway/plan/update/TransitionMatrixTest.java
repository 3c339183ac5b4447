package dev.llmgateway.plan.update;

import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.SettingsTransition;
import dev.llmgateway.plan.update.Transitions.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change a team makes to the committed stacks and examples either applies cleanly in the update plan, or is
 * refused up front by the settings with the key, the reason and the safe procedure.
 */
class TransitionMatrixTest {

    static final java.util.List<Transition> TRANSITIONS = Transitions.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("TRANSITIONS")
    void appliesCleanlyOrIsRefusedUpFrontNamingTheKey(Transition transition) {
        if (transition.refused().isPresent()) {
            var refusal = assertThrows(SettingsException.class, () -> SettingsTransition.check(transition.baseSettings(),
                    transition.headSettings()));
            assertTrue(refusal.getMessage().contains(transition.refused().get()) && refusal.getMessage().contains("Safe procedure"),
                    refusal.getMessage());
            return;
        }
        SettingsTransition.check(transition.baseSettings(), transition.headSettings());
        UpdatePlan plan = UpdatePlan.of("t", transition.base(), transition.name(), transition.basePlan(), transition.headPlan(),
                transition.headSettings().updates().acceptDataLoss());
        assertFalse(plan.fails(), () -> plan.text());
        assertFalse(plan.changed().isEmpty(), "the transition changes nothing: " + transition);
    }
}

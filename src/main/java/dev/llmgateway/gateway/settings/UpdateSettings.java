package dev.llmgateway.gateway.settings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How updates of a deployed stack may go: only the offline update plan reads these; {@code pulumi up} does not.
 *
 * @param acceptDataLoss {@code acceptDataLoss}: the stateful data this stack file's update may lose (consent, given in
 *                       the pull request that changes the stack and removed after the update)
 */
public record UpdateSettings(Set<StatefulData> acceptDataLoss) {

    /** Copies the consent. */
    public UpdateSettings {
        Set<StatefulData> copy = EnumSet.noneOf(StatefulData.class);
        copy.addAll(acceptDataLoss);
        acceptDataLoss = Collections.unmodifiableSet(copy);
    }

    /** Reads {@code acceptDataLoss}. */
    static UpdateSettings read(SettingsReader r) {
        Set<StatefulData> accepted = EnumSet.noneOf(StatefulData.class);
        accepted.addAll(r.choices("acceptDataLoss", StatefulData.class));
        return new UpdateSettings(accepted);
    }
}

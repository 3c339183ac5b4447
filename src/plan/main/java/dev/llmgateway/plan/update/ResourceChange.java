package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code pulumi up} would do to one resource, as the engine decides it (pulumi/pulumi
 * {@code pkg/resource/deploy/step_generator.go}).
 *
 * @param op                  the logical operation
 * @param urn                 the resource's URN in the goal (or in the deployed state for a delete)
 * @param type                type token
 * @param name                logical name
 * @param component           the logical name of the component it belongs to (for grouping), or the stack's
 * @param old                 the deployed resource; empty for a create
 * @param goal                the resource the program declares; empty for a delete
 * @param diffReasons         top-level properties whose values differ ({@code diffReasons})
 * @param replaceReasons      the properties that force the replacement ({@code replaceReasons})
 * @param causes              per changed property, why it changes: the setting's new value, or the replaced
 *                            resource whose new identity it takes
 * @param deleteBeforeReplace whether a replacement deletes the old resource first
 */
public record ResourceChange(Op op, String urn, String type, String name, String component, Optional<PlannedResource> old,
                             Optional<PlannedResource> goal, List<String> diffReasons, List<String> replaceReasons,
                             Map<String, String> causes, boolean deleteBeforeReplace) {

    /** The engine's logical operations (pulumi/pulumi {@code deploy.StepOp}). */
    public enum Op {
        /** Nothing to do. */
        SAME("same"),
        /** A new resource. */
        CREATE("create"),
        /** An in-place update. */
        UPDATE("update"),
        /** A replacement: a new resource, and the old one deleted before or after it. */
        REPLACE("replace"),
        /** A resource the program no longer declares. */
        DELETE("delete");

        private final String engineName;

        Op(String engineName) {
            this.engineName = engineName;
        }

        /** The step name the engine uses. */
        public String engineName() {
            return engineName;
        }
    }

    /** Whether this is a provider-backed resource (components and the stack have no cloud side). */
    public boolean custom() {
        return goal.or(() -> old).map(PlannedResource::custom).orElse(false);
    }

    /** Whether the cloud resource goes away: a delete, or the old half of a replacement. */
    public boolean removesOld() {
        return op == Op.DELETE || op == Op.REPLACE;
    }

    /** {@code type name}, for reports. */
    public String label() {
        return type + " " + name;
    }

    /** The replacement's order in the engine's words. */
    public String order() {
        return deleteBeforeReplace ? "delete-replaced, then create-replacement" : "create-replacement, then delete-replaced";
    }
}

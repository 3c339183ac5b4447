package dev.llmgateway.components.network;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Map;

/**
 * A network flow the stack means to allow (who opens connections to whom, on which port, and
 * why). It creates nothing in AWS: it records the intent in the stack's state, next to the
 * security-group rules and routes that must implement it, so the offline plan can check each
 * intended flow against the rules AWS would enforce (both groups must allow it; egress is
 * closed unless a rule opens it) and report it as ALLOWED or BLOCKED.
 */
public class IntendedFlow extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:network:IntendedFlow";

    /** Records the flow described by {@code args}. */
    public IntendedFlow(String name, IntendedFlowArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, args, opts);
        registerOutputs(Map.of());
    }
}

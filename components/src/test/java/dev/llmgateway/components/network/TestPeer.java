package dev.llmgateway.components.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;

/** A stand-in {@link Connectable} for component tests: a component owning a group with a fixed id. */
public final class TestPeer extends ComponentResource implements Connectable {

    private final Connections connections;

    /** A peer called {@code name} (also its rule prefix and peer name) whose group id is {@code securityGroupId}. */
    public TestPeer(String name, String securityGroupId) {
        super("test:network:Peer", name, null, null);
        this.connections = Connections.of(this, name, name, name, Output.of(securityGroupId));
        registerOutputs(java.util.Map.of());
    }

    @Override
    public Connections connections() {
        return connections;
    }
}

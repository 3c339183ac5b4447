package dev.llmgateway.components.network;

import java.util.Collection;
import java.util.List;

/**
 * What a program tells the offline engine besides its resources: the network flows it means to allow and the
 * existing networks it deploys into. Neither enters Pulumi's state.
 *
 * @param flows    the flows the stack opens
 * @param networks the networks it uses without creating them (none when it creates its own)
 */
public record Declarations(List<Flow> flows, List<DeclaredNetwork> networks) {

    /** Copies. */
    public Declarations {
        flows = List.copyOf(flows);
        networks = List.copyOf(networks);
    }

    /** Flows only: a program that creates every network it uses. */
    public static Declarations of(Collection<Flow> flows) {
        return new Declarations(List.copyOf(flows), List.of());
    }
}

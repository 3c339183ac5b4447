package dev.llmgateway.gateway.access;

import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How clients reach the gateway ({@code accessMode}). Each mode is one class that owns its settings and their
 * checks, where the load balancer goes (or that there is none), who may enter and through which peer, and the
 * address and outputs it gives the stack. Adding a mode is adding a class here and a constant to
 * {@link AccessMode} (CONTRIBUTING, "Adding an access mode").
 */
public sealed interface Access permits PublicAccess, VpnAccess, EdgeAccess, PrivateAccess {

    /** The mode's name in stack files. */
    AccessMode kind();

    /** Where the proxy's load balancer goes; empty when clients do not go through one. */
    Optional<LoadBalancerPlacement> loadBalancer();

    /**
     * The address people use when it is known before anything is created (a custom domain, the tunnel's local
     * end): LiteLLM builds its UI login redirect and invitation links from it ({@code PROXY_BASE_URL}).
     */
    Optional<String> knownUrl(AccessSettings settings);

    /** The longest request timeout the path in front of LiteLLM allows; empty when only the load balancer bounds it. */
    default OptionalInt requestTimeoutCeilingSeconds() {
        return OptionalInt.empty();
    }

    /** Interface endpoints the mode needs when the tasks have no NAT (ECS Exec's channels for private access). */
    default Set<InterfaceEndpoint> endpointsWithoutNat() {
        return Set.of();
    }

    /** Checks the mode puts on the other settings, once at start-up. */
    default void check(SettingsReader r, AccessSettings settings, ProxySettings proxy, LiteLlmSettings litellm) {
    }

    /** Creates what the way in needs before the proxy exists; the returned entrance lets clients in once it does. */
    Entrance open(AccessContext context);
}

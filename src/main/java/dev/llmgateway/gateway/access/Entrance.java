package dev.llmgateway.gateway.access;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.ProxyServiceArgs.RequiredHeader;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A way in, opened by {@link Access#open}: what the proxy must be built with, then, once it exists, who may enter
 * and the address clients use.
 */
public interface Entrance {

    /** The HTTPS listener's certificate: the configured one, or one the mode created and validated; empty for none. */
    default Optional<Output<String>> listenerCertificateArn() {
        return Optional.empty();
    }

    /** A header every request must carry to be served (CloudFront's origin secret); empty for none. */
    default Optional<RequiredHeader> requiredHeader() {
        return Optional.empty();
    }

    /** Secrets the mode generated that the stack's vault keeps for operators, by vault key. */
    default Map<String, VaultEntry> secrets() {
        return Map.of();
    }

    /**
     * Lets clients in through the proxy's load balancer (or, without one, nothing: ECS Exec is the way in) and
     * creates what serves them in front of it; returns the address clients use.
     */
    Output<String> serve(ProxyService proxy);

    /** Host names browsers use for the gateway besides its URL's (CloudFront's generated name); empty when none. */
    default List<Output<String>> browserHostNames() {
        return List.of();
    }

    /** Certificates the mode created that deserve an expiry alarm, by label. */
    default Map<String, Output<String>> certificates() {
        return Map.of();
    }

    /** Flows the mode opened on its own groups. */
    default List<Flow> flows() {
        return List.of();
    }

    /** Writes the mode's stack outputs (VPN client profiles, the load balancer behind CloudFront). */
    default void export(Context ctx) {
    }

    /**
     * A secret for the vault.
     *
     * @param value       the value (secret)
     * @param description what it is
     */
    record VaultEntry(Output<String> value, String description) {
    }
}

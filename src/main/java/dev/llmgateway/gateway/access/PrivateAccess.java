package dev.llmgateway.gateway.access;

import com.pulumi.core.Output;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.gateway.ProxyContainers;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code accessMode: private}: no load balancer and no inbound rule at all; operators reach the gateway and its admin
 * UI on {@code localhost:4000} through an SSM port-forwarding session into a task (ECS Exec,
 * {@code scripts/gateway-tunnel.sh}).
 */
public record PrivateAccess() implements Access {

    /** Where private access serves the gateway: the local end of the SSM port-forwarding session. */
    public static final String TUNNEL_URL = "http://localhost:" + ProxyContainers.PORT;

    /** Nothing configures a load balancer in private mode: each such setting is an error, not silently ignored. */
    static PrivateAccess read(SettingsReader r, Optional<String> certificate, boolean plainHttp, boolean waf,
                              Optional<String> domain, List<Cidr> allowed) {
        String why = "unset in private mode (no load balancer: operators use SSM port forwarding to localhost:4000)";
        certificate.ifPresent(c -> {
            throw r.invalid("certificateArn", c, why);
        });
        domain.ifPresent(d -> {
            throw r.invalid("albDomainName", d, why);
        });
        if (plainHttp) {
            throw r.invalid("allowPlainHttp", true, why);
        }
        if (waf) {
            throw r.invalid("waf", true, why);
        }
        if (!allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", allowed, "empty in private mode (no inbound rule exists)");
        }
        return new PrivateAccess();
    }

    @Override
    public AccessMode kind() {
        return AccessMode.PRIVATE;
    }

    @Override
    public Optional<LoadBalancerPlacement> loadBalancer() {
        return Optional.empty();
    }

    @Override
    public Optional<String> knownUrl(AccessSettings settings) {
        return Optional.of(TUNNEL_URL);
    }

    /** ECS Exec: the SSM agent's message channels, and KMS for the encrypted sessions. */
    @Override
    public Set<InterfaceEndpoint> endpointsWithoutNat() {
        return EnumSet.of(InterfaceEndpoint.SSMMESSAGES, InterfaceEndpoint.KMS);
    }

    /** Without a load balancer nothing may depend on one, and ECS Exec's agent needs a writable root. */
    @Override
    public void check(SettingsReader r, AccessSettings settings, ProxySettings proxy, LiteLlmSettings litellm) {
        if (proxy.requestsPerTarget() > 0) {
            throw r.invalid("requestsPerTarget", proxy.requestsPerTarget(), "0 in private mode (request-count scaling reads"
                    + " the load balancer's metric; there is none)");
        }
        if (litellm.metrics() == MetricsMode.PROMETHEUS) {
            throw r.invalid("metrics", "prometheus", "cloudwatch in private mode (Grafana is served through the load balancer)");
        }
        if (proxy.readOnlyRootFilesystem()) {
            // ECS Developer Guide, "Considerations for using ECS Exec": the SSM agent needs to write to the container's
            // file system, a read-only root is not supported (aws/containers-roadmap#1359; amazon-ecs-exec-checker#21).
            throw r.invalid("proxyReadOnlyRootFilesystem", true, "false in private mode (ECS Exec, the only way into a"
                    + " private gateway, cannot run its agent in a container with a read-only root file system)");
        }
    }

    @Override
    public Entrance open(AccessContext context) {
        return proxy -> Output.of(TUNNEL_URL);
    }
}

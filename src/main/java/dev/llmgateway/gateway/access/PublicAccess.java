package dev.llmgateway.gateway.access;

import com.pulumi.core.Output;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.List;
import java.util.Optional;

/**
 * {@code accessMode: public}: an internet-facing load balancer in the public subnets that admits only the
 * allow-listed ranges, on every listener (HTTPS, and port 80 that redirects to it).
 *
 * @param allowedCidrs {@code allowedCidrs}: who may reach the load balancer; the whole internet only with WAF
 */
public record PublicAccess(List<Cidr> allowedCidrs) implements Access {

    private static final Cidr ANYWHERE = Cidr.of("0.0.0.0/0");

    /** Copies the ranges. */
    public PublicAccess {
        allowedCidrs = List.copyOf(allowedCidrs);
    }

    /** Reads and checks the allow-list. */
    static PublicAccess read(SettingsReader r, List<Cidr> allowed, boolean waf) {
        if (allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", "[]", "at least one CIDR for a public load balancer (your office or CI"
                    + " egress range), or accessMode vpn");
        }
        if (allowed.contains(ANYWHERE) && !waf) {
            throw r.invalid("allowedCidrs", "0.0.0.0/0", "the whole internet only with litellm-gateway:waf = true");
        }
        return new PublicAccess(allowed);
    }

    @Override
    public AccessMode kind() {
        return AccessMode.PUBLIC;
    }

    @Override
    public Optional<LoadBalancerPlacement> loadBalancer() {
        return Optional.of(LoadBalancerPlacement.INTERNET_FACING);
    }

    @Override
    public Optional<String> knownUrl(AccessSettings settings) {
        return settings.domainName().map(domain -> "https://" + domain);
    }

    @Override
    public Entrance open(AccessContext context) {
        return new LoadBalancerEntrance(context) {
            @Override
            public Output<String> serve(ProxyService proxy) {
                allowedCidrs.forEach(cidr -> proxy.loadBalancer().admit(Peer.ipv4("clients " + cidr, cidr),
                        "allow-listed clients call the gateway"));
                return loadBalancerUrl(proxy);
            }
        };
    }
}

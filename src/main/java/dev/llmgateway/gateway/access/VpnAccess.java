package dev.llmgateway.gateway.access;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpn.ClientVpn;
import dev.llmgateway.components.vpn.ClientVpnArgs;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.NetworkSettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code accessMode: vpn}: an internal load balancer in the private subnets, reached only by the clients of an AWS
 * Client VPN endpoint (mutual TLS or SAML) associated with those subnets and authorized for the VPC block.
 *
 * @param vpn the endpoint's settings
 */
public record VpnAccess(VpnSettings vpn) implements Access {

    /** Reads the VPN settings; the load balancer admits the VPN's clients only, so no allow-list. */
    static VpnAccess read(SettingsReader r, List<Cidr> allowed, NetworkSettings network, String region) {
        if (!allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", allowed, "empty in vpn mode: only Client VPN users reach the internal load balancer");
        }
        return new VpnAccess(VpnSettings.read(r, network, region));
    }

    @Override
    public AccessMode kind() {
        return AccessMode.VPN;
    }

    @Override
    public Optional<LoadBalancerPlacement> loadBalancer() {
        return Optional.of(LoadBalancerPlacement.INTERNAL);
    }

    @Override
    public Optional<String> knownUrl(AccessSettings settings) {
        return settings.domainName().map(domain -> "https://" + domain);
    }

    @Override
    public Entrance open(AccessContext context) {
        var endpoint = new ClientVpn(context.prefix() + "-vpn", ClientVpnArgs.builder()
                .vpcId(context.network().vpcId())
                .vpcCidr(context.network().cidr())
                .subnetIds(context.network().subnetIds(SubnetTier.PRIVATE))
                .associations(vpn.associations())
                .clientCidr(vpn.clientCidr())
                .authentication(vpn.authentication())
                .splitTunnel(vpn.splitTunnel())
                .sessionTimeoutHours(vpn.sessionTimeoutHours())
                .samlProviderArn(vpn.samlProviderArn())
                .authorizedGroupId(vpn.samlGroupId())
                .users(vpn.users())
                .logRetentionDays(context.logRetentionDays())
                .kmsKeyArn(context.key().arn())
                .build(), context.options());
        return new LoadBalancerEntrance(context) {
            @Override
            public Output<String> serve(ProxyService proxy) {
                proxy.loadBalancer().admit(endpoint, "VPN clients call the gateway");
                return loadBalancerUrl(proxy);
            }

            @Override
            public Map<String, Output<String>> certificates() {
                Map<String, Output<String>> certificates = new HashMap<>(super.certificates());
                certificates.put("vpn-server", endpoint.serverCertificateArn());
                return certificates;
            }

            @Override
            public List<Flow> flows() {
                return endpoint.connections().flows();
            }

            @Override
            public void export(Context ctx) {
                ctx.export("vpnEndpointId", endpoint.endpointId());
                if (endpoint.userConfigurations().isEmpty()) {
                    ctx.export("vpnClientConfiguration", endpoint.clientConfiguration());
                }
                // One secret output per person: `pulumi stack output --show-secrets vpnClientConfiguration-alice > alice.ovpn`.
                endpoint.userConfigurations().forEach((user, profile) -> ctx.export("vpnClientConfiguration-" + user, profile));
            }
        };
    }
}

package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpn.ClientVpn;
import dev.llmgateway.components.vpn.ClientVpnArgs;
import dev.llmgateway.gateway.settings.VpnSettings;

/** How people reach the gateway besides the load balancer itself: AWS Client VPN in {@code vpn} mode. */
final class Access {

    private Access() {
    }

    /** A Client VPN endpoint into the private subnets, authorized for the VPC block only. */
    static ClientVpn clientVpn(String prefix, VpnSettings vpn, Vpc network, Output<String> keyArn, int logRetentionDays,
                               ComponentResourceOptions options) {
        var args = ClientVpnArgs.builder()
                .vpcId(network.vpcId())
                .vpcCidr(network.cidr())
                .subnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .associations(vpn.associations())
                .clientCidr(vpn.clientCidr())
                .authentication(vpn.authentication())
                .splitTunnel(vpn.splitTunnel())
                .sessionTimeoutHours(vpn.sessionTimeoutHours())
                .logRetentionDays(logRetentionDays)
                .kmsKeyArn(keyArn);
        vpn.samlProviderArn().ifPresent(args::samlProviderArn);
        vpn.samlGroupId().ifPresent(args::authorizedGroupId);
        return new ClientVpn(prefix + "-vpn", args.build(), options);
    }
}

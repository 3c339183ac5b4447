package dev.llmgateway.gateway.access;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.vpn.ClientVpnArgs;
import dev.llmgateway.components.vpn.VpnAuthentication;

import dev.llmgateway.components.vpc.SubnetLayout;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.gateway.settings.NetworkSettings;
import dev.llmgateway.gateway.settings.Regions;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Client VPN, used when {@code accessMode} is {@code vpn}.
 *
 * @param clientCidr          {@code vpnClientCidr}: addresses handed to clients; /22 or larger, outside the VPC
 * @param associations        {@code vpnAssociations}: private subnets associated (about $73/month each)
 * @param authentication      {@code vpnAuthentication}
 * @param samlProviderArn     {@code vpnSamlProviderArn}: IAM SAML provider, for SAML
 * @param samlGroupId         {@code vpnSamlGroupId}: the IdP group allowed in, for SAML
 * @param sessionTimeoutHours {@code vpnSessionTimeoutHours}: 8, 10, 12 or 24
 * @param splitTunnel         {@code vpnSplitTunnel}: only VPC traffic goes through the tunnel
 * @param users               {@code vpnUsers}: people with their own client certificate and profile (certificate mode);
 *                            empty for one shared client certificate
 */
public record VpnSettings(Cidr clientCidr, int associations, VpnAuthentication authentication,
                          Optional<String> samlProviderArn, Optional<String> samlGroupId, int sessionTimeoutHours,
                          boolean splitTunnel, List<String> users) {

    /** Reads and validates the VPN settings against the VPC and its subnets. */
    public static VpnSettings read(SettingsReader r, NetworkSettings network, String region) {
        Cidr vpc = network.cidr();
        int azCount = network.azCount();
        Cidr client = r.cidr("vpnClientCidr");
        if (client.prefix() > ClientVpnArgs.CLIENT_CIDR_MAX_PREFIX || client.prefix() < ClientVpnArgs.CLIENT_CIDR_MIN_PREFIX) {
            throw r.invalid("vpnClientCidr", client, "a block between /" + ClientVpnArgs.CLIENT_CIDR_MIN_PREFIX + " and /"
                    + ClientVpnArgs.CLIENT_CIDR_MAX_PREFIX + " (AWS Client VPN requirement)");
        }
        SubnetLayout.compute(vpc, azCount, network.subnetCidrs()).get(SubnetTier.PRIVATE).stream()
                .filter(subnet -> subnet.prefix() > ClientVpnArgs.TARGET_SUBNET_MAX_PREFIX).findFirst().ifPresent(subnet -> {
                    String key = network.subnetCidrs().containsKey(SubnetTier.PRIVATE) ? "privateSubnetCidrs" : "vpcCidr";
                    throw r.invalid(key, key.equals("vpcCidr") ? vpc : network.subnetCidrs().get(SubnetTier.PRIVATE),
                            "private subnets of at least /" + ClientVpnArgs.TARGET_SUBNET_MAX_PREFIX + " in vpn mode: Client VPN"
                            + " associates only with such subnets, and " + subnet + " is smaller");
                });
        if (client.overlaps(vpc)) {
            throw r.invalid("vpnClientCidr", client, "a block that does not overlap the VPC (" + vpc + ")");
        }
        VpnAuthentication auth = r.choice("vpnAuthentication", VpnAuthentication.class);
        Optional<String> saml = r.optional("vpnSamlProviderArn");
        if (auth == VpnAuthentication.SAML && saml.isEmpty()) {
            throw r.invalid("vpnSamlProviderArn", "", "the ARN of an IAM SAML identity provider, required when vpnAuthentication is saml");
        }
        String partition = Regions.partition(region);
        saml.filter(arn -> !arn.matches("arn:" + Pattern.quote(partition) + ":iam::\\d{12}:saml-provider/[\\w+=,.@-]+")).ifPresent(arn -> {
            throw r.invalid("vpnSamlProviderArn", arn, "an IAM SAML provider ARN of the stack's partition: arn:" + partition
                    + ":iam::<account>:saml-provider/<name>");
        });
        if (auth != VpnAuthentication.SAML) {
            for (String key : List.of("vpnSamlProviderArn", "vpnSamlGroupId")) {
                r.optional(key).ifPresent(value -> {
                    throw r.invalid(key, value, "unset unless litellm-gateway:vpnAuthentication is saml");
                });
            }
        }
        int hours = r.integer("vpnSessionTimeoutHours", 8, 24);
        if (!ClientVpnArgs.SESSION_TIMEOUT_HOURS.contains(hours)) {
            throw r.invalid("vpnSessionTimeoutHours", hours, "one of " + new java.util.TreeSet<>(ClientVpnArgs.SESSION_TIMEOUT_HOURS));
        }
        List<String> users = r.list("vpnUsers");
        if (!users.isEmpty() && auth != VpnAuthentication.CERTIFICATE) {
            throw r.invalid("vpnUsers", users, "empty unless litellm-gateway:vpnAuthentication is certificate (with SAML,"
                    + " people come from the identity provider and vpnSamlGroupId decides who may connect)");
        }
        for (String user : users) {
            if (!user.matches(ClientVpnArgs.USER_NAME)) {
                throw r.invalid("vpnUsers", user, "names of lower-case letters, digits and hyphens, at most 32 characters,"
                        + " starting with a letter or digit (each names a certificate and a stack output)");
            }
        }
        if (Set.copyOf(users).size() != users.size()) {
            throw r.invalid("vpnUsers", users, "each name once");
        }
        return new VpnSettings(client, r.integer("vpnAssociations", 1, azCount), auth, saml,
                r.optional("vpnSamlGroupId"), hours, r.bool("vpnSplitTunnel"), users);
    }
}

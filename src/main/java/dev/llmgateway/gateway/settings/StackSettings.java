package dev.llmgateway.gateway.settings;

import java.util.Optional;

/**
 * Everything a stack is configured with, read and validated once at start-up. Stacks differ
 * only in these values, never in code paths.
 *
 * @param project       project name
 * @param stack         stack name
 * @param region        {@code aws:region}
 * @param tags          default tags
 * @param network       VPC
 * @param database      PostgreSQL
 * @param proxy         LiteLLM tasks
 * @param access        how clients reach the gateway
 * @param vpn           Client VPN, present in {@code vpn} access mode
 * @param observability logs, alarms, dashboard
 * @param secrets       where secrets live and when generated ones are renewed
 * @param policyProfile {@code policyProfile}: which offline policy checks gate this stack
 */
public record StackSettings(String project, String stack, String region, TagSettings tags, NetworkSettings network,
                            DatabaseSettings database, ProxySettings proxy, AccessSettings access,
                            Optional<VpnSettings> vpn, ObservabilitySettings observability, SecretSettings secrets,
                            PolicyProfile policyProfile) {

    /** Reads every setting from {@code source}; throws {@link SettingsException} on the first bad value. */
    public static StackSettings read(ConfigSource source) {
        SettingsReader r = new SettingsReader(source);
        String region = r.required("aws:region");
        NetworkSettings network = NetworkSettings.read(r);
        AccessSettings access = AccessSettings.read(r);
        Optional<VpnSettings> vpn = access.mode() == AccessMode.VPN
                ? Optional.of(VpnSettings.read(r, network.cidr(), network.azCount()))
                : Optional.empty();
        return new StackSettings(source.project(), source.stack(), region, TagSettings.read(r), network,
                DatabaseSettings.read(r), ProxySettings.read(r), access, vpn, ObservabilitySettings.read(r),
                SecretSettings.read(r), r.choice("policyProfile", PolicyProfile.class, PolicyProfile.PROD));
    }
}

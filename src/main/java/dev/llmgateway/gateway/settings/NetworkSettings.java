package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.components.vpc.NatStrategy;
import dev.llmgateway.components.vpc.SubnetLayout;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.VpcArgs;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network: the VPC the stack creates (block, zones, NAT, endpoints and flow logs), or an existing one it deploys
 * into.
 *
 * @param cidr                 {@code vpcCidr}
 * @param azCount              {@code azCount}, 2..6; with an existing VPC, the zones of its private subnets
 * @param nat                  {@code natStrategy}
 * @param subnetCidrs          {@code publicSubnetCidrs}, {@code privateSubnetCidrs}, {@code isolatedSubnetCidrs} (explicit tiers only)
 * @param endpoints            {@code vpcEndpoints}
 * @param flowLogRetentionDays {@code flowLogRetentionDays}
 * @param availabilityZones    {@code availabilityZones}: the zones, pinned in order (one per {@code azCount}); empty = the
 *                             region's standard zones looked up at deploy time
 * @param existing             {@code vpcId} and what is declared about it: the stack creates no VPC then
 */
public record NetworkSettings(Cidr cidr, int azCount, NatStrategy nat, Map<SubnetTier, List<Cidr>> subnetCidrs,
                              Set<InterfaceEndpoint> endpoints, int flowLogRetentionDays, List<String> availabilityZones,
                              Optional<ExistingNetworkSettings> existing) {

    /** Reads and validates the network settings of a stack in {@code region}. */
    public static NetworkSettings read(SettingsReader r, String region) {
        Cidr cidr = r.cidr("vpcCidr");
        Optional<ExistingNetworkSettings> existing = ExistingNetworkSettings.read(r, cidr, region);
        int azCount = existing.map(ExistingNetworkSettings::azCount)
                .orElseGet(() -> r.integer("azCount", VpcArgs.MIN_AZ_COUNT, VpcArgs.MAX_AZ_COUNT));
        List<String> zones = r.list("availabilityZones");
        if (!zones.isEmpty() && existing.isPresent()) {
            throw r.invalid("availabilityZones", zones, "unset with vpcId: the existing subnets' zones are declared in existingSubnets");
        }
        if (!zones.isEmpty() && (zones.size() != azCount || zones.stream().distinct().count() != zones.size()
                || zones.stream().anyMatch(zone -> !zone.matches(java.util.regex.Pattern.quote(region) + "[a-z]")))) {
            throw r.invalid("availabilityZones", zones, azCount + " distinct zone names of " + region + " (such as " + region
                    + "a), one per litellm-gateway:azCount, in the order the subnets use them; or none to look the zones up");
        }
        Map<SubnetTier, List<Cidr>> explicit = new EnumMap<>(SubnetTier.class);
        for (SubnetTier tier : SubnetTier.values()) {
            String key = tierKey(tier);
            List<Cidr> cidrs = r.cidrs(key);
            if (!cidrs.isEmpty()) {
                explicit.put(tier, cidrs);
            }
        }
        try {
            if (existing.isEmpty()) {
                SubnetLayout.compute(cidr, azCount, explicit);
            }
        } catch (IllegalArgumentException e) {
            SubnetTier culprit = explicit.keySet().stream().filter(t -> e.getMessage().startsWith(t.name())).findFirst().orElse(null);
            throw culprit == null
                    ? r.invalid("vpcCidr", cidr, e.getMessage())
                    : r.invalid(tierKey(culprit), explicit.get(culprit), e.getMessage());
        }
        Set<InterfaceEndpoint> endpoints = EnumSet.noneOf(InterfaceEndpoint.class);
        r.list("vpcEndpoints").forEach(raw -> endpoints.add(endpoint(r, "vpcEndpoints", raw)));
        NatStrategy nat = r.choice("natStrategy", NatStrategy.class);
        return new NetworkSettings(cidr, azCount, nat, Map.copyOf(explicit), Set.copyOf(endpoints),
                Retention.days(r, "flowLogRetentionDays"), List.copyOf(zones), existing);
    }

    /**
     * Whether the tasks' subnets route to the internet: through the NAT the stack creates, or the existing network's
     * declared route out.
     */
    public boolean egress() {
        return existing.isPresent() || nat != NatStrategy.NONE;
    }

    /** The interface endpoints the tasks can use: those the stack creates, or the existing network's. */
    public Set<InterfaceEndpoint> reachableEndpoints() {
        return existing.flatMap(ExistingNetworkSettings::endpoints).map(e -> e.services()).orElse(endpoints);
    }

    static InterfaceEndpoint endpoint(SettingsReader r, String key, String raw) {
        for (InterfaceEndpoint e : InterfaceEndpoint.values()) {
            if (e.service().equals(raw) || SettingsReader.spelling(e).equals(raw)) {
                return e;
            }
        }
        throw r.invalid(key, raw, "one of " + java.util.Arrays.stream(InterfaceEndpoint.values())
                .map(InterfaceEndpoint::service).toList());
    }

    private static String tierKey(SubnetTier tier) {
        return tier.name().toLowerCase(java.util.Locale.ROOT) + "SubnetCidrs";
    }
}

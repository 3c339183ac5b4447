package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.vpc.ExistingNetwork;
import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.components.vpc.SubnetTier;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An existing VPC to deploy into ({@code vpcId}), as its owner declares it: the subnets the stack may use with their
 * tiers, zones, blocks and default routes ({@code existingSubnets}), and optionally the interface endpoints it already
 * has ({@code existingVpcEndpoints} with {@code existingEndpointsSecurityGroupId}).
 *
 * @param vpcId     {@code vpcId}
 * @param cidr      {@code vpcCidr}: the VPC's block, as declared
 * @param subnets   {@code existingSubnets}
 * @param endpoints {@code existingVpcEndpoints} and {@code existingEndpointsSecurityGroupId}
 */
public record ExistingNetworkSettings(String vpcId, Cidr cidr, List<ExistingNetwork.Subnet> subnets,
                                      Optional<ExistingNetwork.Endpoints> endpoints) {

    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final String ENTRY = "<subnet id>=<public|private|isolated>;zone=<zone>;cidr=<block>[;route=<0.0.0.0/0 target id>]"
            + " (e.g. subnet-0a1b2c3d4e5f60718=private;zone=us-east-1a;cidr=10.20.10.0/24;route=nat-0a1b2c3d4e5f60718)";

    /** The existing network when {@code vpcId} is set; then the keys that shape a VPC the stack creates must stay unset. */
    static Optional<ExistingNetworkSettings> read(SettingsReader r, Cidr cidr, String region) {
        Optional<String> vpcId = r.optional("vpcId");
        List<String> entries = r.list("existingSubnets");
        List<String> endpointServices = r.list("existingVpcEndpoints");
        Optional<String> endpointGroup = r.optional("existingEndpointsSecurityGroupId");
        if (vpcId.isEmpty()) {
            for (String key : List.of("existingSubnets", "existingVpcEndpoints")) {
                if (!r.list(key).isEmpty()) {
                    throw r.invalid(key, r.list(key), "unset unless vpcId names the existing VPC they belong to");
                }
            }
            endpointGroup.ifPresent(v -> {
                throw r.invalid("existingEndpointsSecurityGroupId", v, "unset unless vpcId names the existing VPC it belongs to");
            });
            return Optional.empty();
        }
        if (!VPC_ID.matcher(vpcId.get()).matches()) {
            throw r.invalid("vpcId", vpcId.get(), "a VPC id (vpc- and 8 or 17 hexadecimal digits)");
        }
        for (String key : List.of("publicSubnetCidrs", "privateSubnetCidrs", "isolatedSubnetCidrs", "vpcEndpoints")) {
            if (!r.list(key).isEmpty()) {
                throw r.invalid(key, r.list(key), "unset with vpcId: the existing VPC's subnets are declared in"
                        + " existingSubnets and its endpoints in existingVpcEndpoints (the stack creates neither)");
            }
        }
        if (entries.isEmpty()) {
            throw r.invalid("existingSubnets", "[]", "the subnets of " + vpcId.get() + " the stack may use, one entry each: " + ENTRY);
        }
        List<ExistingNetwork.Subnet> subnets = new ArrayList<>();
        for (String entry : entries) {
            subnets.add(subnet(r, entry, region));
        }
        ExistingNetwork.problem(cidr, subnets).ifPresent(problem -> {
            throw r.invalid("existingSubnets", entries, "a layout of " + vpcId.get() + " (vpcCidr " + cidr + ") the stack can use: " + problem);
        });
        if (endpointServices.isEmpty() != endpointGroup.isEmpty()) {
            throw r.invalid(endpointGroup.isEmpty() ? "existingEndpointsSecurityGroupId" : "existingVpcEndpoints", "",
                    "set with " + (endpointGroup.isEmpty() ? "existingVpcEndpoints" : "existingEndpointsSecurityGroupId")
                    + ": the tasks reach the existing endpoints through their security group");
        }
        Optional<ExistingNetwork.Endpoints> endpoints = endpointGroup.map(group -> {
            if (!GROUP_ID.matcher(group).matches()) {
                throw r.invalid("existingEndpointsSecurityGroupId", group, "a security group id (sg- and 8 or 17 hexadecimal digits)");
            }
            Set<InterfaceEndpoint> services = EnumSet.noneOf(InterfaceEndpoint.class);
            endpointServices.forEach(raw -> services.add(NetworkSettings.endpoint(r, "existingVpcEndpoints", raw)));
            return new ExistingNetwork.Endpoints(group, services);
        });
        return Optional.of(new ExistingNetworkSettings(vpcId.get(), cidr, List.copyOf(subnets), endpoints));
    }

    /** The number of zones the stack spreads over: those of the private subnets. */
    public int azCount() {
        return (int) subnets.stream().filter(s -> s.tier() == SubnetTier.PRIVATE).count();
    }

    /** Whether the layout has public subnets (for an internet-facing load balancer). */
    public boolean hasPublicSubnets() {
        return subnets.stream().anyMatch(s -> s.tier() == SubnetTier.PUBLIC);
    }

    private static ExistingNetwork.Subnet subnet(SettingsReader r, String entry, String region) {
        String[] parts = entry.split(";");
        String[] head = parts[0].split("=", 2);
        if (head.length != 2 || !SUBNET_ID.matcher(head[0].trim()).matches()) {
            throw r.invalid("existingSubnets", entry, ENTRY);
        }
        SubnetTier tier;
        try {
            tier = SubnetTier.valueOf(head[1].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.invalid("existingSubnets", entry, "a tier of public, private or isolated: " + ENTRY);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length != 2 || !List.of("zone", "cidr", "route").contains(pair[0].trim())
                    || fields.put(pair[0].trim(), pair[1].trim()) != null) {
                throw r.invalid("existingSubnets", entry, ENTRY);
            }
        }
        String zone = fields.get("zone");
        if (zone == null || !zone.matches(Pattern.quote(region) + "[a-z]")) {
            throw r.invalid("existingSubnets", entry, "a zone of the stack's region " + region + " (" + region + "a, "
                    + region + "b, ...): " + ENTRY);
        }
        Cidr block = Optional.ofNullable(fields.get("cidr")).flatMap(Cidr::parse)
                .orElseThrow(() -> r.invalid("existingSubnets", entry, "the subnet's IPv4 block (cidr=10.20.10.0/24): " + ENTRY));
        return new ExistingNetwork.Subnet(head[0].trim(), tier, block, zone, Optional.ofNullable(fields.get("route")));
    }
}

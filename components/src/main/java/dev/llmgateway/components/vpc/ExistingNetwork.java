package dev.llmgateway.components.vpc;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.DeclaredNetwork;
import dev.llmgateway.components.network.Peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A VPC the stack deploys into without creating it (a landing zone's, a shared network stack's): its id and block, the
 * subnets the stack may use with their tiers, zones, blocks and default routes, and optionally the interface endpoints
 * it already has. It creates nothing; it is the same {@link Network} view a {@link Vpc} gives, built from the owner's
 * declarations, which {@link #problem} checks for what can be checked without AWS (blocks inside the VPC and apart,
 * zones per tier, a route out where the tier needs one) and which the offline engine decides flows by
 * ({@link #declared()}).
 */
public final class ExistingNetwork implements Network {

    /** What a default route may target from a public subnet: an internet gateway. */
    private static final List<String> PUBLIC_TARGETS = List.of("igw-");
    /**
     * What a default route may target from a private subnet: a NAT gateway, an instance's interface (NAT instance,
     * appliance), a transit gateway (central egress), a Gateway Load Balancer endpoint (inspection), a peering
     * connection or a virtual private gateway.
     */
    private static final List<String> PRIVATE_TARGETS = List.of("nat-", "eni-", "tgw-", "vpce-", "pcx-", "vgw-");

    /**
     * One subnet the stack may use.
     *
     * @param id           subnet id
     * @param tier         what the stack places there: load balancers (public), tasks and endpoints (private),
     *                     databases and caches (isolated)
     * @param cidr         its block
     * @param zone         its availability zone
     * @param defaultRoute what its route table sends 0.0.0.0/0 to, by id; empty for none
     */
    public record Subnet(String id, SubnetTier tier, Cidr cidr, String zone, Optional<String> defaultRoute) {
        /** Validates. */
        public Subnet {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(cidr, "cidr");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(defaultRoute, "defaultRoute");
        }
    }

    /**
     * Interface endpoints that already exist in the VPC with private DNS.
     *
     * @param securityGroupId their security group, which must admit HTTPS from the VPC's block
     * @param services        the services they serve
     */
    public record Endpoints(String securityGroupId, Set<InterfaceEndpoint> services) {
        /** Copies. */
        public Endpoints {
            services = Set.copyOf(services);
        }
    }

    private final String vpcId;
    private final Cidr cidr;
    private final Map<SubnetTier, List<Subnet>> tiers = new EnumMap<>(SubnetTier.class);
    private final Optional<Endpoints> existingEndpoints;
    private final Optional<Connectable> endpoints;

    /**
     * The network {@code vpcId} with block {@code cidr}, whose {@code subnets} the stack uses and whose
     * {@code endpoints}, if given, it reaches; {@code owner} parents the rules the stack adds for its own groups.
     */
    public ExistingNetwork(String name, String vpcId, Cidr cidr, List<Subnet> subnets, Optional<Endpoints> endpoints,
                           Resource owner) {
        problem(cidr, subnets).ifPresent(problem -> {
            throw new IllegalArgumentException("ExistingNetwork " + name + ": " + problem);
        });
        this.vpcId = vpcId;
        this.cidr = cidr;
        for (SubnetTier tier : SubnetTier.values()) {
            tiers.put(tier, subnets.stream().filter(s -> s.tier() == tier).sorted(Comparator.comparing(Subnet::zone)).toList());
        }
        this.existingEndpoints = endpoints;
        this.endpoints = endpoints.map(e -> Connections.of(owner, name + "-endpoints", "endpoints", "existing VPC endpoints",
                Output.of(e.securityGroupId())).withDefaultPort(443).withInlineRules());
    }

    /**
     * What is wrong with a declared layout, if anything, as checkable without AWS: every block inside the VPC's and
     * apart from the others; private and isolated subnets in the same two or more zones, one per zone (a database
     * subnet group needs two zones); public subnets, when declared, in two or more zones, one per zone; a public subnet
     * routing 0.0.0.0/0 to an internet gateway, a private one routing it out ({@code nat-}, {@code eni-}, {@code tgw-},
     * {@code vpce-}, {@code pcx-}, {@code vgw-}), an isolated one not at all.
     */
    public static Optional<String> problem(Cidr vpc, List<Subnet> subnets) {
        List<Subnet> seen = new ArrayList<>();
        for (Subnet subnet : subnets) {
            if (!vpc.contains(subnet.cidr())) {
                return Optional.of(subnet.id() + " block " + subnet.cidr() + " is not inside the VPC's " + vpc);
            }
            for (Subnet other : seen) {
                if (other.id().equals(subnet.id())) {
                    return Optional.of(subnet.id() + " is declared twice");
                }
                if (other.cidr().contains(subnet.cidr()) || subnet.cidr().contains(other.cidr())) {
                    return Optional.of(subnet.id() + " block " + subnet.cidr() + " overlaps " + other.id() + "'s " + other.cidr());
                }
            }
            seen.add(subnet);
            Optional<String> route = routeProblem(subnet);
            if (route.isPresent()) {
                return route;
            }
        }
        Map<SubnetTier, Set<String>> zones = new EnumMap<>(SubnetTier.class);
        for (SubnetTier tier : SubnetTier.values()) {
            List<Subnet> inTier = subnets.stream().filter(s -> s.tier() == tier).toList();
            Set<String> tierZones = new TreeSet<>();
            for (Subnet subnet : inTier) {
                if (!tierZones.add(subnet.zone())) {
                    return Optional.of("two " + lower(tier) + " subnets in " + subnet.zone() + ": one per zone");
                }
            }
            if (tier != SubnetTier.PUBLIC && tierZones.size() < 2 || tier == SubnetTier.PUBLIC && tierZones.size() == 1) {
                return Optional.of(lower(tier) + " subnets in " + tierZones.size() + " zone(s): at least two zones"
                        + (tier == SubnetTier.ISOLATED ? " (a database subnet group needs two)" : ""));
            }
            zones.put(tier, tierZones);
        }
        if (!zones.get(SubnetTier.PRIVATE).equals(zones.get(SubnetTier.ISOLATED))) {
            return Optional.of("private subnets in " + zones.get(SubnetTier.PRIVATE) + " but isolated subnets in "
                    + zones.get(SubnetTier.ISOLATED) + ": the same zones, so tasks and databases share them");
        }
        return Optional.empty();
    }

    private static Optional<String> routeProblem(Subnet subnet) {
        String where = subnet.id() + " (" + lower(subnet.tier()) + ")";
        return switch (subnet.tier()) {
            case PUBLIC -> subnet.defaultRoute().filter(t -> PUBLIC_TARGETS.stream().anyMatch(t::startsWith)).isPresent()
                    ? Optional.empty()
                    : Optional.of(where + " must route 0.0.0.0/0 to an internet gateway (route=igw-...), got "
                    + subnet.defaultRoute().orElse("no route"));
            case PRIVATE -> subnet.defaultRoute().filter(t -> PRIVATE_TARGETS.stream().anyMatch(t::startsWith)).isPresent()
                    ? Optional.empty()
                    : Optional.of(where + " must route 0.0.0.0/0 out through one of " + PRIVATE_TARGETS
                    + " (route=...), got " + subnet.defaultRoute().orElse("no route")
                    + ": tasks pull images and call model APIs over HTTPS");
            case ISOLATED -> subnet.defaultRoute().isEmpty() ? Optional.empty()
                    : Optional.of(where + " must have no route out (databases and caches need none), got route="
                    + subnet.defaultRoute().get());
        };
    }

    @Override
    public Output<String> vpcId() {
        return Output.of(vpcId);
    }

    @Override
    public Cidr cidr() {
        return cidr;
    }

    @Override
    public Output<List<String>> subnetIds(SubnetTier tier) {
        return Output.of(tiers.get(tier).stream().map(Subnet::id).toList());
    }

    @Override
    public Output<List<String>> availabilityZones() {
        return Output.of(tiers.get(SubnetTier.PRIVATE).stream().map(Subnet::zone).toList());
    }

    @Override
    public Optional<Connectable> endpoints() {
        return endpoints;
    }

    /** None the stack knows of: the private subnets' route out carries S3 traffic (through its gateway endpoint, if the VPC has one). */
    @Override
    public Optional<Peer> s3() {
        return Optional.empty();
    }

    @Override
    public Optional<Resource> internetGateway() {
        return Optional.empty();
    }

    @Override
    public boolean reachesInternet() {
        return tiers.get(SubnetTier.PRIVATE).stream().allMatch(s -> s.defaultRoute().isPresent());
    }

    /** The services of the existing interface endpoints, if any. */
    public Set<InterfaceEndpoint> endpointServices() {
        return existingEndpoints.map(Endpoints::services).orElse(Set.of());
    }

    @Override
    public Optional<DeclaredNetwork> declared() {
        List<DeclaredNetwork.Subnet> subnets = new ArrayList<>();
        tiers.values().forEach(list -> list.forEach(s -> subnets.add(new DeclaredNetwork.Subnet(s.id(), lower(s.tier()),
                s.cidr(), s.zone(), s.defaultRoute().map(target -> List.of(new DeclaredNetwork.Route(Cidr.of("0.0.0.0/0"),
                target))).orElse(List.of())))));
        List<DeclaredNetwork.Group> groups = existingEndpoints.map(e -> List.of(new DeclaredNetwork.Group(e.securityGroupId(),
                "existing VPC endpoints", List.of(443), cidr))).orElse(List.of());
        return Optional.of(new DeclaredNetwork(vpcId, cidr, subnets, groups));
    }

    private static String lower(SubnetTier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}

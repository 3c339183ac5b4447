package dev.llmgateway.components.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network the stack deploys into without creating it, as its owner declares it: the VPC's block, each subnet's
 * block and zone, the routes that decide where its traffic goes, and the security groups of things in it the stack
 * uses (existing interface endpoints) with what they admit. The offline engine decides the stack's flows through it
 * by these declarations, as it decides them by the resources of a network the stack creates; AWS alone knows whether
 * they are true, so reports say which verdicts rest on them.
 *
 * @param vpcId   the VPC's id
 * @param cidr    the VPC's IPv4 block
 * @param subnets the subnets the stack uses
 * @param groups  security groups of the network the stack's groups reach, with what they are declared to admit
 */
public record DeclaredNetwork(String vpcId, Cidr cidr, List<Subnet> subnets, List<Group> groups) {

    /** Validates and copies. */
    public DeclaredNetwork {
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(cidr, "cidr");
        subnets = List.copyOf(subnets);
        groups = List.copyOf(groups);
    }

    /** The declared subnet with this id, if any. */
    public Optional<Subnet> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
    }

    /**
     * One existing subnet.
     *
     * @param id     subnet id
     * @param tier   what the stack uses it for ({@code public}, {@code private}, {@code isolated})
     * @param cidr   its block, inside the VPC's
     * @param zone   its availability zone
     * @param routes the routes of its route table beyond the VPC's local route
     */
    public record Subnet(String id, String tier, Cidr cidr, String zone, List<Route> routes) {
        /** Validates and copies. */
        public Subnet {
            Objects.requireNonNull(id, "id");
            routes = List.copyOf(routes);
        }
    }

    /**
     * A route of an existing route table.
     *
     * @param destination the destination block ({@code 0.0.0.0/0})
     * @param target      what it routes to, by id: {@code igw-} internet gateway, {@code nat-} NAT gateway,
     *                    {@code eni-} an instance's interface (NAT instance, appliance), {@code tgw-} transit gateway,
     *                    {@code pcx-} peering, {@code vgw-} virtual private gateway, {@code vpce-} a Gateway Load
     *                    Balancer endpoint
     */
    public record Route(Cidr destination, String target) {
        /** Whether replies to connections opened from outside come back through it: not through a NAT. */
        public boolean carriesReplies() {
            return !(target.startsWith("nat-") || target.startsWith("eni-"));
        }
    }

    /**
     * An existing security group and what it is declared to admit.
     *
     * @param id    the group's id
     * @param label what it is ({@code existing VPC endpoints})
     * @param ports TCP ports it admits
     * @param from  the range it admits them from
     */
    public record Group(String id, String label, List<Integer> ports, Cidr from) {
        /** Copies. */
        public Group {
            ports = List.copyOf(ports);
        }
    }
}

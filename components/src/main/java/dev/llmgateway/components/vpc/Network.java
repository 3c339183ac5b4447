package dev.llmgateway.components.vpc;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.DeclaredNetwork;
import dev.llmgateway.components.network.Peer;

import java.util.List;
import java.util.Optional;

/**
 * What a stack needs from the network it runs in, whoever created it: a {@link Vpc} the stack creates, or an
 * {@link ExistingNetwork} a platform team owns. Load balancers, tasks, the database and the VPN take their places
 * from here, so both kinds of network serve the same code.
 */
public interface Network {

    /** VPC id. */
    Output<String> vpcId();

    /** VPC block. */
    Cidr cidr();

    /** Subnet ids of a tier, in availability-zone order. */
    Output<List<String>> subnetIds(SubnetTier tier);

    /** The availability zones of the subnets, in order. */
    Output<List<String>> availabilityZones();

    /**
     * The interface endpoints' group, when the network has interface endpoints: callers add only their egress
     * ({@code tasks.allowTo(endpoints, 443, ...)}); the group already admits HTTPS from the VPC.
     */
    Optional<Connectable> endpoints();

    /** Amazon S3 through a gateway endpoint the private subnets route to, as a peer; empty when there is none. */
    Optional<Peer> s3();

    /** The internet gateway internet-facing load balancers wait for, when the stack creates it. */
    Optional<Resource> internetGateway();

    /** Whether the private subnets have a route to the internet (through NAT or another route out). */
    boolean reachesInternet();

    /** The NAT instance's id, when the network has one of its own (a single point worth an alarm). */
    default Optional<Output<String>> natInstanceId() {
        return Optional.empty();
    }

    /**
     * Stops what the network runs for this stack alone outside office hours (a NAT instance), starting it at
     * {@code startCron} and stopping it at {@code stopCron} in {@code timeZone}; an existing network's NAT is not
     * the stack's to stop, and a NAT gateway cannot be stopped.
     */
    default void runOnSchedule(String startCron, String stopCron, String timeZone) {
    }

    /** How the network is declared when the stack does not create it: what the offline engine decides flows by. */
    default Optional<DeclaredNetwork> declared() {
        return Optional.empty();
    }
}

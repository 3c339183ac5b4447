package dev.llmgateway.components.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;

import java.util.Optional;

/**
 * Something with a security group that others connect to or that connects to others: the database,
 * the cache, the proxy tasks, the load balancer, the metrics service, the VPN endpoint, the VPC
 * endpoints. It is a {@link Peer} through its group, so opening a path between two of them is one call on
 * {@link Connections}, which adds the rule on both groups and declares the flow (as AWS CDK's
 * {@code IConnectable}).
 */
public interface Connectable extends Peer {

    /** The security group of this thing and how rules on it are named. */
    Connections connections();

    @Override
    default String label() {
        return connections().label();
    }

    @Override
    default String slug() {
        return connections().slug();
    }

    @Override
    default FlowEnd flowEnd() {
        return connections().flowEnd();
    }

    @Override
    default void asSource(SecurityGroupIngressRuleArgs.Builder rule) {
        connections().asSource(rule);
    }

    @Override
    default void asDestination(SecurityGroupEgressRuleArgs.Builder rule) {
        connections().asDestination(rule);
    }

    @Override
    default Optional<Connections> group() {
        return Optional.of(connections());
    }
}

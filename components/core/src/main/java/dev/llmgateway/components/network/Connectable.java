package dev.llmgateway.components.network;

/**
 * Something with a security group that others connect to or that connects to others: the database,
 * the cache, the proxy tasks, the load balancer, the metrics service, the VPN endpoint, the VPC
 * endpoints. Opening a path between two of them goes through {@link Connections}, which adds the
 * rule on both groups and declares the flow in one call (as AWS CDK's {@code IConnectable}).
 */
public interface Connectable {

    /** The security group of this thing and how rules on it are named. */
    Connections connections();
}

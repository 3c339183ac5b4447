package dev.llmgateway.gateway.access;

import dev.llmgateway.components.vpc.SubnetTier;

/**
 * Where an access mode puts the proxy's load balancer.
 *
 * @param tier     the subnets it lives in
 * @param internal whether it is internal (reachable from inside the VPC only)
 */
public record LoadBalancerPlacement(SubnetTier tier, boolean internal) {

    /** Internet-facing, in the public subnets. */
    static final LoadBalancerPlacement INTERNET_FACING = new LoadBalancerPlacement(SubnetTier.PUBLIC, false);
    /** Internal, in the private subnets. */
    static final LoadBalancerPlacement INTERNAL = new LoadBalancerPlacement(SubnetTier.PRIVATE, true);
}

package dev.llmgateway.components.vpc;

/** How private subnets reach the internet. */
public enum NatStrategy {
    /** No NAT: private subnets reach AWS only through VPC endpoints (cheapest, no internet egress). */
    NONE,
    /** One small ARM NAT instance (t4g.nano) in the first public subnet: cheap, single point of failure; for dev. */
    INSTANCE,
    /** One managed NAT gateway in the first public subnet: zonal single point of failure. */
    SINGLE_GATEWAY,
    /** One managed NAT gateway per availability zone: highly available; for prod. */
    GATEWAY_PER_AZ
}

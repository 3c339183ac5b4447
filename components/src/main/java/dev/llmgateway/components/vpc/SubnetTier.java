package dev.llmgateway.components.vpc;

/** The three subnet tiers, each spread over every availability zone. */
public enum SubnetTier {
    /** Load balancers and NAT; routes to the internet gateway. */
    PUBLIC,
    /** Application tasks; routes to NAT (if any) and VPC endpoints. */
    PRIVATE,
    /** Databases and caches; no route out of the VPC at all. */
    ISOLATED
}

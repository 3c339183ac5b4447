package dev.llmgateway.gateway.settings;

/** How clients reach the gateway. */
public enum AccessMode {
    /** Internet-facing load balancer, restricted to allow-listed CIDRs unless WAF is on. */
    PUBLIC,
    /** Internal load balancer reached only through AWS Client VPN. */
    VPN,
    /** CloudFront (with its own WAF) in front of a load balancer that accepts only CloudFront. */
    EDGE,
    /**
     * No load balancer and no inbound rule at all: operators reach the gateway and its admin UI on
     * {@code localhost:4000} through an SSM port-forwarding session into a task (ECS Exec).
     */
    PRIVATE
}

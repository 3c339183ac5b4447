package dev.llmgateway.components.proxy;

/** Fargate capacity providers for the service. */
public enum CapacityStrategy {
    /** On-demand Fargate only. */
    FARGATE,
    /** Fargate Spot only. */
    FARGATE_SPOT,
    /** One on-demand task as a base, the rest on Spot. */
    SPOT_WITH_ON_DEMAND_BASE
}

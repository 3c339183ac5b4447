package dev.llmgateway.components.proxy;

/** When a container may start relative to another in the same task (ECS {@code dependsOn}). */
public enum ContainerCondition {
    /** The other container has started. */
    START,
    /** The other container has exited. */
    COMPLETE,
    /** The other container has exited with status 0 (e.g. a migration). */
    SUCCESS,
    /** The other container's health check passes. */
    HEALTHY
}

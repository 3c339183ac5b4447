package dev.llmgateway.gateway.settings;

/**
 * Stateful data an update can take away, each a value of {@code acceptDataLoss}: the offline update plan refuses an
 * update that loses one of them unless the head stack file names it (README, "Updates: what the plan refuses").
 */
public enum StatefulData {
    /** PostgreSQL: virtual keys, teams, budgets, spend. */
    DATABASE,
    /** Redis: shared rate-limit and budget counters, the response cache. */
    CACHE,
    /** The versions of the published LiteLLM config in their bucket. */
    CONFIG_HISTORY,
    /** The stack's customer key, without which its snapshots, secrets and logs cannot be read. */
    ENCRYPTION_KEY,
    /** The Prometheus metrics history on EFS. */
    METRICS_HISTORY,
    /** Generated secrets whose value must never change (the LiteLLM salt key). */
    GENERATED_SECRETS
}

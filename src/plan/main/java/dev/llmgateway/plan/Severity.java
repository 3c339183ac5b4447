package dev.llmgateway.plan;

/** How much a policy finding matters; declared from most to least severe. */
public enum Severity {
    /** Exposes data or the service; blocks a production stack. */
    HIGH,
    /** Weakens defence in depth or auditability. */
    MEDIUM,
    /** Hygiene or resilience worth fixing. */
    LOW;

    /** Whether this severity is {@code other} or more severe. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}

package dev.llmgateway.components.observability;

/** How many alarms a stack gets. */
public enum AlarmLevel {
    /** The few alarms that mean the gateway is down. */
    ESSENTIAL,
    /** Every alarm. */
    FULL
}

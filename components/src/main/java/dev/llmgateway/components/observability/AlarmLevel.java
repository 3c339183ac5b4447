package dev.llmgateway.components.observability;

/** How many alarms a stack gets: a few that say "the gateway is down" (dev), or all of them (prod). */
public enum AlarmLevel {
    /**
     * "The gateway is down": healthy hosts below the minimum task count, no running tasks (with
     * Container Insights), unhealthy hosts, load balancer 5xx, database CPU, and the single points
     * the caller names (instance status checks, certificate expiry).
     */
    ESSENTIAL,
    /**
     * Everything in {@link #ESSENTIAL} plus task CPU / memory, target 5xx, p95 latency, database
     * capacity alarms and the health of further target groups.
     */
    FULL;

    /** Whether an alarm of level {@code alarm} is created at this level. */
    public boolean includes(AlarmLevel alarm) {
        return alarm.ordinal() <= ordinal();
    }
}

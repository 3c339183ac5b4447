package dev.llmgateway.components.observability;

/** How many alarms a stack gets: a few that say "the gateway is down" (dev), or all of them (prod). */
public enum AlarmLevel {
    /** No running tasks, unhealthy hosts, load balancer 5xx and database CPU only. */
    ESSENTIAL,
    /** Everything in {@link #ESSENTIAL} plus task CPU / memory, target 5xx, p95 latency and database capacity alarms. */
    FULL;

    /** Whether an alarm of level {@code alarm} is created at this level. */
    public boolean includes(AlarmLevel alarm) {
        return alarm.ordinal() <= ordinal();
    }
}

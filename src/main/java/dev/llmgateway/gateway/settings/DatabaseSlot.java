package dev.llmgateway.gateway.settings;

/**
 * The two places a stack's database can live ({@code dbSlots}): a restore goes into the slot that is free, next to the
 * database that serves, and the gateway moves over with {@code dbServingSlot}.
 */
public enum DatabaseSlot {
    /** {@code llm-<stack>-db}: where every stack starts. */
    A(""),
    /** {@code llm-<stack>-db-b}. */
    B("-b");

    private final String suffix;

    DatabaseSlot(String suffix) {
        this.suffix = suffix;
    }

    /** The database component's name in this slot: {@code <prefix>-db} plus the slot's suffix. */
    public String databaseName(String prefix) {
        return prefix + "-db" + suffix;
    }
}

package dev.llmgateway.components.database;

/**
 * PostgreSQL's default {@code max_connections} on RDS and Aurora for a given capacity. AWS sets it
 * to {@code LEAST(DBInstanceClassMemory / 9531392, 5000)} (RDS and Aurora PostgreSQL parameter
 * defaults, "Maximum number of database connections" in the RDS user guide). Aurora Serverless v2
 * derives it from the <em>maximum</em> capacity, at about 2 GiB of memory per ACU, but caps it at 2,000
 * when the minimum capacity is 0 or 0.5 ACU (Aurora user guide, "Maximum connections for Aurora
 * Serverless v2"; AWS re:Post "Working of max_connections for Amazon Aurora PostgreSQL Serverless":
 * min 0.5 / max 16 shows 2000, min 1 / max 16 shows 3360). Memory here is the
 * class's nominal memory; AWS reserves part of it, so the real value is somewhat lower, which is why
 * callers keep a margin ({@link #usable}).
 */
public final class ConnectionBudget {

    private static final long BYTES_PER_CONNECTION = 9_531_392L;
    private static final int CEILING = 5000;
    /** The Serverless v2 ceiling when the minimum capacity is 0 or 0.5 ACU. */
    private static final int LOW_MINIMUM_CEILING = 2000;
    private static final long GIB = 1L << 30;
    /** Connections PostgreSQL keeps for superusers ({@code superuser_reserved_connections}, default 3). */
    static final int RESERVED = 3;

    private ConnectionBudget() {
    }

    /**
     * Default {@code max_connections} for the engine at its capacity.
     *
     * @param engine         the engine
     * @param minCapacityAcu minimum ACUs (Serverless v2 only)
     * @param maxCapacityAcu maximum ACUs (Serverless v2 only)
     * @param instanceClass  instance class (provisioned Aurora and RDS)
     * @throws IllegalArgumentException for an instance class whose memory is not known here
     */
    public static int maxConnections(DatabaseEngine engine, double minCapacityAcu, double maxCapacityAcu,
                                     String instanceClass) {
        long memory;
        if (engine == DatabaseEngine.AURORA_SERVERLESS_V2) {
            memory = (long) (maxCapacityAcu * 2 * GIB);
            int ceiling = minCapacityAcu <= 0.5 ? LOW_MINIMUM_CEILING : CEILING;
            return (int) Math.min(memory / BYTES_PER_CONNECTION, ceiling);
        } else {
            int gib = InstanceClasses.memoryGib(instanceClass).orElseThrow(() -> new IllegalArgumentException(
                    "unknown instance class " + instanceClass + "; known: " + InstanceClasses.offered(engine)));
            memory = gib * GIB;
        }
        return (int) Math.min(memory / BYTES_PER_CONNECTION, CEILING);
    }

    /** Connections applications may plan on: 90% of {@code maxConnections} less the superuser reserve. */
    public static int usable(int maxConnections) {
        return (int) Math.floor(maxConnections * 0.9) - RESERVED;
    }

}

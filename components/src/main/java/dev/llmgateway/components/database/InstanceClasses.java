package dev.llmgateway.components.database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one dated table of DB instance classes this project sizes, per engine: nominal memory, whether RDS for
 * PostgreSQL and Aurora PostgreSQL offer the class, and the oldest Aurora minor per major that runs it. Checked
 * {@value #AS_OF} against the RDS user guide, "Supported DB engines for DB instance classes"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html) and the Aurora user
 * guide, "Supported DB engines for DB instance classes"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html):
 * Aurora PostgreSQL runs memory-optimized (db.r) classes and only the medium and large burstable ones; general
 * purpose (db.m) classes and the small burstable ones are RDS only; Serverless v2 instances are {@code db.serverless}
 * and nothing else. A class outside the table cannot be sized for the connection budget.
 */
public final class InstanceClasses {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";
    /** The only class of Aurora Serverless v2 instances. */
    public static final String SERVERLESS = "db.serverless";

    /**
     * One class.
     *
     * @param memoryGib     nominal memory
     * @param rds           whether RDS for PostgreSQL offers it
     * @param aurora        whether Aurora PostgreSQL offers it (provisioned)
     * @param auroraMinimum oldest Aurora PostgreSQL minor per major that runs it; a major missing here runs it from .0
     */
    record Offering(int memoryGib, boolean rds, boolean aurora, Map<Integer, Integer> auroraMinimum) {
    }

    /** Graviton3 on Aurora PostgreSQL: 13.10, 14.7, 15.2 and later (Aurora user guide, table above). */
    private static final Map<Integer, Integer> GRAVITON3 = Map.of(13, 10, 14, 7, 15, 2);
    /** Graviton4 on Aurora PostgreSQL: 13.16, 14.13, 15.8, 16.4 and later. */
    private static final Map<Integer, Integer> GRAVITON4 = Map.of(13, 16, 14, 13, 15, 8, 16, 4);

    private static final Map<String, Offering> CLASSES = new LinkedHashMap<>();

    static {
        family("db.t4g", List.of("micro", "small"), List.of(1, 2), true, false, Map.of());
        family("db.t4g", List.of("medium", "large"), List.of(4, 8), true, true, Map.of());
        family("db.t4g", List.of("xlarge", "2xlarge"), List.of(16, 32), true, false, Map.of());
        family("db.t3", List.of("micro", "small"), List.of(1, 2), true, false, Map.of());
        family("db.t3", List.of("medium", "large"), List.of(4, 8), true, true, Map.of());
        for (String m : List.of("db.m6g", "db.m7g", "db.m8g")) {
            family(m, List.of("large", "xlarge", "2xlarge", "4xlarge"), List.of(8, 16, 32, 64), true, false, Map.of());
        }
        family("db.r6g", List.of("large", "xlarge", "2xlarge", "4xlarge"), List.of(16, 32, 64, 128), true, true, Map.of());
        family("db.r7g", List.of("large", "xlarge", "2xlarge", "4xlarge"), List.of(16, 32, 64, 128), true, true, GRAVITON3);
        family("db.r8g", List.of("large", "xlarge", "2xlarge", "4xlarge"), List.of(16, 32, 64, 128), true, true, GRAVITON4);
    }

    private InstanceClasses() {
    }

    private static void family(String family, List<String> sizes, List<Integer> memory, boolean rds, boolean aurora,
                               Map<Integer, Integer> auroraMinimum) {
        for (int i = 0; i < sizes.size(); i++) {
            CLASSES.put(family + "." + sizes.get(i), new Offering(memory.get(i), rds, aurora, auroraMinimum));
        }
    }

    /** Nominal memory of {@code instanceClass} in GiB; empty for a class outside the table. */
    public static Optional<Integer> memoryGib(String instanceClass) {
        return Optional.ofNullable(CLASSES.get(instanceClass)).map(Offering::memoryGib);
    }

    /**
     * Why {@code engine} at {@code version} (major.minor) cannot run {@code instanceClass}; empty when it can. A class
     * outside the table is a problem too: its memory, and so the connection budget, is unknown.
     */
    public static Optional<String> problem(DatabaseEngine engine, String instanceClass, String version) {
        if (engine == DatabaseEngine.AURORA_SERVERLESS_V2) {
            return instanceClass.equals(SERVERLESS) ? Optional.empty()
                    : Optional.of(SERVERLESS + " (Serverless v2 instances have no other class; use aurora-provisioned for "
                    + instanceClass + ")");
        }
        Offering offering = CLASSES.get(instanceClass);
        boolean aurora = engine == DatabaseEngine.AURORA_PROVISIONED;
        if (offering == null || !(aurora ? offering.aurora() : offering.rds())) {
            return Optional.of("a class " + (aurora ? "Aurora PostgreSQL" : "RDS for PostgreSQL") + " offers and this project"
                    + " can size: one of " + offered(engine) + " (table as of " + AS_OF + ")");
        }
        String[] parts = version.split("\\.");
        Integer oldest = aurora && parts.length == 2 ? offering.auroraMinimum().get(Integer.parseInt(parts[0])) : null;
        if (oldest != null && Integer.parseInt(parts[1]) < oldest) {
            return Optional.of("a class Aurora PostgreSQL " + version + " runs: " + instanceClass + " needs " + parts[0] + "."
                    + oldest + " or later");
        }
        return Optional.empty();
    }

    /** The classes {@code engine} offers, sorted. */
    public static List<String> offered(DatabaseEngine engine) {
        if (engine == DatabaseEngine.AURORA_SERVERLESS_V2) {
            return List.of(SERVERLESS);
        }
        TreeSet<String> classes = new TreeSet<>();
        CLASSES.forEach((name, offering) -> {
            if (engine == DatabaseEngine.AURORA_PROVISIONED ? offering.aurora() : offering.rds()) {
                classes.add(name);
            }
        });
        return List.copyOf(classes);
    }
}

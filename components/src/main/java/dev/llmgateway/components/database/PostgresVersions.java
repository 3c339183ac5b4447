package dev.llmgateway.components.database;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dated table of PostgreSQL versions this project creates and accepts, per engine.
 * Checked {@value #AS_OF}; re-check when AWS announces the next round of minor-version
 * retirements and move the defaults forward here only.
 *
 * <ul>
 *   <li>RDS for PostgreSQL: since 2026-05-01 no new instances on 14.14-14.17, 15.9-15.12, 16.5-16.8,
 *       17.1-17.4, and after 2026-05-31 those are upgraded to 14.20, 15.15, 16.11, 17.7 or higher (AWS
 *       Health notice "end of standard support on May 31, 2026", quoted in saayam-for-all/database wiki
 *       "AWS RDS instances - Health Checks"; RDS for PostgreSQL release calendar,
 *       docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html).
 *       16.9-16.10 (and their siblings) stopped being creatable on 2026-10-01 (same release calendar). The oldest
 *       creatable minor per major is therefore the upgrade target of that notice.</li>
 *   <li>Aurora PostgreSQL: 17.7 and 16.8 are the designated long-term-support minors (about three
 *       years of support; Aurora PostgreSQL LTS releases, AuroraPostgreSQLReleaseNotes). Serverless v2
 *       with a minimum of 0 ACUs (auto-pause) needs 13.15, 14.12, 15.7, 16.3 or later, and every 17.x
 *       (Aurora user guide, "Aurora Serverless v2 capacity" / "Scaling to Zero ACUs").</li>
 * </ul>
 *
 * <p>AWS applies newer minors by itself (automatic minor version upgrades are on), so the
 * {@link Database} component ignores drift of the engine version after creation: a pinned minor
 * never turns into a downgrade on the next {@code pulumi up}.
 */
public final class PostgresVersions {

    /** When this table was checked against AWS documentation. */
    public static final String AS_OF = "2026-11";
    /** Aurora PostgreSQL default: the newest long-term-support minor. */
    public static final String AURORA_DEFAULT = "17.7";
    /** RDS for PostgreSQL default: the oldest minor of 17 that can still be created. */
    public static final String RDS_DEFAULT = "17.7";
    /** Oldest and newest major version accepted (13 is in paid extended support since 2026-02). */
    public static final int OLDEST_MAJOR = 14;
    /** Newest major version accepted. */
    public static final int NEWEST_MAJOR = 17;

    /** RDS for PostgreSQL: oldest minor per major that can still be created. */
    private static final Map<Integer, Integer> RDS_OLDEST_CREATABLE_MINOR = Map.of(14, 20, 15, 15, 16, 11, 17, 7);
    /** Aurora PostgreSQL: oldest minor per major that supports a minimum capacity of 0 ACUs. */
    private static final Map<Integer, Integer> AURORA_AUTO_PAUSE_MINOR = Map.of(13, 15, 14, 12, 15, 7, 16, 3, 17, 0);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private PostgresVersions() {
    }

    /** The version created when none is given. */
    public static String defaultVersion(DatabaseEngine engine) {
        return engine == DatabaseEngine.RDS_INSTANCE ? RDS_DEFAULT : AURORA_DEFAULT;
    }

    /** The major version of {@code version} ({@code 17} for {@code 17.7}); empty when it is not major.minor. */
    public static Optional<Integer> major(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * Why {@code version} cannot be created for {@code engine} (with auto-pause when
     * {@code autoPause}); empty when it can.
     */
    public static Optional<String> problem(DatabaseEngine engine, String version, boolean autoPause) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return Optional.of("a PostgreSQL version written major.minor, such as " + defaultVersion(engine));
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < OLDEST_MAJOR || major > NEWEST_MAJOR) {
            return Optional.of("a major version from " + OLDEST_MAJOR + " to " + NEWEST_MAJOR + " (table as of " + AS_OF
                    + "), such as " + defaultVersion(engine));
        }
        if (engine == DatabaseEngine.RDS_INSTANCE && minor < RDS_OLDEST_CREATABLE_MINOR.get(major)) {
            return Optional.of("a minor version RDS still creates: " + major + "." + RDS_OLDEST_CREATABLE_MINOR.get(major)
                    + " or later (as of " + AS_OF + ")");
        }
        if (engine == DatabaseEngine.AURORA_SERVERLESS_V2 && autoPause && minor < AURORA_AUTO_PAUSE_MINOR.get(major)) {
            return Optional.of("a version that supports a minimum capacity of 0 (auto-pause): " + major + "."
                    + AURORA_AUTO_PAUSE_MINOR.get(major) + " or later");
        }
        return Optional.empty();
    }
}

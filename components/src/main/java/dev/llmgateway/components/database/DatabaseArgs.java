package dev.llmgateway.components.database;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Database}; build with {@link #builder()}.
 *
 * @param vpcId                 VPC of the database's security group; required
 * @param subnetIds             subnets of the subnet group (isolated tier); required
 * @param kmsKeyArn             customer KMS key: storage, Performance Insights, the managed master secret, logs; required
 * @param availabilityZones     zones to place Aurora instances in (instance i in zone i); default AWS chooses
 * @param engine                engine; default {@link DatabaseEngine#AURORA_SERVERLESS_V2}
 * @param engineVersion         PostgreSQL version at creation; unset (null): {@link PostgresVersions#defaultVersion} of the
 *                              engine ({@link #resolvedEngineVersion})
 * @param databaseName          database created at start; default {@value #DEFAULT_DATABASE_NAME}
 * @param masterUsername        master user; default {@value #DEFAULT_MASTER_USERNAME}
 * @param minCapacity           Serverless v2 minimum ACUs (0 pauses when idle); default {@value #DEFAULT_MIN_CAPACITY}
 * @param maxCapacity           Serverless v2 maximum ACUs, 1..256 in steps of 0.5; default {@value #DEFAULT_MAX_CAPACITY}
 * @param secondsUntilAutoPause idle seconds before a min-0 Serverless v2 database pauses, 300..86400; default
 *                              {@value #DEFAULT_SECONDS_UNTIL_AUTO_PAUSE}
 * @param instanceClass         instance class; unset (null): {@link #defaultInstanceClass} of the engine
 *                              ({@link #resolvedInstanceClass})
 * @param readers               Aurora reader instances (promotion targets in other zones), 0..15; default 0
 * @param multiAz               RDS Multi-AZ standby; default off
 * @param allocatedStorageGb    RDS gp3 storage at creation in GB, at least 20; default {@value #DEFAULT_ALLOCATED_STORAGE_GB}
 * @param maxAllocatedStorageGb RDS storage autoscaling ceiling in GB; default {@value #DEFAULT_MAX_ALLOCATED_STORAGE_GB}
 * @param backupRetentionDays   automated backup retention, 1..35 days; default {@value #DEFAULT_BACKUP_RETENTION_DAYS}
 * @param backupWindow          daily UTC backup window {@code hh24:mi-hh24:mi}, at least 30 minutes; default
 *                              {@value #DEFAULT_BACKUP_WINDOW}
 * @param maintenanceWindow     weekly UTC maintenance window {@code ddd:hh24:mi-ddd:hh24:mi}, at least 30 minutes, not
 *                              overlapping the backup window; default one AWS picks at random
 * @param deletionProtection    AWS deletion protection; default {@value #DEFAULT_DELETION_PROTECTION}
 * @param protect               Pulumi protect and retainOnDelete on the cluster or instance (needs deletion protection);
 *                              default off
 * @param performanceInsights   Performance Insights with the customer key (where the class supports it); default
 *                              {@value #DEFAULT_PERFORMANCE_INSIGHTS}
 * @param logRetentionDays      retention of the exported PostgreSQL log, a CloudWatch retention value; default
 *                              {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param iamAuthentication     IAM database authentication; default {@value #DEFAULT_IAM_AUTHENTICATION}
 * @param restore               where the data comes from at creation (a snapshot, or a point in time of another
 *                              database); read once: a later change is ignored, so it never replaces the database;
 *                              default an empty database
 */
@ComponentArgs
public record DatabaseArgs(Output<String> vpcId,
                           Output<List<String>> subnetIds,
                           Output<String> kmsKeyArn,
                           Optional<Output<List<String>>> availabilityZones,
                           @Initializer("DEFAULT_ENGINE") DatabaseEngine engine,
                           String engineVersion,
                           @Initializer("DEFAULT_DATABASE_NAME") String databaseName,
                           @Initializer("DEFAULT_MASTER_USERNAME") String masterUsername,
                           @Initializer("DEFAULT_MIN_CAPACITY") double minCapacity,
                           @Initializer("DEFAULT_MAX_CAPACITY") double maxCapacity,
                           @Initializer("DEFAULT_SECONDS_UNTIL_AUTO_PAUSE") int secondsUntilAutoPause,
                           String instanceClass,
                           int readers,
                           boolean multiAz,
                           @Initializer("DEFAULT_ALLOCATED_STORAGE_GB") int allocatedStorageGb,
                           @Initializer("DEFAULT_MAX_ALLOCATED_STORAGE_GB") int maxAllocatedStorageGb,
                           @Initializer("DEFAULT_BACKUP_RETENTION_DAYS") int backupRetentionDays,
                           @Initializer("DEFAULT_BACKUP_WINDOW") String backupWindow,
                           Optional<String> maintenanceWindow,
                           @Initializer("DEFAULT_DELETION_PROTECTION") boolean deletionProtection,
                           boolean protect,
                           @Initializer("DEFAULT_PERFORMANCE_INSIGHTS") boolean performanceInsights,
                           @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                           @Initializer("DEFAULT_IAM_AUTHENTICATION") boolean iamAuthentication,
                           Optional<DatabaseRestore> restore) {

    /** Default engine: Aurora Serverless v2, which scales (and pauses) with the load. */
    public static final DatabaseEngine DEFAULT_ENGINE = DatabaseEngine.AURORA_SERVERLESS_V2;
    /** Default database name: the proxy's. */
    public static final String DEFAULT_DATABASE_NAME = "litellm";
    /** Default master user name: the proxy's. */
    public static final String DEFAULT_MASTER_USERNAME = "litellm";
    /** Default minimum ACUs: 0, so an idle database pauses and costs storage only. */
    public static final double DEFAULT_MIN_CAPACITY = 0;
    /** Default maximum ACUs: room for a burst without an unbounded bill. */
    public static final double DEFAULT_MAX_CAPACITY = 4;
    /** Default auto-pause delay: 15 idle minutes, so a pause does not follow every quiet moment. */
    public static final int DEFAULT_SECONDS_UNTIL_AUTO_PAUSE = 900;
    /** Default RDS storage at creation: the least accepted here. */
    public static final int DEFAULT_ALLOCATED_STORAGE_GB = 20;
    /** Default RDS storage autoscaling ceiling: room to grow five-fold without an unbounded bill. */
    public static final int DEFAULT_MAX_ALLOCATED_STORAGE_GB = 100;
    /** Default backup retention: a week of point-in-time recovery. */
    public static final int DEFAULT_BACKUP_RETENTION_DAYS = 7;
    /** Default backup window: one hour at night in UTC. */
    public static final String DEFAULT_BACKUP_WINDOW = "03:00-04:00";
    /** AWS deletion protection is on unless turned off. */
    public static final boolean DEFAULT_DELETION_PROTECTION = true;
    /** Performance Insights is on unless turned off. */
    public static final boolean DEFAULT_PERFORMANCE_INSIGHTS = true;
    /** Default retention of the exported PostgreSQL log in days. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** IAM database authentication is on unless turned off. */
    public static final boolean DEFAULT_IAM_AUTHENTICATION = true;

    /** Validates the inputs; messages name the input and what is allowed. Engine-dependent defaults stay unset. */
    public DatabaseArgs {
        Objects.requireNonNull(vpcId, "DatabaseArgs.vpcId is required");
        Objects.requireNonNull(subnetIds, "DatabaseArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "DatabaseArgs.kmsKeyArn is required");
        Objects.requireNonNull(engine, "DatabaseArgs.engine is required");
        Objects.requireNonNull(databaseName, "DatabaseArgs.databaseName is required");
        Objects.requireNonNull(masterUsername, "DatabaseArgs.masterUsername is required");
        String version = engineVersion != null ? engineVersion : PostgresVersions.defaultVersion(engine);
        PostgresVersions.problem(engine, version, engine == DatabaseEngine.AURORA_SERVERLESS_V2 && minCapacity == 0)
                .ifPresent(problem -> require(false, "engineVersion " + version + ": " + problem));
        if (engine == DatabaseEngine.AURORA_SERVERLESS_V2) {
            require(minCapacity >= 0 && maxCapacity <= 256 && minCapacity <= maxCapacity && maxCapacity >= 1
                            && minCapacity * 2 == Math.rint(minCapacity * 2) && maxCapacity * 2 == Math.rint(maxCapacity * 2),
                    "capacity must be 0 <= min <= max <= 256, max >= 1, in steps of 0.5; got " + minCapacity + ".." + maxCapacity);
            if (minCapacity == 0) {
                require(secondsUntilAutoPause >= 300 && secondsUntilAutoPause <= 86400,
                        "secondsUntilAutoPause must be 300..86400, got " + secondsUntilAutoPause);
            }
        }
        boolean aurora = engine != DatabaseEngine.RDS_INSTANCE;
        require(readers >= 0 && readers <= 15, "readers must be 0..15, got " + readers);
        require(!(readers > 0 && !aurora), "readers apply to Aurora only; use multiAz for RDS");
        require(!(multiAz && aurora), "multiAz applies to RDS only; use readers for Aurora");
        require(backupRetentionDays >= 1 && backupRetentionDays <= 35,
                "backupRetentionDays must be 1..35, got " + backupRetentionDays);
        require(!(protect && !deletionProtection), "protect needs deletionProtection");
        String backup = backupWindow;
        MaintenanceWindows.backupProblem(backup).ifPresent(problem -> {
            throw new IllegalArgumentException("backupWindow " + backup + " must be " + problem);
        });
        maintenanceWindow.ifPresent(window -> {
            MaintenanceWindows.maintenanceProblem(window).ifPresent(problem -> {
                throw new IllegalArgumentException("maintenanceWindow " + window + " must be " + problem);
            });
            require(!MaintenanceWindows.overlap(backup, window),
                    "backupWindow " + backup + " must not overlap maintenanceWindow " + window);
        });
        require(LogRetention.accepts(logRetentionDays),
                "logRetentionDays must be one of " + LogRetention.DAYS + ", got " + logRetentionDays);
        require(maxAllocatedStorageGb >= allocatedStorageGb && allocatedStorageGb >= 20,
                "storage must be at least 20 GB and at most maxAllocatedStorageGb");
    }

    /** Starts a builder with the defaults. */
    public static DatabaseArgsBuilder builder() {
        return DatabaseArgsBuilder.builder();
    }

    /** The instance class used for an engine when none is given. */
    public static String defaultInstanceClass(DatabaseEngine engine) {
        return switch (engine) {
            case AURORA_SERVERLESS_V2 -> "db.serverless";
            case AURORA_PROVISIONED -> "db.t4g.medium";
            case RDS_INSTANCE -> "db.t4g.micro";
        };
    }

    /**
     * The version to create: the one given, or the engine's default. Derived on each call, so a copy that changes
     * the engine gets that engine's default.
     */
    public String resolvedEngineVersion() {
        return engineVersion != null ? engineVersion : PostgresVersions.defaultVersion(engine);
    }

    /** The instance class: the one given, or the engine's default (derived on each call). */
    public String resolvedInstanceClass() {
        return instanceClass != null ? instanceClass : defaultInstanceClass(engine);
    }

    /** Major version, e.g. 17, for the parameter group family. */
    public int majorVersion() {
        return PostgresVersions.major(resolvedEngineVersion()).orElseThrow(() -> new IllegalArgumentException(
                "DatabaseArgs.engineVersion must look like 17.7, got " + resolvedEngineVersion()));
    }

    /** Whether this is an Aurora engine. */
    public boolean aurora() {
        return engine != DatabaseEngine.RDS_INSTANCE;
    }

    private static void require(boolean condition, String message) {
        Reject.unless(condition, "DatabaseArgs: " + message);
    }
}

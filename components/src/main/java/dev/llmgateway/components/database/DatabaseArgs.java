package dev.llmgateway.components.database;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.LogRetention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link Database}; build with {@link #builder()}. */
public final class DatabaseArgs {


    private Output<String> vpcId;
    private Output<List<String>> subnetIds;
    private Output<String> kmsKeyArn;
    private Output<List<String>> availabilityZones;
    private DatabaseEngine engine = DatabaseEngine.AURORA_SERVERLESS_V2;
    private String engineVersion;
    private String databaseName = "litellm";
    private String masterUsername = "litellm";
    private double minCapacity = 0;
    private double maxCapacity = 4;
    private int secondsUntilAutoPause = 900;
    private String instanceClass;
    private int readers;
    private boolean multiAz;
    private int allocatedStorageGb = 20;
    private int maxAllocatedStorageGb = 100;
    private int backupRetentionDays = 7;
    private String backupWindow = "03:00-04:00";
    private String maintenanceWindow;
    private boolean deletionProtection = true;
    private boolean protect;
    private boolean performanceInsights = true;
    private int logRetentionDays = 30;
    private boolean iamAuthentication = true;

    private DatabaseArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** VPC of the database's security group; required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** Subnets of the subnet group (isolated tier); required. */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** Customer KMS key: storage, Performance Insights, the managed master secret, logs; required. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Zones to place Aurora instances in (instance i in zone i); default: AWS chooses. */
    public Optional<Output<List<String>>> availabilityZones() {
        return Optional.ofNullable(availabilityZones);
    }

    /** Engine; default Aurora Serverless v2. */
    public DatabaseEngine engine() {
        return engine;
    }

    /** PostgreSQL version at creation; default {@link PostgresVersions#defaultVersion} for the engine. */
    public String engineVersion() {
        return engineVersion != null ? engineVersion : PostgresVersions.defaultVersion(engine);
    }

    /** Major version, e.g. 17, for the parameter group family. */
    public int majorVersion() {
        return PostgresVersions.major(engineVersion()).orElseThrow(() ->
                new IllegalArgumentException("DatabaseArgs.engineVersion must look like 17.7, got " + engineVersion()));
    }

    /** Database created at start; default "litellm". */
    public String databaseName() {
        return databaseName;
    }

    /** Master user; default "litellm". */
    public String masterUsername() {
        return masterUsername;
    }

    /** Serverless v2 minimum ACUs (0 pauses when idle); default 0. */
    public double minCapacity() {
        return minCapacity;
    }

    /** Serverless v2 maximum ACUs; default 4. */
    public double maxCapacity() {
        return maxCapacity;
    }

    /** Idle seconds before a min-0 Serverless v2 database pauses (300..86400); default 900. */
    public int secondsUntilAutoPause() {
        return secondsUntilAutoPause;
    }

    /** Instance class; default db.serverless, db.t4g.medium (Aurora provisioned) or db.t4g.micro (RDS). */
    public String instanceClass() {
        return instanceClass != null ? instanceClass : defaultInstanceClass(engine);
    }

    /** The instance class used for an engine when none is given. */
    public static String defaultInstanceClass(DatabaseEngine engine) {
        return switch (engine) {
            case AURORA_SERVERLESS_V2 -> "db.serverless";
            case AURORA_PROVISIONED -> "db.t4g.medium";
            case RDS_INSTANCE -> "db.t4g.micro";
        };
    }

    /** Aurora reader instances (promotion targets in other zones); default 0. */
    public int readers() {
        return readers;
    }

    /** RDS Multi-AZ standby; default false. */
    public boolean multiAz() {
        return multiAz;
    }

    /** RDS gp3 storage at creation in GB; default 20. */
    public int allocatedStorageGb() {
        return allocatedStorageGb;
    }

    /** RDS storage autoscaling ceiling in GB; default 100. */
    public int maxAllocatedStorageGb() {
        return maxAllocatedStorageGb;
    }

    /** Automated backup retention, 1..35 days; default 7. */
    public int backupRetentionDays() {
        return backupRetentionDays;
    }

    /** Daily UTC backup window {@code hh24:mi-hh24:mi}; default 03:00-04:00. */
    public String backupWindow() {
        return backupWindow;
    }

    /** Weekly UTC maintenance window {@code ddd:hh24:mi-ddd:hh24:mi}; empty = one AWS picks at random. */
    public Optional<String> maintenanceWindow() {
        return Optional.ofNullable(maintenanceWindow);
    }

    /** AWS deletion protection; default true. */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** Pulumi protect and retainOnDelete on the cluster or instance; default false. */
    public boolean protect() {
        return protect;
    }

    /** Performance Insights with the customer key (where the class supports it); default true. */
    public boolean performanceInsights() {
        return performanceInsights;
    }

    /** Retention of the exported PostgreSQL log; default 30 days. */
    public int logRetentionDays() {
        return logRetentionDays;
    }

    /** IAM database authentication; default true. */
    public boolean iamAuthentication() {
        return iamAuthentication;
    }

    /** Whether this is an Aurora engine. */
    public boolean aurora() {
        return engine != DatabaseEngine.RDS_INSTANCE;
    }

    /** Builder of {@link DatabaseArgs}. */
    public static final class Builder {
        private final DatabaseArgs args = new DatabaseArgs();

        /** VPC id; required. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** Isolated subnet ids; required. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /** Customer KMS key ARN; required. */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Zones for Aurora instances; default AWS chooses. */
        public Builder availabilityZones(Output<List<String>> zones) {
            args.availabilityZones = zones;
            return this;
        }

        /** Engine; default AURORA_SERVERLESS_V2. */
        public Builder engine(DatabaseEngine engine) {
            args.engine = Objects.requireNonNull(engine);
            return this;
        }

        /** PostgreSQL version at creation; default {@link PostgresVersions#defaultVersion} for the engine. */
        public Builder engineVersion(String version) {
            args.engineVersion = Objects.requireNonNull(version);
            return this;
        }

        /** Database name; default litellm. */
        public Builder databaseName(String name) {
            args.databaseName = Objects.requireNonNull(name);
            return this;
        }

        /** Master user name; default litellm. */
        public Builder masterUsername(String name) {
            args.masterUsername = Objects.requireNonNull(name);
            return this;
        }

        /** Serverless v2 minimum ACUs; default 0. */
        public Builder minCapacity(double acu) {
            args.minCapacity = acu;
            return this;
        }

        /** Serverless v2 maximum ACUs; default 4. */
        public Builder maxCapacity(double acu) {
            args.maxCapacity = acu;
            return this;
        }

        /** Auto-pause delay in seconds; default 900. */
        public Builder secondsUntilAutoPause(int seconds) {
            args.secondsUntilAutoPause = seconds;
            return this;
        }

        /** Instance class; default depends on the engine. */
        public Builder instanceClass(String instanceClass) {
            args.instanceClass = instanceClass;
            return this;
        }

        /** Aurora readers; default 0. */
        public Builder readers(int readers) {
            args.readers = readers;
            return this;
        }

        /** RDS Multi-AZ; default false. */
        public Builder multiAz(boolean multiAz) {
            args.multiAz = multiAz;
            return this;
        }

        /** RDS initial storage in GB; default 20. */
        public Builder allocatedStorageGb(int gb) {
            args.allocatedStorageGb = gb;
            return this;
        }

        /** RDS storage ceiling in GB; default 100. */
        public Builder maxAllocatedStorageGb(int gb) {
            args.maxAllocatedStorageGb = gb;
            return this;
        }

        /** Backup retention in days; default 7. */
        public Builder backupRetentionDays(int days) {
            args.backupRetentionDays = days;
            return this;
        }

        /** Daily UTC backup window {@code hh24:mi-hh24:mi}, at least 30 minutes; default 03:00-04:00. */
        public Builder backupWindow(String window) {
            args.backupWindow = window;
            return this;
        }

        /** Weekly UTC maintenance window {@code ddd:hh24:mi-ddd:hh24:mi}, at least 30 minutes; default AWS's pick. */
        public Builder maintenanceWindow(String window) {
            args.maintenanceWindow = window;
            return this;
        }

        /** Deletion protection; default true. */
        public Builder deletionProtection(boolean enabled) {
            args.deletionProtection = enabled;
            return this;
        }

        /** Pulumi protect + retainOnDelete; default false. */
        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        /** Performance Insights; default true. */
        public Builder performanceInsights(boolean enabled) {
            args.performanceInsights = enabled;
            return this;
        }

        /** Log retention in days; default 30. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** IAM authentication; default true. */
        public Builder iamAuthentication(boolean enabled) {
            args.iamAuthentication = enabled;
            return this;
        }

        /** Builds and validates the args. */
        public DatabaseArgs build() {
            Objects.requireNonNull(args.vpcId, "DatabaseArgs.vpcId is required");
            Objects.requireNonNull(args.subnetIds, "DatabaseArgs.subnetIds is required");
            Objects.requireNonNull(args.kmsKeyArn, "DatabaseArgs.kmsKeyArn is required");
            PostgresVersions.problem(args.engine, args.engineVersion(), args.engine == DatabaseEngine.AURORA_SERVERLESS_V2
                    && args.minCapacity == 0).ifPresent(problem -> require(false, "engineVersion " + args.engineVersion() + ": " + problem));
            if (args.engine == DatabaseEngine.AURORA_SERVERLESS_V2) {
                checkCapacity();
            }
            require(args.readers >= 0 && args.readers <= 15, "readers must be 0..15, got " + args.readers);
            require(!(args.readers > 0 && !args.aurora()), "readers apply to Aurora only; use multiAz for RDS");
            require(!(args.multiAz && args.aurora()), "multiAz applies to RDS only; use readers for Aurora");
            require(args.backupRetentionDays >= 1 && args.backupRetentionDays <= 35,
                    "backupRetentionDays must be 1..35, got " + args.backupRetentionDays);
            require(!(args.protect && !args.deletionProtection), "protect needs deletionProtection");
            MaintenanceWindows.backupProblem(args.backupWindow).ifPresent(problem -> {
                throw new IllegalArgumentException("backupWindow " + args.backupWindow + " must be " + problem);
            });
            args.maintenanceWindow().ifPresent(window -> {
                MaintenanceWindows.maintenanceProblem(window).ifPresent(problem -> {
                    throw new IllegalArgumentException("maintenanceWindow " + window + " must be " + problem);
                });
                require(!MaintenanceWindows.overlap(args.backupWindow, window),
                        "backupWindow " + args.backupWindow + " must not overlap maintenanceWindow " + window);
            });
            require(LogRetention.accepts(args.logRetentionDays),
                    "logRetentionDays must be one of " + LogRetention.DAYS + ", got " + args.logRetentionDays);
            require(args.maxAllocatedStorageGb >= args.allocatedStorageGb && args.allocatedStorageGb >= 20,
                    "storage must be at least 20 GB and at most maxAllocatedStorageGb");
            return args;
        }

        private void checkCapacity() {
            require(args.minCapacity >= 0 && args.maxCapacity <= 256 && args.minCapacity <= args.maxCapacity
                            && args.maxCapacity >= 1 && args.minCapacity * 2 == Math.rint(args.minCapacity * 2)
                            && args.maxCapacity * 2 == Math.rint(args.maxCapacity * 2),
                    "capacity must be 0 <= min <= max <= 256, max >= 1, in steps of 0.5; got " + args.minCapacity + ".." + args.maxCapacity);
            if (args.minCapacity == 0) {
                require(args.secondsUntilAutoPause >= 300 && args.secondsUntilAutoPause <= 86400,
                        "secondsUntilAutoPause must be 300..86400, got " + args.secondsUntilAutoPause);
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException("DatabaseArgs: " + message);
            }
        }
    }
}

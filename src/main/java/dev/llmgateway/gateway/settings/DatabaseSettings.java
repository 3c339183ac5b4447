package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.database.DatabaseArgs;
import dev.llmgateway.components.database.DatabaseEngine;
import dev.llmgateway.components.database.InstanceClasses;
import dev.llmgateway.components.database.MaintenanceWindows;
import dev.llmgateway.components.database.PostgresVersions;

import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL for keys, budgets and spend.
 *
 * @param engine               {@code dbEngine}
 * @param engineVersion        {@code dbEngineVersion}; empty = the component's pinned default
 * @param minCapacity          {@code dbMinCapacity}: Serverless v2 ACUs; 0 pauses when idle
 * @param maxCapacity          {@code dbMaxCapacity}: Serverless v2 ACUs
 * @param autoPauseSeconds     {@code dbAutoPauseSeconds}: idle time before pausing (min capacity 0)
 * @param instanceClass        {@code dbInstanceClass}; empty = the component's default for the engine
 * @param readers              {@code dbReaders}: Aurora readers in other zones
 * @param multiAz              {@code dbMultiAz}: RDS instance standby
 * @param allocatedStorageGb   {@code dbAllocatedStorageGb}: RDS instance
 * @param maxAllocatedStorageGb {@code dbMaxAllocatedStorageGb}: RDS storage autoscaling ceiling
 * @param backupRetentionDays  {@code dbBackupRetentionDays}
 * @param deletionProtection   {@code dbDeletionProtection}
 * @param protect              {@code dbProtect}: Pulumi refuses to delete, and retains on delete
 * @param performanceInsights  {@code dbPerformanceInsights}
 * @param auth                 {@code dbAuth}: how the LiteLLM server signs in
 * @param backupWindow         {@code dbBackupWindow}: daily UTC backup window
 * @param maintenanceWindow    {@code dbMaintenanceWindow}: weekly UTC maintenance window; empty = AWS's pick
 * @param extraConnectResourceIds {@code dbConnectResourceIds}: further database resource ids the app user may sign in
 *                             through with IAM, for the blue/green major upgrade (the green cluster's, before switchover)
 * @param slots                {@code dbSlots}: the slots that hold a database, one or both
 * @param serving              {@code dbServingSlot}: the slot whose database the gateway uses
 * @param restoreSource        {@code dbRestoreSource}: what the database in the other slot is created from; set exactly
 *                             when two slots exist
 */
public record DatabaseSettings(DatabaseEngine engine, Optional<String> engineVersion, double minCapacity,
                               double maxCapacity, int autoPauseSeconds, Optional<String> instanceClass, int readers,
                               boolean multiAz, int allocatedStorageGb, int maxAllocatedStorageGb,
                               int backupRetentionDays, boolean deletionProtection, boolean protect,
                               boolean performanceInsights, DatabaseAuth auth, String backupWindow,
                               Optional<String> maintenanceWindow, List<String> extraConnectResourceIds,
                               List<DatabaseSlot> slots, DatabaseSlot serving, Optional<RestoreSource> restoreSource) {

    /** Copies the lists. */
    public DatabaseSettings {
        extraConnectResourceIds = List.copyOf(extraConnectResourceIds);
        slots = List.copyOf(slots);
    }

    /** The slots besides the serving one (at most one): databases restored next to it, or the one it replaced. */
    public List<DatabaseSlot> standbySlots() {
        return slots.stream().filter(slot -> slot != serving).toList();
    }

    /** Reads and validates the database settings. */
    public static DatabaseSettings read(SettingsReader r) {
        DatabaseEngine engine = r.choice("dbEngine", DatabaseEngine.class);
        double min = acu(r, "dbMinCapacity");
        double max = acu(r, "dbMaxCapacity");
        if (max < Math.max(min, 1)) {
            throw r.invalid("dbMaxCapacity", max, "at least 1 and at least litellm-gateway:dbMinCapacity (" + min + ")");
        }
        boolean deletionProtection = r.bool("dbDeletionProtection");
        boolean protect = r.bool("dbProtect");
        if (protect && !deletionProtection) {
            throw new SettingsException("Contradictory stack settings: litellm-gateway:dbProtect = true asks Pulumi to keep the"
                    + " database, but litellm-gateway:dbDeletionProtection = false lets anyone else delete it; turn both on or both off");
        }
        int readers = r.integer("dbReaders", 0, 15);
        if (readers > 0 && engine == DatabaseEngine.RDS_INSTANCE) {
            throw r.invalid("dbReaders", readers, "0 for rds-instance (use litellm-gateway:dbMultiAz for a standby)");
        }
        boolean multiAz = r.bool("dbMultiAz");
        if (multiAz && engine != DatabaseEngine.RDS_INSTANCE) {
            throw r.invalid("dbMultiAz", true, "false for Aurora engines (use litellm-gateway:dbReaders for a reader in another zone)");
        }
        Optional<String> version = r.optional("dbEngineVersion");
        boolean autoPause = engine == DatabaseEngine.AURORA_SERVERLESS_V2 && min == 0;
        version.ifPresent(v -> PostgresVersions.problem(engine, v, autoPause).ifPresent(problem -> {
            throw r.invalid("dbEngineVersion", v, problem + " for litellm-gateway:dbEngine " + SettingsReader.spelling(engine)
                    + (autoPause ? " with litellm-gateway:dbMinCapacity 0" : ""));
        }));
        Optional<String> instanceClass = r.optional("dbInstanceClass");
        String resolvedClass = instanceClass.orElse(DatabaseArgs.defaultInstanceClass(engine));
        String resolvedVersion = version.orElse(PostgresVersions.defaultVersion(engine));
        InstanceClasses.problem(engine, resolvedClass, resolvedVersion).ifPresent(problem -> {
            throw r.invalid("dbInstanceClass", resolvedClass, problem + " (litellm-gateway:dbEngine "
                    + SettingsReader.spelling(engine) + ", version " + resolvedVersion + ")");
        });
        int storage = r.integer("dbAllocatedStorageGb", 20, 65536);
        int maxStorage = r.integer("dbMaxAllocatedStorageGb", 20, 65536);
        if (maxStorage < storage) {
            throw r.invalid("dbMaxAllocatedStorageGb", maxStorage, "at least litellm-gateway:dbAllocatedStorageGb (" + storage + ")");
        }
        String backup = r.string("dbBackupWindow");
        MaintenanceWindows.backupProblem(backup).ifPresent(problem -> {
            throw r.invalid("dbBackupWindow", backup, problem);
        });
        Optional<String> maintenance = r.optional("dbMaintenanceWindow");
        maintenance.ifPresent(window -> {
            MaintenanceWindows.maintenanceProblem(window).ifPresent(problem -> {
                throw r.invalid("dbMaintenanceWindow", window, problem);
            });
            if (MaintenanceWindows.overlap(backup, window)) {
                throw r.invalid("dbMaintenanceWindow", window, "a window that does not overlap litellm-gateway:dbBackupWindow ("
                        + backup + "); RDS refuses overlapping windows");
            }
        });
        List<DatabaseSlot> slots = slots(r);
        return new DatabaseSettings(engine, version, min, max,
                r.integer("dbAutoPauseSeconds", 300, 86400), instanceClass, readers, multiAz,
                storage, maxStorage, r.integer("dbBackupRetentionDays", 1, 35), deletionProtection, protect,
                r.bool("dbPerformanceInsights"), r.choice("dbAuth", DatabaseAuth.class),
                backup, maintenance, connectResourceIds(r), slots, serving(r, slots), restoreSource(r, slots));
    }

    /** {@code dbSlots}: one or both of a and b, each once. */
    private static List<DatabaseSlot> slots(SettingsReader r) {
        List<DatabaseSlot> slots = r.choices("dbSlots", DatabaseSlot.class);
        if (slots.isEmpty()) {
            throw r.invalid("dbSlots", "[]", "[a], [b] or [a, b]: the slots that hold a database (docs/runbooks.md,"
                    + " \"Restore the database from a snapshot\")");
        }
        return slots;
    }

    /** {@code dbServingSlot}: a slot that holds a database. */
    private static DatabaseSlot serving(SettingsReader r, List<DatabaseSlot> slots) {
        DatabaseSlot serving = r.choice("dbServingSlot", DatabaseSlot.class);
        if (!slots.contains(serving)) {
            throw r.invalid("dbServingSlot", SettingsReader.spelling(serving), "one of litellm-gateway:dbSlots "
                    + slots.stream().map(SettingsReader::spelling).toList());
        }
        return serving;
    }

    /** {@code dbRestoreSource}: set exactly while a second slot exists, which is created from it. */
    private static Optional<RestoreSource> restoreSource(SettingsReader r, List<DatabaseSlot> slots) {
        Optional<RestoreSource> source = RestoreSource.read(r);
        if (slots.size() == 2 && source.isEmpty()) {
            throw r.invalid("dbRestoreSource", "", "latest, time:<instant> or snapshot:<id> while litellm-gateway:dbSlots"
                    + " holds two slots: the database that does not serve is created from it");
        }
        if (slots.size() == 1 && source.isPresent()) {
            throw r.invalid("dbRestoreSource", r.optional("dbRestoreSource").orElseThrow(), "empty while"
                    + " litellm-gateway:dbSlots holds one slot (it is read when a second slot is created)");
        }
        return source;
    }

    /** Resource ids as RDS writes them: {@code cluster-<26 upper-case letters and digits>} (Aurora) or {@code db-...}. */
    private static List<String> connectResourceIds(SettingsReader r) {
        List<String> ids = r.list("dbConnectResourceIds");
        ids.stream().filter(id -> !id.matches("(cluster|db)-[A-Z0-9]+")).findFirst().ifPresent(bad -> {
            throw r.invalid("dbConnectResourceIds", bad, "resource ids such as cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ (describe-db-clusters"
                    + " --query 'DBClusters[0].DbClusterResourceId')");
        });
        return List.copyOf(ids);
    }

    private static double acu(SettingsReader r, String key) {
        double value = r.decimal(key, 0, 256);
        if (value * 2 != Math.rint(value * 2)) {
            throw r.invalid(key, value, "Aurora capacity units in steps of 0.5 (0, 0.5, 1, 1.5, ...)");
        }
        return value;
    }
}

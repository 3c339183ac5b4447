package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.database.DatabaseArgs;
import dev.llmgateway.components.database.DatabaseRestore;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.gateway.settings.DatabaseSettings;
import dev.llmgateway.gateway.settings.DatabaseSlot;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** LiteLLM's PostgreSQL, in the isolated subnets, shaped by the stack's database settings. */
final class Storage {

    private Storage() {
    }

    /**
     * The databases for keys, budgets and spend, by slot: the serving one with the stack's protection, and the one in
     * the other slot (while there is one) created from {@code dbRestoreSource} next to it, without protection, so that
     * retiring whichever stops serving needs no other change.
     */
    static Map<DatabaseSlot, Database> databases(String prefix, DatabaseSettings d, int logRetentionDays, Network network,
                                                 Output<String> keyArn, ComponentResourceOptions options) {
        Map<DatabaseSlot, Database> databases = new EnumMap<>(DatabaseSlot.class);
        String serving = d.serving().databaseName(prefix);
        for (DatabaseSlot slot : d.slots()) {
            Optional<DatabaseRestore> restore = slot == d.serving() ? Optional.empty()
                    : d.restoreSource().map(source -> source.snapshot().map(DatabaseRestore::fromSnapshot)
                            .orElseGet(() -> DatabaseRestore.pointInTime(serving, source.time())));
            databases.put(slot, database(slot.databaseName(prefix), d, slot == d.serving(), restore, logRetentionDays,
                    network, keyArn, options));
        }
        return databases;
    }

    private static Database database(String name, DatabaseSettings d, boolean serving, Optional<DatabaseRestore> restore,
                                     int logRetentionDays, Network network, Output<String> keyArn,
                                     ComponentResourceOptions options) {
        var args = DatabaseArgs.builder()
                .vpcId(network.vpcId())
                .subnetIds(network.subnetIds(SubnetTier.ISOLATED))
                .availabilityZones(Optional.of(network.availabilityZones()))
                .kmsKeyArn(keyArn)
                .engine(d.engine())
                .minCapacity(d.minCapacity())
                .maxCapacity(d.maxCapacity())
                .secondsUntilAutoPause(d.autoPauseSeconds())
                .readers(d.readers())
                .multiAz(d.multiAz())
                .allocatedStorageGb(d.allocatedStorageGb())
                .maxAllocatedStorageGb(d.maxAllocatedStorageGb())
                .backupRetentionDays(d.backupRetentionDays())
                .deletionProtection(serving && d.deletionProtection())
                .protect(serving && d.protect())
                .restore(restore)
                .performanceInsights(d.performanceInsights())
                .backupWindow(d.backupWindow())
                .maintenanceWindow(d.maintenanceWindow())
                .logRetentionDays(logRetentionDays);
        d.engineVersion().ifPresent(args::engineVersion);
        d.instanceClass().ifPresent(args::instanceClass);
        return new Database(name, args.build(), options);
    }
}

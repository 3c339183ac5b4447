package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.database.DatabaseArgs;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.gateway.settings.DatabaseSettings;

import java.util.Optional;

/** LiteLLM's PostgreSQL, in the isolated subnets, shaped by the stack's database settings. */
final class Storage {

    private Storage() {
    }

    /** The database for keys, budgets and spend. */
    static Database database(String prefix, DatabaseSettings d, int logRetentionDays, Network network, Output<String> keyArn,
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
                .deletionProtection(d.deletionProtection())
                .protect(d.protect())
                .performanceInsights(d.performanceInsights())
                .backupWindow(d.backupWindow())
                .maintenanceWindow(d.maintenanceWindow())
                .logRetentionDays(logRetentionDays);
        d.engineVersion().ifPresent(args::engineVersion);
        d.instanceClass().ifPresent(args::instanceClass);
        return new Database(prefix + "-db", args.build(), options);
    }
}

package dev.llmgateway.components.cache;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Cache}.
 *
 * @param vpcId                 VPC of the cache's security group
 * @param subnetIds             isolated subnets
 * @param kmsKeyArn             customer key for data at rest
 * @param maxDataStorageGb      storage ceiling, caps the bill (default 1)
 * @param maxEcpuPerSecond      compute ceiling, caps the bill (default 5000)
 * @param snapshotRetentionDays daily snapshots kept, 0..35 (default 1)
 */
public record CacheArgs(Output<String> vpcId, Output<List<String>> subnetIds, Output<String> kmsKeyArn,
                        int maxDataStorageGb, int maxEcpuPerSecond, int snapshotRetentionDays) {

    /** Validates the values. */
    public CacheArgs {
        Objects.requireNonNull(vpcId, "CacheArgs.vpcId is required");
        Objects.requireNonNull(subnetIds, "CacheArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "CacheArgs.kmsKeyArn is required");
        if (maxDataStorageGb < 1 || maxDataStorageGb > 5000) {
            throw new IllegalArgumentException("CacheArgs.maxDataStorageGb must be 1..5000, got " + maxDataStorageGb);
        }
        if (maxEcpuPerSecond < 1000 || maxEcpuPerSecond > 15_000_000) {
            throw new IllegalArgumentException("CacheArgs.maxEcpuPerSecond must be 1000..15000000, got " + maxEcpuPerSecond);
        }
        if (snapshotRetentionDays < 0 || snapshotRetentionDays > 35) {
            throw new IllegalArgumentException("CacheArgs.snapshotRetentionDays must be 0..35, got " + snapshotRetentionDays);
        }
    }

    /** Args with the small, bill-capping defaults. */
    public static CacheArgs of(Output<String> vpcId, Output<List<String>> subnetIds, Output<String> kmsKeyArn) {
        return new CacheArgs(vpcId, subnetIds, kmsKeyArn, 1, 5000, 1);
    }
}

package dev.llmgateway.components.cache;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Cache}.
 *
 * @param vpcId                 VPC of the cache's security group
 * @param subnetIds             isolated subnets (at least two AZs when there are replicas)
 * @param kmsKeyArn             customer key for data at rest
 * @param nodeType              node type (default {@code cache.t4g.micro})
 * @param replicas              read replicas of the primary, 0..5 (default 0); one or more turns on automatic
 *                              failover and Multi-AZ
 * @param snapshotRetentionDays daily snapshots kept, 0..35 (default 1)
 */
public record CacheArgs(Output<String> vpcId, Output<List<String>> subnetIds, Output<String> kmsKeyArn,
                        String nodeType, int replicas, int snapshotRetentionDays) {

    /** The smallest current-generation node: enough for LiteLLM's counters, cooldowns and a response cache. */
    public static final String DEFAULT_NODE_TYPE = "cache.t4g.micro";

    /** Validates the values. */
    public CacheArgs {
        Objects.requireNonNull(vpcId, "CacheArgs.vpcId is required");
        Objects.requireNonNull(subnetIds, "CacheArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "CacheArgs.kmsKeyArn is required");
        if (nodeType == null || !nodeType.matches("cache\\.[a-z0-9]+\\.[a-z0-9]+")) {
            throw new IllegalArgumentException("CacheArgs.nodeType must be an ElastiCache node type such as cache.t4g.micro, got " + nodeType);
        }
        if (replicas < 0 || replicas > 5) {
            throw new IllegalArgumentException("CacheArgs.replicas must be 0..5, got " + replicas);
        }
        if (snapshotRetentionDays < 0 || snapshotRetentionDays > 35) {
            throw new IllegalArgumentException("CacheArgs.snapshotRetentionDays must be 0..35, got " + snapshotRetentionDays);
        }
    }

    /** Args with the defaults: one {@code cache.t4g.micro} node, no replica, one daily snapshot. */
    public static CacheArgs of(Output<String> vpcId, Output<List<String>> subnetIds, Output<String> kmsKeyArn) {
        return new CacheArgs(vpcId, subnetIds, kmsKeyArn, DEFAULT_NODE_TYPE, 0, 1);
    }

    /** The same args with another node type and number of replicas. */
    public CacheArgs withNodes(String nodeType, int replicas) {
        return new CacheArgs(vpcId, subnetIds, kmsKeyArn, nodeType, replicas, snapshotRetentionDays);
    }
}

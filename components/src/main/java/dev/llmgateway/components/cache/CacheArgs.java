package dev.llmgateway.components.cache;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Cache}; build with {@link #builder()}.
 *
 * @param vpcId                 VPC of the cache's security group; required
 * @param subnetIds             isolated subnets (at least two AZs when there are replicas); required
 * @param kmsKeyArn             customer key for data at rest; required
 * @param nodeType              ElastiCache node type; default {@value #DEFAULT_NODE_TYPE}
 * @param replicas              read replicas of the primary, 0..5; default 0; one or more turns on automatic failover
 *                              and Multi-AZ
 * @param snapshotRetentionDays daily snapshots kept, 0..35; default {@value #DEFAULT_SNAPSHOT_RETENTION_DAYS}
 */
@ComponentArgs
public record CacheArgs(Output<String> vpcId,
                        Output<List<String>> subnetIds,
                        Output<String> kmsKeyArn,
                        @Initializer("DEFAULT_NODE_TYPE") String nodeType,
                        int replicas,
                        @Initializer("DEFAULT_SNAPSHOT_RETENTION_DAYS") int snapshotRetentionDays) {

    /** The smallest current-generation node: enough for LiteLLM's counters, cooldowns and a response cache. */
    public static final String DEFAULT_NODE_TYPE = "cache.t4g.micro";
    /** Default daily snapshots kept: one, the last day's state. */
    public static final int DEFAULT_SNAPSHOT_RETENTION_DAYS = 1;

    /** How an ElastiCache node type is written: {@code cache.<family>.<size>}. */
    public static final String NODE_TYPE = "cache\\.[a-z0-9]+\\.[a-z0-9]+";
    /** Most read replicas of a primary (ElastiCache: up to 5 replicas per shard). */
    public static final int MAX_REPLICAS = 5;

    /** Validates the inputs. */
    public CacheArgs {
        Objects.requireNonNull(vpcId, "CacheArgs.vpcId is required");
        Objects.requireNonNull(subnetIds, "CacheArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "CacheArgs.kmsKeyArn is required");
        Reject.when(nodeType == null || !nodeType.matches(NODE_TYPE),
                "CacheArgs.nodeType must be an ElastiCache node type such as cache.t4g.micro, got " + nodeType);
        Reject.when(replicas < 0 || replicas > MAX_REPLICAS, "CacheArgs.replicas must be 0.." + MAX_REPLICAS + ", got " + replicas);
        Reject.when(snapshotRetentionDays < 0 || snapshotRetentionDays > 35,
                "CacheArgs.snapshotRetentionDays must be 0..35, got " + snapshotRetentionDays);
    }

    /** Starts a builder with the defaults. */
    public static CacheArgsBuilder builder() {
        return CacheArgsBuilder.builder();
    }
}

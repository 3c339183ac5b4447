package dev.llmgateway.components.cache;

import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;

import java.util.Map;

/**
 * A Valkey (Redis-compatible) ElastiCache replication group with cluster mode disabled, for shared rate
 * limits, budgets, cooldowns and response caching: one primary endpoint, TLS in transit, encrypted at rest
 * with the customer key, an AUTH token, reachable only from granted security groups.
 * <p>
 * Cluster mode disabled on purpose: a cluster-mode cache (ElastiCache Serverless is one) refuses multi-key
 * commands across hash slots (CROSSSLOT), and LiteLLM's single-endpoint Redis client sends them (its rate
 * limiter groups keys by slot only with its cluster client: BerriAI/litellm issue #30065). LiteLLM's own
 * Terraform module uses a replication group the same way (terraform/litellm/aws/redis.tf).
 */
public class Cache extends ComponentResource implements Connectable {

    /** Type token. */
    public static final String TYPE = "llmgateway:cache:Cache";
    /** Redis protocol port. */
    public static final int PORT = 6379;
    /** Engine and major version. */
    static final String ENGINE = "valkey";
    static final String ENGINE_VERSION = "8.0";

    private final String name;
    private final SecurityGroup securityGroup;
    private final Connections connections;
    private final ReplicationGroup group;
    private final Output<String> password;

    /** Creates the cache. */
    public Cache(String name, CacheArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        var child = CustomResourceOptions.builder().parent(this).build();
        this.securityGroup = new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Cache: only from granted security groups")
                .build(), child);
        this.connections = Connections.of(this, name, "cache", "cache", securityGroup.id()).withDefaultPort(PORT);
        // AUTH tokens are 16..128 printable characters without @, " or /; letters and digits only here.
        this.password = new RandomPassword(name + "-password",
                RandomPasswordArgs.builder().length(32).special(false).build(), child).result();
        var subnets = new SubnetGroup(name, SubnetGroupArgs.builder()
                .description("LiteLLM cache: isolated subnets")
                .subnetIds(args.subnetIds())
                .build(), child);
        boolean failover = args.replicas() > 0;
        this.group = new ReplicationGroup(PhysicalName.autoNamed(name, NameRule.REPLICATION_GROUP), ReplicationGroupArgs.builder()
                .description("LiteLLM shared state")
                .engine(ENGINE)
                .engineVersion(ENGINE_VERSION)
                .nodeType(args.nodeType())
                .numCacheClusters(1 + args.replicas())
                .automaticFailoverEnabled(failover)
                .multiAzEnabled(failover)
                .port(PORT)
                .subnetGroupName(subnets.name())
                .securityGroupIds(Output.all(securityGroup.id()))
                .atRestEncryptionEnabled(true)
                .kmsKeyId(args.kmsKeyArn())
                .transitEncryptionEnabled(true)
                .authToken(password)
                .snapshotRetentionLimit(args.snapshotRetentionDays())
                .build(), child);
        registerOutputs(Map.of("host", host(), "port", port(), "securityGroupId", securityGroup.id()));
    }

    /** The cache's group: Redis on {@link #PORT} from the peers granted with {@code allowDefaultPortFrom}. */
    @Override
    public Connections connections() {
        return connections;
    }

    /** Primary endpoint host (follows failover). */
    public Output<String> host() {
        return group.primaryEndpointAddress();
    }

    /** Endpoint port. */
    public Output<Integer> port() {
        return group.port().applyValue(port -> port.orElse(PORT));
    }

    /** The generated AUTH token (secret). */
    public Output<String> password() {
        return password;
    }

    /** The cache's security group. */
    public Output<String> securityGroupId() {
        return securityGroup.id();
    }
}

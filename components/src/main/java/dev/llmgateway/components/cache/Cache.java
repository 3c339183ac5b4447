package dev.llmgateway.components.cache;

import dev.llmgateway.components.support.NameRule;
import dev.llmgateway.components.support.PhysicalName;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.ServerlessCache;
import com.pulumi.aws.elasticache.ServerlessCacheArgs;
import com.pulumi.aws.elasticache.User;
import com.pulumi.aws.elasticache.UserArgs;
import com.pulumi.aws.elasticache.UserGroup;
import com.pulumi.aws.elasticache.UserGroupArgs;
import com.pulumi.aws.elasticache.inputs.ServerlessCacheCacheUsageLimitsArgs;
import com.pulumi.aws.elasticache.inputs.ServerlessCacheCacheUsageLimitsDataStorageArgs;
import com.pulumi.aws.elasticache.inputs.ServerlessCacheCacheUsageLimitsEcpuPerSecondArgs;
import com.pulumi.aws.elasticache.inputs.UserAuthenticationModeArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;

import java.util.List;
import java.util.Map;

/**
 * A Valkey (Redis-compatible) ElastiCache Serverless cache for shared rate limits, budgets and
 * response caching: TLS always on (serverless caches accept nothing else), encrypted with the
 * customer key, usage capped, reachable only from granted security groups, and protected by a
 * generated password on the {@code default} user so plain {@code AUTH <password>} clients work.
 */
public class Cache extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:cache:Cache";
    /** Redis protocol port. */
    public static final int PORT = 6379;

    private final String name;
    private final SecurityGroup securityGroup;
    private final ServerlessCache cache;
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
        this.password = new RandomPassword(name + "-password",
                RandomPasswordArgs.builder().length(32).special(false).build(), child).result();
        var user = new User(name, UserArgs.builder()
                .userId(PhysicalName.explicit(name + "-default", NameRule.CACHE_USER_ID))
                .userName("default")
                .engine("valkey")
                .accessString("on ~* +@all")
                .authenticationMode(UserAuthenticationModeArgs.builder()
                        .type("password").passwords(password.applyValue(List::of)).build())
                .build(), child);
        var group = new UserGroup(name, UserGroupArgs.builder()
                .userGroupId(PhysicalName.explicit(name, NameRule.CACHE_USER_GROUP_ID))
                .engine("valkey")
                .userIds(user.userId().applyValue(List::of))
                .build(), child);
        this.cache = new ServerlessCache(PhysicalName.autoNamed(name, NameRule.SERVERLESS_CACHE), ServerlessCacheArgs.builder()
                .engine("valkey")
                .majorEngineVersion("8")
                .description("LiteLLM shared state")
                .kmsKeyId(args.kmsKeyArn())
                .subnetIds(args.subnetIds())
                .securityGroupIds(Output.all(securityGroup.id()))
                .userGroupId(group.userGroupId())
                .snapshotRetentionLimit(args.snapshotRetentionDays())
                .cacheUsageLimits(ServerlessCacheCacheUsageLimitsArgs.builder()
                        .dataStorage(ServerlessCacheCacheUsageLimitsDataStorageArgs.builder()
                                .maximum(args.maxDataStorageGb()).unit("GB").build())
                        .ecpuPerSeconds(ServerlessCacheCacheUsageLimitsEcpuPerSecondArgs.builder()
                                .maximum(args.maxEcpuPerSecond()).build())
                        .build())
                .build(), child);
        registerOutputs(Map.of("host", host(), "port", port(), "securityGroupId", securityGroup.id()));
    }

    /** Admits Redis connections from one security group. */
    public void allowFrom(String ruleName, Output<String> sourceSecurityGroupId) {
        new SecurityGroupIngressRule(name + "-from-" + ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroup.id())
                .referencedSecurityGroupId(sourceSecurityGroupId)
                .ipProtocol("tcp").fromPort(PORT).toPort(PORT)
                .description("Redis from " + ruleName)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Endpoint host. */
    public Output<String> host() {
        return cache.endpoints().applyValue(endpoints -> endpoints.get(0).address());
    }

    /** Endpoint port. */
    public Output<Integer> port() {
        return cache.endpoints().applyValue(endpoints -> endpoints.get(0).port());
    }

    /** The generated password of the default user (secret). */
    public Output<String> password() {
        return password;
    }

    /** The cache's security group. */
    public Output<String> securityGroupId() {
        return securityGroup.id();
    }
}

package dev.llmgateway.engine;

import com.pulumi.Context;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.sns.Topic;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mock cloud names and refuses names as pulumi-aws and AWS would. */
class MockCloudNamingTest {

    private static PlannedStack plan(Consumer<Context> program) {
        return OfflineEngine.run("naming", "test", "us-east-1", program);
    }

    private static String error(PlannedStack plan) {
        assertFalse(plan.errors().isEmpty(), "the plan must fail");
        Throwable cause = plan.errors().get(0);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Test
    void autoNamesAreTheLogicalNameASeparatorAndSevenHexCharactersTheSameOnEveryRun() {
        Consumer<Context> program = ctx -> {
            new Topic("alarms");
            new BucketV2("Config-Bucket");
        };
        PlannedStack first = plan(program).orThrow();
        PlannedStack second = plan(program).orThrow();
        String topic = String.valueOf(first.one("aws:sns/topic:Topic").output("name").orElseThrow());
        assertTrue(topic.matches("alarms-[0-9a-f]{7}"), topic);
        assertEquals(topic, second.one("aws:sns/topic:Topic").output("name").orElseThrow());
        String bucket = String.valueOf(first.one("aws:s3/bucketV2:BucketV2").output("bucket").orElseThrow());
        assertTrue(bucket.matches("config-bucket-[0-9a-f]{7}"), "S3 auto-names are lower-cased: " + bucket);
        assertTrue(first.one("aws:sns/topic:Topic").output("arn").orElseThrow().toString().endsWith(":" + topic));
    }

    @Test
    void aLoadBalancerWhoseAutoNameExceeds32CharactersIsRefusedByAwsLimit() {
        String message = error(plan(ctx -> new LoadBalancer("llm-a-long-stack-name-proxy", LoadBalancerArgs.builder().build())));
        assertTrue(message.contains("AWS allows at most 32"), message);
    }

    @Test
    void anOutputThatDependsOnARefusedResourceIsReportedFailedAlongWithTheRefusal() {
        PlannedStack plan = plan(ctx -> ctx.export("dns",
                new LoadBalancer("llm-a-long-stack-name-proxy", LoadBalancerArgs.builder().build()).dnsName()));
        assertEquals(OfflineEngine.FAILED_MARK, plan.outputs().get("dns"));
        assertTrue(error(plan).contains("AWS allows at most 32"));
    }

    @Test
    void aTargetGroupWhoseLogicalNameLeavesNoRoomForTheSuffixIsRefusedByTheProvider() {
        String message = error(plan(ctx -> new TargetGroup("llm-a-long-stack-name-proxy", TargetGroupArgs.builder().build())));
        assertTrue(message.contains("plus 7 random chars is longer than maximum length 32"), message);
    }

    @Test
    void explicitNamesBreakingAwsCharacterRulesAreRefused() {
        String message = error(plan(ctx -> new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql").clusterIdentifier("LLM-Prod-db").build())));
        assertTrue(message.contains("clusterIdentifier 'LLM-Prod-db' does not match"), message);
        String sg = error(plan(ctx -> new SecurityGroup("g", SecurityGroupArgs.builder().name("sg-web").build())));
        assertTrue(sg.contains("'sg-web' does not match"), sg);
    }

    @Test
    void cacheSubnetGroupsAndCloudMapNamespacesAreHeldToTheirApiLimits() {
        String group = error(plan(ctx -> new SubnetGroup("cache",
                SubnetGroupArgs.builder().name("llm_prod_cache").subnetIds("subnet-1").build())));
        assertTrue(group.contains("'llm_prod_cache' does not match"), group);
        String label = "a".repeat(63);
        String zone = String.join(".", label, label, label, label) + ".internal";
        String namespace = error(plan(ctx -> new PrivateDnsNamespace("discovery",
                PrivateDnsNamespaceArgs.builder().name(zone).vpc("vpc-1").build())));
        assertTrue(namespace.contains("AWS allows at most 253"), namespace);
    }

    @Test
    void aSecondResourceWithTheSameExplicitNameIsRefused() {
        String message = error(plan(ctx -> {
            new Cluster("a", ClusterArgs.builder().engine("aurora-postgresql").clusterIdentifier("llm-db").build());
            new Cluster("b", ClusterArgs.builder().engine("aurora-postgresql").clusterIdentifier("llm-db").build());
        }));
        assertTrue(message.contains("'llm-db' already exists"), message);
    }

    @Test
    void fittedNamesStayReadableUniqueAndInsideTheLimit() {
        String logical = "llm-team-platform-gateway-staging-euwest1-proxy";
        String fitted = PhysicalName.autoNamed(logical, NameRule.LOAD_BALANCER);
        assertEquals(NameRule.LOAD_BALANCER.maxLength() - NameRule.RANDOM_SUFFIX, fitted.length());
        assertTrue(fitted.startsWith("llm-team-platform"), fitted);
        assertNotEquals(fitted, PhysicalName.autoNamed(logical + "-2", NameRule.LOAD_BALANCER));
        assertEquals("llm-dev-proxy", PhysicalName.autoNamed("llm-dev-proxy", NameRule.LOAD_BALANCER), "short names are kept");
        assertTrue(plan(ctx -> new LoadBalancer(fitted, LoadBalancerArgs.builder().build())).errors().isEmpty());
    }
}

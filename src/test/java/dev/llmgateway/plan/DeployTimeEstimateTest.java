package dev.llmgateway.plan;

import com.google.gson.Gson;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.testing.OfflineEngine;
import dev.llmgateway.components.testing.PlannedStack;
import dev.llmgateway.gateway.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployTimeEstimateTest {

    /** A component whose children take time: waiting on it means waiting on all of them. */
    static final class Slow extends ComponentResource {
        Slow(String name, com.pulumi.core.Output<String> subnet) {
            super("test:index:Slow", name, null, ComponentResourceOptions.builder().build());
            var child = CustomResourceOptions.builder().parent(this).build();
            new NatGateway(name + "-nat", NatGatewayArgs.builder().subnetId(subnet).build(), child);
            new Topic(name + "-quick", null, child);
            registerOutputs(Map.of());
        }
    }

    @Test
    void theEstimateIsTheLongestChainAndDependingOnAComponentWaitsForAllItsChildren() {
        PlannedStack plan = OfflineEngine.run("deploy", "t", "us-east-1", ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var subnet = new Subnet("subnet", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.1.0/24").build());
            var group = new SubnetGroup("db", SubnetGroupArgs.builder().subnetIds(subnet.id().applyValue(List::of)).build());
            var cluster = new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql")
                    .dbSubnetGroupName(group.id()).build());
            new ClusterInstance("db-1", ClusterInstanceArgs.builder().clusterIdentifier(cluster.id())
                    .instanceClass("db.serverless").engine("aurora-postgresql").build());
            var slow = new Slow("edge", subnet.id());
            new Topic("after-edge", null, CustomResourceOptions.builder().dependsOn(slow).build());
        }).orThrow();
        DeployTimeEstimate.Report report = DeployTimeEstimate.of(plan);

        // vpc 10 s -> subnet 10 s -> subnet group 10 s -> Aurora cluster 120 s -> Aurora instance 720 s = 870 s;
        // the other chain: vpc 10 -> subnet 10 -> NAT gateway 120 (inside the component) -> after-edge 10 = 150 s
        assertEquals(870, report.seconds());
        assertEquals(15, report.minutes());
        assertEquals(List.of("vpc", "subnet", "db", "db", "db-1"),
                report.criticalPath().stream().map(s -> s.resource().name()).toList());
        assertEquals(List.of(0, 10, 20, 30, 150), report.criticalPath().stream().map(DeployTimeEstimate.Step::start).toList());
        assertTrue(report.table().contains("Aurora instance 5-12 min"), report.table());
    }

    @Test
    void aResourceWaitingOnAComponentStartsAfterItsSlowestChild() {
        PlannedStack plan = OfflineEngine.run("deploy", "t", "us-east-1", ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var subnet = new Subnet("subnet", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.1.0/24").build());
            var slow = new Slow("edge", subnet.id());
            new Topic("after-edge", null, CustomResourceOptions.builder().dependsOn(slow).build());
        }).orThrow();
        DeployTimeEstimate.Report report = DeployTimeEstimate.of(plan);
        // vpc 10 + subnet 10 + NAT gateway 120 + topic 10
        assertEquals(150, report.seconds());
        assertEquals(List.of("vpc", "subnet", "edge-nat", "after-edge"),
                report.criticalPath().stream().map(s -> s.resource().name()).toList());
    }

    @Test
    void devDeploysWithinSeventeenMinutesAndProdWithinTwentyFive() {
        DeployTimeEstimate.Report dev = DeployTimeEstimate.of(Plans.stack("dev"));
        DeployTimeEstimate.Report prod = DeployTimeEstimate.of(Plans.stack("prod"));
        // Dev's path is real end to end: the service waits for the database it migrates and then for steady
        // state (so a failed deploy fails), each at the upper end of its range (RDS 10 min, ECS 5 min): 17 min,
        // over the 15-minute goal by the two waits that make deploys safe.
        assertTrue(dev.minutes() <= 17, dev.table());
        assertTrue(prod.minutes() <= 25, prod.table());
        assertTrue(dev.criticalPath().stream().anyMatch(s -> s.resource().type().equals("aws:rds/instance:Instance")),
                "the database decides dev: " + dev.table());
        for (DeployTimeEstimate.Report report : List.of(dev, prod)) {
            var path = report.criticalPath();
            for (int i = 1; i < path.size(); i++) {
                assertEquals(path.get(i - 1).finish(), path.get(i).start(), "each step starts when the one before is done");
            }
            assertEquals(report.seconds(), path.get(path.size() - 1).finish());
        }
    }

    @Test
    void theJsonCarriesTheEstimateThePathAndEveryTimeWithItsSource() {
        Map<?, ?> json = new Gson().fromJson(new Gson().toJson(DeployTimeEstimate.of(Plans.stack("prod")).toJson()), Map.class);
        assertTrue(((Number) json.get("estimatedMinutes")).intValue() > 0);
        assertTrue(!((List<?>) json.get("criticalPath")).isEmpty());
        List<?> times = (List<?>) json.get("provisioningTimes");
        assertEquals(DeployTimeEstimate.TIMES.size(), times.size());
        assertTrue(times.stream().allMatch(t -> !String.valueOf(((Map<?, ?>) t).get("source")).isBlank()));
    }
}

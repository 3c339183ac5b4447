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
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
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

        // vpc 10 s -> subnet 10 s -> subnet group 10 s -> Aurora cluster 120 s -> Aurora instance (5-12 min: 510 s
        // expected, 720 s at the upper end) = 660 s, 870 s at the upper end; the other chain: vpc 10 -> subnet 10 ->
        // NAT gateway (1-2 min: 90 s, inside the component) -> after-edge 10 = 120 s
        assertEquals(660, report.seconds());
        assertEquals(11, report.minutes());
        assertEquals(870, report.upperSeconds());
        assertEquals(15, report.upperMinutes());
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
        // vpc 10 + subnet 10 + NAT gateway 90 (1-2 min) + topic 10; 150 s with the NAT gateway at 2 min
        assertEquals(120, report.seconds());
        assertEquals(150, report.upperSeconds());
        assertEquals(List.of("vpc", "subnet", "edge-nat", "after-edge"),
                report.criticalPath().stream().map(s -> s.resource().name()).toList());
    }

    @Test
    void devIsExpectedWithinSixteenMinutesAndProdWithinTwentyFiveEvenWhenEveryStepIsSlow() {
        DeployTimeEstimate.Report dev = DeployTimeEstimate.of(Plans.stack("dev"));
        DeployTimeEstimate.Report prod = DeployTimeEstimate.of(Plans.stack("prod"));
        // Dev's path is real end to end: the deploy's bootstrap and migration tasks wait for the database, the service
        // for them, and then for steady state (so a failed deploy fails). Expected: 30 s of network, RDS 7:30 (5-10 min),
        // the bootstrap task definition, bootstrap 1:30 and migrations 1:30 (1-2 min each), ECS 3:30 (2-5 min), four
        // scaling changes one after another = 15:20; with every range at its upper end 20:20.
        assertEquals(920, dev.seconds(), dev.table());
        assertEquals(1220, dev.upperSeconds(), dev.table());
        assertTrue(dev.minutes() <= 16, dev.table());
        // Prod: Aurora cluster 2 min, then its writer 8:30 (5-12 min), the one-off tasks, then the service.
        assertTrue(prod.minutes() <= 25 && prod.upperMinutes() <= 30, prod.table());
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
        assertTrue(((Number) json.get("upperMinutes")).intValue() > ((Number) json.get("estimatedMinutes")).intValue());
        assertTrue(!((List<?>) json.get("criticalPath")).isEmpty());
        List<?> times = (List<?>) json.get("provisioningTimes");
        assertEquals(DeployTimeEstimate.TIMES.size(), times.size());
        assertTrue(times.stream().allMatch(t -> !String.valueOf(((Map<?, ?>) t).get("source")).isBlank()));
        assertTrue(DeployTimeEstimate.TIMES.stream().allMatch(t -> t.lowSeconds() > 0 && t.lowSeconds() <= t.highSeconds()),
                "every range runs from a positive fastest time to a slowest time no shorter");
    }
}

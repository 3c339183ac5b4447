package dev.llmgateway.plan.update;

import com.pulumi.Context;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.plan.update.Problem.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.llmgateway.plan.update.UpdatePlannerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsConstraintsTest {

    private static List<Problem> problems(Consumer<Context> deployed, Consumer<Context> goal) {
        return AwsConstraints.of(UpdatePlanner.changes(run(deployed), run(goal)));
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    private static Consumer<Context> subnetIn(String zone) {
        return ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            new Subnet("subnet", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.0.0/24").availabilityZone(zone).build());
        };
    }

    @Test
    void aSubnetMovedToAnotherZoneCollidesWithItsOriginalBlock() {
        List<Problem> problems = problems(subnetIn("us-east-1a"), subnetIn("us-east-1b"));
        assertEquals(List.of("InvalidSubnet.Conflict"), codes(problems));
        assertEquals(Kind.COLLISION, problems.get(0).kind());
        assertTrue(problems.get(0).why().contains("its original"), problems.get(0).why());
    }

    /** A load balancer that is internal or not, its kept target group, and a listener forwarding to it. */
    private static Consumer<Context> balancer(boolean internal, boolean deleteFirst) {
        return ctx -> {
            var group = new TargetGroup("tg", TargetGroupArgs.builder().port(4000).protocol("HTTP").targetType("ip").vpcId("vpc-1").build());
            var lb = new LoadBalancer("lb", LoadBalancerArgs.builder().internal(internal).subnets("subnet-1", "subnet-2").build(),
                    CustomResourceOptions.builder().deleteBeforeReplace(deleteFirst).build());
            new Listener("listener", ListenerArgs.builder().loadBalancerArn(lb.arn()).port(80).protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(group.arn()).build()).build());
        };
    }

    @Test
    void aKeptTargetGroupCannotServeTheReplacementLoadBalancerWhileTheOldOneExists() {
        List<Problem> problems = problems(balancer(false, false), balancer(true, false));
        assertEquals(List.of("TargetGroupAssociationLimit"), codes(problems), problems.toString());
        assertTrue(problems(balancer(false, true), balancer(true, true)).isEmpty(),
                "deleting the old load balancer (and its listeners) first frees the target group");
    }

    private static Consumer<Context> listener(String name) {
        return ctx -> new Listener(name, ListenerArgs.builder().loadBalancerArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lb/1")
                .port(80).protocol("HTTP").defaultActions(ListenerDefaultActionArgs.builder().type("redirect").build()).build());
    }

    @Test
    void aRenamedListenerOnTheSamePortIsCreatedWhileTheOldOneStillHoldsIt() {
        assertEquals(List.of("DuplicateListener"), codes(problems(listener("http-redirect"), listener("http"))));
    }

    private static Consumer<Context> rules(List<String> names, List<Integer> ports) {
        return ctx -> {
            for (int i = 0; i < names.size(); i++) {
                new SecurityGroupIngressRule(names.get(i), SecurityGroupIngressRuleArgs.builder().securityGroupId("sg-1")
                        .ipProtocol("tcp").fromPort(ports.get(i)).toPort(ports.get(i)).cidrIpv4("203.0.113.0/24").build());
            }
        };
    }

    @Test
    void aRuleCreatedWithThePermissionOfAnotherThatIsOnlyUpdatedLaterIsADuplicate() {
        // HTTP to HTTPS with rules named after the default port: "from-office" moves from 80 to 443 in place while
        // "from-office-80" is created for 80; the engine orders neither first.
        List<Problem> problems = problems(rules(List.of("from-office"), List.of(80)),
                rules(List.of("from-office", "from-office-80"), List.of(443, 80)));
        assertEquals(List.of("InvalidPermission.Duplicate"), codes(problems));
        assertTrue(problems(rules(List.of("from-office-80"), List.of(80)),
                rules(List.of("from-office-443", "from-office-80"), List.of(443, 80))).isEmpty(), "rules named with their port stay");
    }

    private static Consumer<Context> database(boolean protectedFromDeletion, boolean present, List<String> subnets) {
        return ctx -> {
            var group = new SubnetGroup("db", SubnetGroupArgs.builder().subnetIds(subnets).build());
            if (present) {
                new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro").allocatedStorage(20)
                        .dbSubnetGroupName(group.name()).deletionProtection(protectedFromDeletion).skipFinalSnapshot(true).build());
            }
        };
    }

    @Test
    void deletionProtectionStopsTheDelete() {
        List<Problem> problems = problems(database(true, true, List.of("subnet-a", "subnet-b")), database(true, false, List.of("subnet-a", "subnet-b")));
        assertEquals(List.of("InvalidParameterCombination"), codes(problems));
        assertEquals(Kind.BLOCKED_DELETE, problems.get(0).kind());
    }

    @Test
    void aSubnetTheDatabaseMayRunInCannotBeDeleted() {
        Consumer<Context> three = ctx -> {
            List<Output<String>> ids = new ArrayList<>();
            for (String zone : List.of("a", "b", "c")) {
                ids.add(new Subnet("subnet-" + zone, SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0." + zone.charAt(0) % 10 + ".0/24").build()).id());
            }
            var group = new SubnetGroup("db", SubnetGroupArgs.builder().subnetIds(Output.all(ids)).build());
            new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro").allocatedStorage(20)
                    .dbSubnetGroupName(group.name()).skipFinalSnapshot(true).build());
        };
        Consumer<Context> two = ctx -> {
            List<Output<String>> ids = new ArrayList<>();
            for (String zone : List.of("a", "b")) {
                ids.add(new Subnet("subnet-" + zone, SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0." + zone.charAt(0) % 10 + ".0/24").build()).id());
            }
            var group = new SubnetGroup("db", SubnetGroupArgs.builder().subnetIds(Output.all(ids)).build());
            new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro").allocatedStorage(20)
                    .dbSubnetGroupName(group.name()).skipFinalSnapshot(true).build());
        };
        List<Problem> problems = problems(three, two);
        assertEquals(List.of("DependencyViolation"), codes(problems));
        assertTrue(problems.get(0).resource().endsWith("subnet-c"), problems.toString());
    }

    private static Consumer<Context> postgres(String version) {
        return ctx -> {
            var parameters = new com.pulumi.aws.rds.ParameterGroup("db", com.pulumi.aws.rds.ParameterGroupArgs.builder()
                    .family("postgres" + version.split("\\.")[0]).build());
            new Instance("db", InstanceArgs.builder().engine("postgres").engineVersion(version).instanceClass("db.t4g.micro")
                    .allocatedStorage(20).parameterGroupName(parameters.name()).skipFinalSnapshot(true).build(),
                    CustomResourceOptions.builder().ignoreChanges("engineVersion").build());
        };
    }

    @Test
    void aParameterGroupOfTheNextMajorIsRefusedForTheRunningEngine() {
        // The default version moves to the next major in code: the family follows, the ignored engine version does not.
        List<Problem> problems = problems(postgres("16.11"), postgres("17.7"));
        assertEquals(List.of("InvalidParameterCombination"), codes(problems));
        assertTrue(problems.get(0).why().contains("postgres17") && problems.get(0).why().contains("16.11"), problems.toString());
    }

    @Test
    void aProtectedResourceStopsTheEngineBeforeAws() {
        Consumer<Context> kept = ctx -> new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(),
                CustomResourceOptions.builder().protect(true).build());
        Consumer<Context> moved = ctx -> new Vpc("vpc", VpcArgs.builder().cidrBlock("10.1.0.0/16").build(),
                CustomResourceOptions.builder().protect(true).build());
        List<Problem> problems = problems(kept, moved);
        assertEquals(Kind.PROTECTED, problems.get(0).kind());
        assertEquals("pulumi", problems.get(0).code());
    }
}

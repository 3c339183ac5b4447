package dev.llmgateway.engine;

import com.pulumi.Context;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.core.Output;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.DeclaredNetwork;
import java.util.Map;
import dev.llmgateway.components.network.Declarations;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.FlowEnd;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declared flows are decided as AWS decides them, and quotas are counted as AWS counts them. */
class ReachabilityTest {

    /** Tasks to a database on 5432; {@code egress} and {@code ingress} say which sides open it. */
    private static PlannedStack plan(boolean egress, boolean ingress, int extraIngressRules) {
        return OfflineEngine.plan("reach", "test", "us-east-1", (Context ctx) -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var tasks = new SecurityGroup("tasks", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            var db = new SecurityGroup("db", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            if (egress) {
                new SecurityGroupEgressRule("tasks-to-db", SecurityGroupEgressRuleArgs.builder().securityGroupId(tasks.id())
                        .referencedSecurityGroupId(db.id()).ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            if (ingress) {
                new SecurityGroupIngressRule("db-from-tasks", SecurityGroupIngressRuleArgs.builder().securityGroupId(db.id())
                        .referencedSecurityGroupId(tasks.id()).ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            for (int i = 0; i < extraIngressRules; i++) {
                new SecurityGroupIngressRule("db-extra-" + i, SecurityGroupIngressRuleArgs.builder().securityGroupId(db.id())
                        .cidrIpv4("10.1." + i + ".0/24").ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            return Declarations.of(List.of(new Flow("tasks-to-db", FlowEnd.group("tasks", tasks.id()), FlowEnd.group("db", db.id()), 5432, "test")));
        }).orThrow();
    }

    /**
     * Clients in {@code clients} reach a group in one subnet whose table routes 0.0.0.0/0 through {@code gateway}
     * ({@code igw} or {@code nat}); with {@code peering}, 10.1.0.0/16 goes to a peering connection.
     */
    private static PlannedStack inbound(String clients, String gateway, boolean peering) {
        return OfflineEngine.plan("reach", "test", "us-east-1", (Context ctx) -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var subnet = new Subnet("lb-1", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.0.0/24").build());
            var table = new RouteTable("lb", RouteTableArgs.builder().vpcId(vpc.id()).build());
            new RouteTableAssociation("lb-1", RouteTableAssociationArgs.builder().routeTableId(table.id()).subnetId(subnet.id()).build());
            var route = RouteArgs.builder().routeTableId(table.id()).destinationCidrBlock("0.0.0.0/0");
            new Route("default", (gateway.equals("igw") ? route.gatewayId("igw-1") : route.natGatewayId("nat-1")).build());
            if (peering) {
                new Route("peer", RouteArgs.builder().routeTableId(table.id()).destinationCidrBlock("10.1.0.0/16")
                        .vpcPeeringConnectionId("pcx-1").build());
            }
            var lb = new SecurityGroup("lb", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            new SecurityGroupIngressRule("lb-from-clients", SecurityGroupIngressRuleArgs.builder().securityGroupId(lb.id())
                    .cidrIpv4(clients).ipProtocol("tcp").fromPort(443).toPort(443).build());
            return Declarations.of(List.of(new Flow("lb-from-clients", FlowEnd.cidr("clients", clients),
                    FlowEnd.group("lb", lb.id()).in(Output.all(subnet.id())), 443, "test")));
        }).orThrow();
    }

    @Test
    void aFlowIsAllowedOnlyWhenBothGroupsAllowIt() {
        Reachability.Verdict both = Reachability.analyze(plan(true, true, 0)).get(0);
        assertTrue(both.allowed());
        assertEquals(List.of("out: tasks-to-db", "in: db-from-tasks"), both.decidedBy());
    }

    @Test
    void aGroupWithoutTheEgressRuleBlocksTheFlowBecauseTheProviderRevokesDefaultEgress() {
        Reachability.Verdict verdict = Reachability.analyze(plan(false, true, 0)).get(0);
        assertFalse(verdict.allowed());
        assertEquals("BLOCKED", verdict.status());
        assertEquals(List.of("no egress rule on tasks for port 5432"), verdict.decidedBy());
    }

    @Test
    void aGroupWithoutTheIngressRuleBlocksTheFlow() {
        Reachability.Verdict verdict = Reachability.analyze(plan(true, false, 0)).get(0);
        assertEquals(List.of("no ingress rule on db for port 5432"), verdict.decidedBy());
    }

    @Test
    void repliesToInternetClientsLeaveThroughTheInternetGateway() {
        Reachability.Verdict verdict = Reachability.analyze(inbound("203.0.113.0/24", "igw", false)).get(0);
        assertTrue(verdict.allowed(), verdict.decidedBy().toString());
        assertEquals(List.of("in: lb-from-clients", "route: default"), verdict.decidedBy());
    }

    @Test
    void repliesThroughANatNeverReachTheClient() {
        Reachability.Verdict verdict = Reachability.analyze(inbound("203.0.113.0/24", "nat", false)).get(0);
        assertFalse(verdict.allowed());
        assertTrue(verdict.decidedBy().get(0).startsWith("replies to 203.0.113.0/24 from subnet lb-1 go through a NAT"),
                verdict.decidedBy().toString());
    }

    @Test
    void aPeeredRangeNeedsARouteBackToIt() {
        // The default route to the internet gateway would carry replies to 10.1.0.0/16 onto the internet: AWS drops
        // them, the peer never sees an answer. Only a route to the peering connection brings them back.
        assertTrue(Reachability.analyze(inbound("10.1.0.0/16", "igw", true)).get(0).allowed());
        Reachability.Verdict withoutPeering = Reachability.analyze(inbound("10.1.0.0/16", "nat", false)).get(0);
        assertFalse(withoutPeering.allowed());
    }

    @Test
    void clientsInsideTheVpcNeedNoRoute() {
        Reachability.Verdict verdict = Reachability.analyze(inbound("10.0.8.0/24", "nat", false)).get(0);
        assertTrue(verdict.allowed(), verdict.decidedBy().toString());
    }

    @Test
    void aGroupOverSixtyInboundRulesIsOverItsQuota() {
        Quotas.Usage inbound = Quotas.summary(plan(true, true, 60)).get(0);
        assertEquals("inbound rules per security group", inbound.quota());
        assertEquals("db", inbound.resource());
        assertEquals(61, inbound.used());
        assertTrue(inbound.over());
        assertFalse(Quotas.summary(plan(true, true, 59)).get(0).over(), "60 rules are allowed");
    }

    /**
     * Tasks in an existing subnet (declared, not planned) reaching the internet and an existing endpoint group, and
     * clients reaching a load balancer in an existing subnet whose default route is {@code target}.
     */
    private static PlannedStack existing(String target) {
        var network = new DeclaredNetwork("vpc-0a1b2c3d", Cidr.of("10.20.0.0/16"),
                List.of(new DeclaredNetwork.Subnet("subnet-0a1b2c3d", "private", Cidr.of("10.20.1.0/24"), "us-east-1a",
                        List.of(new DeclaredNetwork.Route(Cidr.of("0.0.0.0/0"), target)))),
                List.of(new DeclaredNetwork.Group("sg-0e0e0e0e", "existing VPC endpoints", List.of(443), Cidr.of("10.20.0.0/16"))));
        return OfflineEngine.plan("reach", "test", "us-east-1", (Context ctx) -> {
            var tasks = new SecurityGroup("tasks", SecurityGroupArgs.builder().vpcId("vpc-0a1b2c3d").build());
            var lb = new SecurityGroup("lb", SecurityGroupArgs.builder().vpcId("vpc-0a1b2c3d").build());
            new SecurityGroupEgressRule("tasks-to-internet", SecurityGroupEgressRuleArgs.builder().securityGroupId(tasks.id())
                    .cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(443).toPort(443).build());
            new SecurityGroupEgressRule("tasks-to-endpoints", SecurityGroupEgressRuleArgs.builder().securityGroupId(tasks.id())
                    .referencedSecurityGroupId("sg-0e0e0e0e").ipProtocol("tcp").fromPort(443).toPort(443).build());
            new SecurityGroupIngressRule("lb-from-clients", SecurityGroupIngressRuleArgs.builder().securityGroupId(lb.id())
                    .cidrIpv4("198.51.100.0/24").ipProtocol("tcp").fromPort(443).toPort(443).build());
            var subnets = Output.of(List.of("subnet-0a1b2c3d"));
            return new Declarations(List.of(
                    new Flow("tasks-to-internet", FlowEnd.group("tasks", tasks.id()).in(subnets), FlowEnd.cidr("internet", "0.0.0.0/0"), 443, "test"),
                    new Flow("tasks-to-endpoints", FlowEnd.group("tasks", tasks.id()).in(subnets), FlowEnd.group("endpoints", Output.of("sg-0e0e0e0e")), 443, "test"),
                    new Flow("lb-from-clients", FlowEnd.cidr("clients", "198.51.100.0/24"), FlowEnd.group("lb", lb.id()).in(subnets), 443, "test")),
                    List.of(network));
        }).orThrow();
    }

    @Test
    void inAnExistingNetworkTheDeclaredRoutesAndGroupsDecideAndTheVerdictSaysSo() {
        Map<String, Reachability.Verdict> verdicts = Reachability.analyze(existing("tgw-0a1b2c3d")).stream()
                .collect(java.util.stream.Collectors.toMap(Reachability.Verdict::flow, v -> v));
        assertTrue(verdicts.get("tasks-to-internet").allowed());
        assertTrue(verdicts.get("tasks-to-internet").decidedBy().contains("declared route: subnet-0a1b2c3d 0.0.0.0/0 -> tgw-0a1b2c3d"));
        assertEquals(List.of("out: tasks-to-endpoints", "declared in: existing VPC endpoints admits 443 from 10.20.0.0/16"),
                verdicts.get("tasks-to-endpoints").decidedBy(), "the tasks' group lies in the declared VPC block");
        assertTrue(verdicts.get("lb-from-clients").allowed(), "a transit gateway carries replies");
    }

    @Test
    void aDeclaredNatRouteCarriesNothingBackAndAMissingRouteBlocks() {
        Map<String, Reachability.Verdict> verdicts = Reachability.analyze(existing("nat-0a1b2c3d")).stream()
                .collect(java.util.stream.Collectors.toMap(Reachability.Verdict::flow, v -> v));
        assertTrue(verdicts.get("tasks-to-internet").allowed());
        assertFalse(verdicts.get("lb-from-clients").allowed());
        assertTrue(verdicts.get("lb-from-clients").decidedBy().get(0).contains("go through nat-0a1b2c3d, which answers only"
                + " connections opened from inside"), verdicts.get("lb-from-clients").decidedBy().toString());
    }
}

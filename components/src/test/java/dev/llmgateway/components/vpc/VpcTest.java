package dev.llmgateway.components.vpc;

import dev.llmgateway.components.network.Cidr;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpcTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/k";

    private static PlannedStack plan(UnaryOperator<VpcArgsBuilder> configure) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> new Vpc("net", configure.apply(VpcArgs.builder()
                        .region("us-east-1")
                        .availabilityZones(Output.of(List.of("us-east-1a", "us-east-1b", "us-east-1c")))
                        .kmsKeyArn(Output.of(KEY))).build(), null))
                .orThrow();
    }

    @Test
    void subnetsAreCarvedPerTierAndZoneWithoutPublicIps() {
        PlannedStack plan = plan(b -> b.cidr(Cidr.of("10.20.0.0/16")).azCount(3));
        List<PlannedResource> subnets = plan.ofType("aws:ec2/subnet:Subnet");
        assertEquals(9, subnets.size());
        assertEquals("10.20.0.0/21", plan.named("aws:ec2/subnet:Subnet", "net-public-1").string("cidrBlock"));
        assertEquals("10.20.72.0/21", plan.named("aws:ec2/subnet:Subnet", "net-private-2").string("cidrBlock"));
        assertEquals("10.20.144.0/21", plan.named("aws:ec2/subnet:Subnet", "net-isolated-3").string("cidrBlock"));
        assertEquals("us-east-1c", plan.named("aws:ec2/subnet:Subnet", "net-isolated-3").string("availabilityZone"));
        assertTrue(subnets.stream().noneMatch(s -> s.flag("mapPublicIpOnLaunch")));
    }

    @Test
    void addingAZoneAddsSubnetsAndMovesNone() {
        var two = SubnetLayout.compute(Cidr.of("10.0.0.0/16"), 2, Map.of());
        var six = SubnetLayout.compute(Cidr.of("10.0.0.0/16"), 6, Map.of());
        for (SubnetTier tier : SubnetTier.values()) {
            assertEquals(two.get(tier), six.get(tier).subList(0, 2), tier + " subnets must keep their blocks when zones are added");
        }
    }

    @Test
    void explicitSubnetCidrsFromAReferenceDesignAreUsed() {
        PlannedStack plan = plan(b -> b.subnetCidrs(Map.of(
                SubnetTier.PUBLIC, List.of(Cidr.of("10.0.1.0/24"), Cidr.of("10.0.2.0/24")),
                SubnetTier.PRIVATE, List.of(Cidr.of("10.0.10.0/24"), Cidr.of("10.0.20.0/24")),
                SubnetTier.ISOLATED, List.of(Cidr.of("10.0.100.0/24"), Cidr.of("10.0.200.0/24")))));
        assertEquals("10.0.2.0/24", plan.named("aws:ec2/subnet:Subnet", "net-public-2").string("cidrBlock"));
        assertEquals("10.0.200.0/24", plan.named("aws:ec2/subnet:Subnet", "net-isolated-2").string("cidrBlock"));
    }

    @Test
    void layoutRejectsSubnetsOutsideTheVpcOrTooSmallAVpc() {
        var outside = assertThrows(IllegalArgumentException.class, () -> SubnetLayout.compute(Cidr.of("10.0.0.0/16"), 2,
                Map.of(SubnetTier.PRIVATE, List.of(Cidr.of("10.1.0.0/24"), Cidr.of("10.0.9.0/24")))));
        assertEquals("PRIVATE subnet 10.1.0.0/24 does not fit in VPC 10.0.0.0/16", outside.getMessage());
        var small = assertThrows(IllegalArgumentException.class, () -> SubnetLayout.compute(Cidr.of("10.0.0.0/26"), 2, Map.of()));
        assertTrue(small.getMessage().contains("too small"), small.getMessage());
    }

    @Test
    void gatewayPerAzGivesEachPrivateTableItsOwnNat() {
        PlannedStack plan = plan(b -> b.azCount(3).natStrategy(NatStrategy.GATEWAY_PER_AZ));
        assertEquals(3, plan.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(3, plan.ofType("aws:ec2/eip:Eip").size());
        List<PlannedResource> natRoutes = plan.where(r -> r.type().equals("aws:ec2/route:Route") && r.name().contains("-nat"));
        assertEquals(3, natRoutes.stream().map(r -> r.string("natGatewayId")).distinct().count());
    }

    @Test
    void natInstanceIsOneSmallArmInstanceWithSourceDestCheckOff() {
        PlannedStack plan = plan(b -> b.natStrategy(NatStrategy.INSTANCE));
        assertTrue(plan.ofType("aws:ec2/natGateway:NatGateway").isEmpty());
        PlannedResource nat = plan.one("aws:ec2/instance:Instance");
        assertEquals("t4g.nano", nat.string("instanceType"));
        assertFalse(nat.flag("sourceDestCheck"));
        assertEquals("required", nat.string("metadataOptions.httpTokens"));
        assertTrue(nat.flag("rootBlockDevice.encrypted"));
        assertEquals(2, plan.where(r -> r.type().equals("aws:ec2/route:Route") && r.input("networkInterfaceId").isPresent()).size());
    }

    @Test
    void noNatMeansNoDefaultRouteFromPrivateOrIsolatedSubnets() {
        PlannedStack plan = plan(b -> b.natStrategy(NatStrategy.NONE));
        List<PlannedResource> routes = plan.ofType("aws:ec2/route:Route");
        assertEquals(1, routes.size(), "only the public route to the internet gateway");
        assertTrue(routes.get(0).input("gatewayId").isPresent());
    }

    @Test
    void s3GatewayEndpointServesPrivateAndIsolatedTables() {
        PlannedStack plan = plan(b -> b);
        PlannedResource s3 = plan.named("aws:ec2/vpcEndpoint:VpcEndpoint", "net-s3");
        assertEquals("Gateway", s3.string("vpcEndpointType"));
        assertEquals("com.amazonaws.us-east-1.s3", s3.string("serviceName"));
        assertEquals(3, s3.list("routeTableIds").size());
    }

    @Test
    void interfaceEndpointsSitInPrivateSubnetsBehindTheirOwnHttpsOnlyGroup() {
        PlannedStack plan = plan(b -> b.interfaceEndpoints(Set.of(InterfaceEndpoint.SECRETS_MANAGER, InterfaceEndpoint.BEDROCK_RUNTIME)));
        List<PlannedResource> endpoints = plan.where(r -> r.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint")
                && "Interface".equals(r.input("vpcEndpointType").orElse(null)));
        assertEquals(Set.of("com.amazonaws.us-east-1.secretsmanager", "com.amazonaws.us-east-1.bedrock-runtime"),
                Set.copyOf(endpoints.stream().map(e -> e.string("serviceName")).toList()));
        assertTrue(endpoints.stream().allMatch(e -> e.flag("privateDnsEnabled") && e.list("subnetIds").size() == 2));
        PlannedResource group = plan.named("aws:ec2/securityGroup:SecurityGroup", "net-endpoints-sg");
        assertEquals(443.0, group.number("ingress.0.fromPort"));
        assertEquals(List.of("10.0.0.0/16"), group.list("ingress.0.cidrBlocks"));
        assertTrue(group.list("egress").isEmpty());
    }

    @Test
    void flowLogsGoToAnEncryptedLogGroupThroughAScopedRole() {
        PlannedStack plan = plan(b -> b.flowLogRetentionDays(14));
        PlannedResource group = plan.named("aws:cloudwatch/logGroup:LogGroup", "net-flow-logs");
        assertEquals(KEY, group.string("kmsKeyId"));
        assertEquals(14.0, group.number("retentionInDays"));
        assertEquals("ALL", plan.one("aws:ec2/flowLog:FlowLog").string("trafficType"));
        String policy = plan.one("aws:iam/rolePolicy:RolePolicy").string("policy");
        assertTrue(policy.contains("log-group:") && !policy.contains("\"*\""), policy);
    }

    @Test
    void defaultSecurityGroupIsAdoptedWithNoRules() {
        PlannedResource group = plan(b -> b).one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertTrue(group.list("ingress").isEmpty());
        assertTrue(group.list("egress").isEmpty());
    }

    @Test
    void argsRejectZoneCountsOutsideTwoToSix() {
        var error = assertThrows(IllegalArgumentException.class, () -> VpcArgs.builder().region("r")
                .availabilityZones(Output.of(List.of())).kmsKeyArn(Output.of(KEY)).azCount(7).build());
        assertEquals("VpcArgs.azCount must be 2..6, got 7", error.getMessage());
    }
}

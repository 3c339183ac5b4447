package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first {@code pulumi up} creates things in an order AWS accepts and the service survives: nothing
 * that needs the internet before the internet gateway is attached, no task before the database writer,
 * the capacity providers and the listener rules that route to it exist.
 */
class CreationOrderTest {

    private static void assertDependsOn(PlannedResource resource, PlannedResource on) {
        assertTrue(resource.dependencies().contains(on.urn()), () -> resource.name() + " waits for " + on.name());
    }

    @Test
    void natGatewaysTheirAddressesAndThePublicLoadBalancerWaitForTheInternetGateway() {
        PlannedStack prod = Plans.stack("prod");
        PlannedResource igw = prod.one("aws:ec2/internetGateway:InternetGateway");
        List<PlannedResource> nat = prod.where(r -> r.type().equals("aws:ec2/natGateway:NatGateway") || r.type().equals("aws:ec2/eip:Eip"));
        assertEquals(6, nat.size());
        nat.forEach(r -> assertDependsOn(r, igw));
        PlannedResource alb = prod.one("aws:lb/loadBalancer:LoadBalancer");
        assertFalse(alb.flag("internal"));
        assertDependsOn(alb, igw);
    }

    @Test
    void natInstanceBootsOnlyOnceThePublicRouteLeadsOutAndKeepsItsAmi() {
        PlannedStack dev = Plans.stack("dev");
        PlannedResource nat = dev.one("aws:ec2/instance:Instance");
        assertDependsOn(nat, dev.one("aws:ec2/internetGateway:InternetGateway"));
        PlannedResource publicRoute = dev.where(r -> r.type().equals("aws:ec2/route:Route") && r.input("gatewayId").isPresent()).get(0);
        assertDependsOn(nat, publicRoute);
        assertTrue(nat.ignoreChanges().contains("ami"), "a new Amazon Linux release does not replace the NAT");
    }

    @Test
    void natInstanceUserDataFollowsAwsNatAmiOrder() {
        String userData = Plans.stack("dev").one("aws:ec2/instance:Instance").string("userData");
        List<String> steps = List.of("dnf install -y iptables-services", "systemctl enable iptables", "systemctl start iptables",
                "net.ipv4.ip_forward=1", "sysctl -p", "-j MASQUERADE", "iptables -F FORWARD", "service iptables save");
        int previous = -1;
        for (String step : steps) {
            int at = userData.indexOf(step);
            assertTrue(at > previous, () -> "'" + step + "' comes after the previous step in:\n" + userData);
            previous = at;
        }
    }

    @Test
    void serviceWaitsForCapacityProvidersTheDatabaseWriterAndEveryForwardingRule() {
        for (PlannedStack plan : List.of(Plans.stack("prod"), Plans.stack("dev"), Plans.example("edge-waf-autoscaled"))) {
            PlannedResource service = plan.where(r -> r.type().equals("aws:ecs/service:Service") && r.name().endsWith("-proxy")).get(0);
            assertDependsOn(service, plan.where(r -> r.type().equals("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders")
                    && r.name().endsWith("-proxy")).get(0));
            PlannedResource writer = plan.ofType("aws:rds/clusterInstance:ClusterInstance").isEmpty()
                    ? plan.one("aws:rds/instance:Instance")
                    : plan.where(r -> r.type().equals("aws:rds/clusterInstance:ClusterInstance") && r.number("promotionTier") == 0).get(0);
            assertDependsOn(service, writer);
            plan.where(r -> r.type().equals("aws:lb/listenerRule:ListenerRule") && r.name().startsWith(service.name() + "-rule-"))
                    .forEach(rule -> assertDependsOn(service, rule));
        }
        assertFalse(Plans.example("edge-waf-autoscaled").where(r -> r.type().equals("aws:lb/listenerRule:ListenerRule")
                && r.name().contains("-proxy-rule-")).isEmpty(), "edge mode forwards through header rules");
    }
}

package dev.llmgateway.components.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Reachability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionsTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    /** GIVEN proxy tasks, a database and a cache, each with its own group; WHEN the tasks are connected to the cache and, if asked, the database. */
    private static PlannedStack plan(boolean database) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            Connections tasks = group("tasks", "proxy", "proxy tasks");
            Connections db = group("db", "database", "database").withDefaultPort(5432);
            Connections cache = group("cache", "cache", "cache").withDefaultPort(6379);
            if (database) {
                db.allowDefaultPortFrom(tasks, "keys in PostgreSQL");
            }
            tasks.allowTo(cache, 6379, "shared limits in Redis");
        }).orThrow();
    }

    private static Connections group(String name, String peerName, String label) {
        var group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder().vpcId("vpc-1").build());
        return Connections.of(group, name, peerName, label, group.id());
    }

    private static List<String> names(PlannedStack plan, String type) {
        return plan.ofType(type).stream().map(PlannedResource::name).sorted().toList();
    }

    @Test
    void oneCallOpensBothGroupsAndDeclaresTheFlowWhichReachabilityFindsAllowed() {
        PlannedStack plan = plan(true);
        PlannedResource in = plan.named(INGRESS, "db-from-proxy");
        PlannedResource out = plan.named(EGRESS, "tasks-to-database");
        assertEquals(out.string("securityGroupId"), in.string("referencedSecurityGroupId"));
        assertEquals(in.string("securityGroupId"), out.string("referencedSecurityGroupId"));
        assertEquals(5432.0, in.number("fromPort"));
        assertEquals(5432.0, out.number("toPort"));
        PlannedResource flow = plan.named(IntendedFlow.TYPE, "db-from-proxy");
        assertEquals("proxy tasks", flow.string("from"));
        assertEquals("database", flow.string("to"));
        List<Reachability.Verdict> verdicts = Reachability.analyze(plan);
        assertEquals(2, verdicts.size());
        assertTrue(verdicts.stream().allMatch(Reachability.Verdict::allowed), verdicts.toString());
    }

    @Test
    void removingOneAllowFromRemovesBothRulesAndTheFlow() {
        PlannedStack with = plan(true);
        PlannedStack without = plan(false);
        assertEquals(List.of("cache-from-proxy", "db-from-proxy"), names(with, INGRESS));
        assertEquals(List.of("cache-from-proxy"), names(without, INGRESS));
        assertEquals(List.of("tasks-to-cache", "tasks-to-database"), names(with, EGRESS));
        assertEquals(List.of("tasks-to-cache"), names(without, EGRESS));
        assertEquals(List.of("cache-from-proxy"), names(without, IntendedFlow.TYPE));
        assertTrue(Reachability.analyze(without).stream().allMatch(Reachability.Verdict::allowed));
    }

    @Test
    void aPortOtherThanTheDefaultNamesTheRulesAndNamesAreSlugs() {
        PlannedStack plan = OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            Connections lb = group("lb", "lb", "load balancer").withDefaultPort(443);
            Connections vpn = group("vpn", "vpn", "VPN clients");
            lb.allowDefaultPortFrom(vpn, "calls");
            lb.allowFrom(vpn, 80, "redirects");
        }).orThrow();
        assertEquals(List.of("lb-from-vpn", "lb-from-vpn-80"), names(plan, INGRESS));
        assertEquals("cidr-203-0-113-0-24", "cidr-" + Connections.slug("203.0.113.0/24"));
        assertThrows(IllegalArgumentException.class, () -> Connections.of(null, "x", "Proxy Tasks", "x", null));
    }
}

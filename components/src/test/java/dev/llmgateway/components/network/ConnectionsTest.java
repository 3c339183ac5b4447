package dev.llmgateway.components.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedFlow;
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
        return OfflineEngine.plan("p", "t", "us-east-1", ctx -> {
            Connections tasks = group("tasks", "proxy", "proxy tasks");
            Connections db = group("db", "database", "database").withDefaultPort(5432);
            Connections cache = group("cache", "cache", "cache").withDefaultPort(6379);
            if (database) {
                db.allowDefaultPortFrom(tasks, "keys in PostgreSQL");
            }
            tasks.allowTo(cache, 6379, "shared limits in Redis");
            List<Flow> flows = new java.util.ArrayList<>(db.flows());
            flows.addAll(tasks.flows());
            return Declarations.of(flows);
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
        PlannedFlow flow = plan.flows().stream().filter(f -> f.name().equals("db-from-proxy")).findFirst().orElseThrow();
        assertEquals("proxy tasks", flow.from().label());
        assertEquals("database", flow.to().label());
        assertEquals(out.string("securityGroupId"), flow.from().securityGroupId());
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
        assertEquals(List.of("cache-from-proxy"), without.flows().stream().map(PlannedFlow::name).toList());
        assertTrue(Reachability.analyze(without).stream().allMatch(Reachability.Verdict::allowed));
    }

    @Test
    void rangesAndPrefixListsArePeersWithOneSidedRulesNamedAfterThem() {
        PlannedStack plan = OfflineEngine.plan("p", "t", "us-east-1", ctx -> {
            Connections lb = group("lb", "lb", "load balancer").withDefaultPort(443);
            Connections tasks = group("tasks", "proxy", "proxy tasks");
            lb.allowDefaultPortFrom(Peer.ipv4("office", Cidr.of("203.0.113.0/24")), "calls");
            lb.allowDefaultPortFrom(Peer.prefixList("CloudFront", "cloudfront", Output.of("pl-3b927c52")), "origin");
            tasks.allowTo(Peer.anyIpv4(), 443, "providers");
            List<Flow> flows = new java.util.ArrayList<>(lb.flows());
            flows.addAll(tasks.flows());
            return Declarations.of(flows);
        }).orThrow();
        assertEquals(List.of("lb-from-cidr-203-0-113-0-24", "lb-from-prefix-list-cloudfront"), names(plan, INGRESS));
        assertEquals("203.0.113.0/24", plan.named(INGRESS, "lb-from-cidr-203-0-113-0-24").string("cidrIpv4"));
        assertEquals("pl-3b927c52", plan.named(INGRESS, "lb-from-prefix-list-cloudfront").string("prefixListId"));
        assertEquals(List.of("tasks-to-internet-443"), names(plan, EGRESS), "no egress on an address range: it has no group");
        assertEquals("0.0.0.0/0", plan.named(EGRESS, "tasks-to-internet-443").string("cidrIpv4"));
        assertEquals(List.of("lb-from-cidr-203-0-113-0-24", "lb-from-prefix-list-cloudfront", "tasks-to-internet-443"),
                plan.flows().stream().map(PlannedFlow::name).toList());
        assertTrue(Reachability.analyze(plan).stream().allMatch(Reachability.Verdict::allowed),
                "without declared subnets only the groups decide");
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

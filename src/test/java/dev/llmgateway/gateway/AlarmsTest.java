package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each alarm that stands for "the gateway is down" or a single point the stack creates exists in
 * the stacks whose alarm level claims it, with the metric, dimensions and threshold it needs.
 */
class AlarmsTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";

    private static PlannedResource alarm(PlannedStack plan, String name) {
        return alarmNamed(plan, name).orElseThrow(() -> new AssertionError("no alarm " + name + " in " + plan.stack()
                + "; alarms: " + plan.ofType(ALARM).stream().map(a -> a.string("name")).toList()));
    }

    private static Optional<PlannedResource> alarmNamed(PlannedStack plan, String name) {
        return plan.ofType(ALARM).stream().filter(a -> name.equals(a.string("name"))).findFirst();
    }

    private static String metric(PlannedResource alarm) {
        return alarm.string("namespace") + " " + alarm.string("metricName");
    }

    @Test
    void theEssentialLevelAlarmsWhenFewerTargetsThanTheMinimumAreHealthyWithoutContainerInsights() {
        // The committed dev stack has no load balancer; its public-ALB variant has the same alarm level.
        PlannedStack dev = Plans.example("dev-public-alb");

        PlannedResource healthy = alarm(dev, "llm-dev-public-alb-monitoring-healthy-hosts");
        assertEquals("AWS/ApplicationELB HealthyHostCount", metric(healthy));
        assertEquals(1.0, healthy.number("threshold"), "proxyMinTasks of dev");
        assertEquals("breaching", healthy.string("treatMissingData"));
        Map<?, ?> dimensions = (Map<?, ?>) healthy.input("dimensions").orElseThrow();
        assertEquals(Set.of("LoadBalancer", "TargetGroup"), dimensions.keySet());
        assertTrue(alarmNamed(dev, "llm-dev-public-alb-monitoring-running-tasks").isEmpty(), "dev has no Container Insights");
    }

    @Test
    void prodHealthyHostAlarmUsesItsMinimumTaskCount() {
        assertEquals(2.0, alarm(Plans.stack("prod"), "llm-prod-monitoring-healthy-hosts").number("threshold"));
    }

    @Test
    void theDevNatInstanceStatusCheckIsWatched() {
        PlannedStack dev = Plans.stack("dev");

        PlannedResource nat = alarm(dev, "llm-dev-monitoring-nat-status-check");
        assertEquals("AWS/EC2 StatusCheckFailed", metric(nat));
        Map<?, ?> dimensions = (Map<?, ?>) nat.input("dimensions").orElseThrow();
        assertEquals(Set.of("InstanceId"), dimensions.keySet());
        assertTrue(!String.valueOf(dimensions.get("InstanceId")).isBlank());
        assertTrue(alarmNamed(Plans.stack("prod"), "llm-prod-monitoring-nat-status-check").isEmpty(), "prod uses NAT gateways");
    }

    @Test
    void prodCertificateExpiryIsWatched() {
        PlannedResource expiry = alarm(Plans.stack("prod"), "llm-prod-monitoring-alb-certificate-expiry");
        assertEquals("AWS/CertificateManager DaysToExpiry", metric(expiry));
        assertEquals(Map.of("CertificateArn", Stacks.load("prod").get("litellm-gateway:certificateArn").orElseThrow()),
                expiry.input("dimensions").orElseThrow());
        assertEquals(30.0, expiry.number("threshold"));
    }

    @Test
    void theVpnServerCertificateAndTheMetricsServiceAreWatchedWhereTheyExist() {
        PlannedResource vpn = alarm(Plans.example("vpn-private-gateway"), "llm-vpn-private-gateway-monitoring-vpn-server-certificate-expiry");
        assertEquals("AWS/CertificateManager DaysToExpiry", metric(vpn));
        PlannedStack metrics = Plans.example("bedrock-budgets-metrics");
        assertTrue(alarmNamed(metrics, "llm-bedrock-budgets-metrics-monitoring-metrics-healthy-hosts").isEmpty(),
                "the metrics service alarm is FULL level; this example is essential");
        PlannedResource edge = alarm(Plans.example("edge-waf-autoscaled"), "llm-edge-waf-autoscaled-monitoring-healthy-hosts");
        assertEquals("AWS/ApplicationELB HealthyHostCount", metric(edge));
    }

    @Test
    void prodConnectionsAlarmFiresAt80PercentOfMaxConnectionsOnTheWriter() {
        PlannedResource connections = alarm(Plans.stack("prod"), "llm-prod-monitoring-db-connections");
        // Aurora Serverless v2, max 8 ACU: 8 x 2 GiB / 9531392 = 1802 connections; 80% = 1441.
        assertEquals(1441.0, connections.number("threshold"));
        Map<?, ?> dimensions = (Map<?, ?>) connections.input("dimensions").orElseThrow();
        assertEquals("WRITER", dimensions.get("Role"));
    }

    @Test
    void prodDashboardGraphsItsWebAclsBlocks() {
        PlannedStack prod = Plans.stack("prod");
        String body = prod.one("aws:cloudwatch/dashboard:Dashboard").string("dashboardBody");
        String acl = prod.one("aws:wafv2/webAcl:WebAcl").name();
        assertTrue(body.contains("\"AWS/WAFV2\",\"BlockedRequests\",\"WebACL\",\"" + acl), body);
    }

    @Test
    void everyStackPublishesFailedDeploymentsAndFailedTasks() {
        for (PlannedStack plan : List.of(Plans.stack("dev"), Plans.stack("prod"))) {
            String prefix = "llm-" + plan.stack() + "-monitoring-";
            assertTrue(plan.ofType(RULE).stream().map(r -> r.string("name")).toList()
                    .containsAll(List.of(prefix + "deployment-failed", prefix + "task-failed")), plan.stack());
        }
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final String COMPOSITE = "aws:cloudwatch/compositeAlarm:CompositeAlarm";

    /** The metrics an expression alarm reads, as "namespace metric statistic" by id, and its expression. */
    private static Map<String, String> queries(PlannedResource alarm) {
        Map<String, String> found = new java.util.TreeMap<>();
        for (Object q : alarm.list("metricQueries")) {
            Map<?, ?> query = (Map<?, ?>) q;
            if (query.get("expression") != null) {
                found.put("expression", String.valueOf(query.get("expression")));
            } else {
                Map<?, ?> metric = (Map<?, ?>) query.get("metric");
                found.put(String.valueOf(query.get("id")), metric.get("namespace") + " " + metric.get("metricName") + " "
                        + metric.get("stat") + " " + Math.round(((Number) metric.get("period")).doubleValue()));
            }
        }
        return found;
    }

    private static boolean inHours(String stackFileZone, OfficeHoursWindow window, LocalDateTime local) {
        ZoneId zone = ZoneId.of(stackFileZone);
        return window.contains(local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    @Test
    void officeHoursStacksStillPageForADownGatewayInsideTheHoursAndOnlyThen() {
        // Dev: private access (no load balancer), MON-FRI 08:00-18:00 Europe/Berlin.
        PlannedStack dev = Plans.stack("dev");
        PlannedResource down = alarm(dev, "llm-dev-monitoring-down-in-hours");
        assertEquals("AWS/ECS CPUUtilization SampleCount 300", queries(down).get("reports"),
                "every running task reports CPU each minute, without Container Insights");
        assertEquals("LessThanThreshold", down.string("comparisonOperator"));
        assertEquals(1.0, down.number("threshold"));
        assertEquals(String.valueOf(dev.one("aws:sns/topic:Topic").output("arn").orElseThrow()), down.string("alarmActions.0"));

        OfficeHoursWindow window = OfficeHoursWindow.of(officeHours(), UserAlarms.OFFICE_START_GRACE_MINUTES);
        String expression = queries(down).get("expression");
        assertEquals("IF(" + window.condition("FILL(reports,0)") + ",FILL(reports,0),1)", expression);
        // Inside the hours in winter (UTC+1) and summer (UTC+2), after the start grace; outside at night, before the
        // grace, at the weekend.
        assertTrue(inHours("Europe/Berlin", window, LocalDateTime.of(2027, 1, 12, 10, 0)), "a Tuesday morning in January");
        assertTrue(inHours("Europe/Berlin", window, LocalDateTime.of(2027, 7, 13, 17, 30)), "a Tuesday afternoon in July");
        assertFalse(inHours("Europe/Berlin", window, LocalDateTime.of(2027, 1, 12, 8, 10)), "tasks are still starting");
        assertFalse(inHours("Europe/Berlin", window, LocalDateTime.of(2027, 1, 12, 21, 0)), "evening");
        assertFalse(inHours("Europe/Berlin", window, LocalDateTime.of(2027, 7, 17, 11, 0)), "Saturday");
        assertTrue(window.days().stream().allMatch(i -> i.firstDay() >= 1 && i.lastDay() <= 5), window.describe());
    }

    private static dev.llmgateway.gateway.settings.OfficeHoursSettings officeHours() {
        return dev.llmgateway.gateway.settings.StackSettings.read(Stacks.load("dev")).officeHours().orElseThrow();
    }

    @Test
    void anOfficeHoursGatewayBehindALoadBalancerPagesOnMissingHealthyTargetsInsteadOfAThresholdOfZero() {
        PlannedStack plan = Plans.of(Stacks.example("dev-public-alb").with(Map.of(
                "officeHours", "08:00-18:00", "officeTimeZone", "Europe/Berlin")));
        String prefix = "llm-dev-public-alb-monitoring-";
        PlannedResource down = alarm(plan, prefix + "down-in-hours");
        assertEquals("AWS/ApplicationELB HealthyHostCount Minimum 300", queries(down).get("healthy"));
        assertEquals(1.0, down.number("threshold"), "proxyMinTasks");
        assertEquals("breaching", down.string("treatMissingData"));
        assertTrue(alarmNamed(plan, prefix + "healthy-hosts").isEmpty(), "a healthy-host alarm below 0 could never fire");
    }

    @Test
    void prodPagesWhenMostAnswersFailAlsoWith4xx() {
        PlannedResource failed = alarm(Plans.stack("prod"), "llm-prod-monitoring-failed-answers");
        Map<String, String> q = queries(failed);
        assertEquals("AWS/ApplicationELB HTTPCode_Target_4XX_Count Sum 300", q.get("target4xx"));
        assertEquals("AWS/ApplicationELB HTTPCode_ELB_5XX_Count Sum 300", q.get("elb5xx"));
        assertEquals("IF((FILL(requests,0)+FILL(elb5xx,0))>=30,(FILL(target4xx,0)+FILL(target5xx,0)+FILL(elb5xx,0))"
                + "/(FILL(requests,0)+FILL(elb5xx,0)),0)", q.get("expression"));
        assertEquals(UserAlarms.FAILED_SHARE, failed.number("threshold"));
        assertEquals(3.0, failed.number("evaluationPeriods"), "a quarter of an hour");
        assertEquals(3.0, failed.number("datapointsToAlarm"));
    }

    @Test
    void prodBurnRateAlarmsPageThroughOneCompositeForTheConfiguredObjective() {
        PlannedStack prod = Plans.stack("prod");
        String prefix = "llm-prod-monitoring-availability-burn-";
        Map<String, Double> windows = Map.of("1h", 3600.0, "5m", 300.0, "6h", 21600.0, "30m", 1800.0);
        Map<String, Double> burns = Map.of("1h", 14.4, "5m", 14.4, "6h", 6.0, "30m", 6.0);
        windows.forEach((window, seconds) -> {
            PlannedResource part = alarm(prod, prefix + window);
            assertEquals(burns.get(window) * 0.001, part.number("threshold"), 1e-9, window);
            assertTrue(queries(part).get("target5xx").endsWith(" " + seconds.intValue()), window + ": the period is the window");
            assertTrue(part.input("alarmActions").isEmpty() || part.list("alarmActions").isEmpty(),
                    "the parts stay silent; the composite pages");
        });
        PlannedResource composite = prod.one(COMPOSITE);
        assertEquals("llm-prod-monitoring-availability-burn-rate", composite.string("alarmName"));
        assertEquals("(ALARM(\"" + prefix + "1h\") AND ALARM(\"" + prefix + "5m\")) OR (ALARM(\"" + prefix
                + "6h\") AND ALARM(\"" + prefix + "30m\"))", composite.string("alarmRule"));
        assertEquals(String.valueOf(prod.one("aws:sns/topic:Topic").output("arn").orElseThrow()),
                composite.string("alarmActions.0"));

        PlannedStack looser = Plans.of(Stacks.load("prod").with(Map.of("availabilityObjective", "99.5")));
        assertEquals(14.4 * 0.005, alarm(looser, prefix + "1h").number("threshold"), 1e-9);
    }

    @Test
    void failedOneOffTasksReachTheTopicButSuccessfulOnesDoNot() {
        PlannedStack prod = Plans.stack("prod");
        var gson = com.google.gson.JsonParser.parseString(
                prod.named(RULE, "llm-prod-monitoring-one-off-task-failed").string("eventPattern")).getAsJsonObject();
        var detail = gson.getAsJsonObject("detail");
        assertEquals("[\"family:llm-prod-bootstrap\",\"family:llm-prod-migrate\"]", detail.get("group").toString());
        assertEquals("[{\"stopCode\":[\"TaskFailedToStart\"]},{\"containers\":{\"exitCode\":[{\"anything-but\":0}]}}]",
                detail.get("$or").toString(), "a one-off task that exits 0 is a success");
        var services = com.google.gson.JsonParser.parseString(
                prod.named(RULE, "llm-prod-monitoring-task-failed").string("eventPattern")).getAsJsonObject();
        assertEquals("[{\"prefix\":\"service:\"}]", services.getAsJsonObject("detail").get("group").toString(),
                "a one-off task stops with EssentialContainerExited when it succeeds: the service rule leaves them out");
    }

    @Test
    void everyAlarmAStackCanHaveHasItsRowInTheRunbook() throws java.io.IOException {
        String runbook = java.nio.file.Files.readString(java.nio.file.Path.of("docs/runbooks.md"));
        List<PlannedStack> plans = List.of(Plans.stack("dev"), Plans.stack("prod"), Plans.example("dev-public-alb"),
                Plans.example("vpn-private-gateway"), Plans.example("bedrock-budgets-metrics"));
        List<String> missing = plans.stream().flatMap(plan -> {
            String prefix = "llm-" + plan.stack() + "-monitoring-";
            return java.util.stream.Stream.concat(plan.ofType(ALARM).stream().map(a -> a.string("name")),
                            plan.ofType(COMPOSITE).stream().map(a -> a.string("alarmName")))
                    .map(name -> name.substring(prefix.length()))
                    .filter(suffix -> !runbook.contains("`" + suffix + "`"));
        }).distinct().toList();
        assertEquals(List.of(), missing, "alarms without a row in docs/runbooks.md (\"Read the dashboard and alarms\")");
    }
}

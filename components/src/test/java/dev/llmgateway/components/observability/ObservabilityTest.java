package dev.llmgateway.components.observability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservabilityTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String TOPIC = "aws:sns/topic:Topic";
    private static final String TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
    private static final String SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/obs-key-id";
    private static final String LB = "app/gw-alb/50dc6c495c0c9188";
    private static final String TG = "targetgroup/gw-tg/73e2d6bc24d8a067";
    private static final String CLUSTER_ARN = "arn:aws:ecs:eu-west-1:123456789012:cluster/gw-cluster";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    private static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    private static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * GIVEN a serverless-Aurora service in eu-west-1, adjusted by {@code customize}, WHEN planned;
     * the component's getters are exported as stack outputs.
     */
    private static PlannedStack plan(Consumer<ObservabilityArgsBuilder> customize) {
        return plan(customize, true);
    }

    /**
     * The same, for a program that must fail after the component is constructed (an input Output
     * fails): nothing is exported, because an export that depends on the failed Output fails too and
     * whether the engine still records it races with the failure (the test flaked in 2 of 3 runs).
     */
    private static PlannedStack failingPlan(Consumer<ObservabilityArgsBuilder> customize) {
        return plan(customize, false);
    }

    private static PlannedStack plan(Consumer<ObservabilityArgsBuilder> customize, boolean exports) {
        return OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            ObservabilityArgsBuilder args = minimalArgs();
            customize.accept(args);
            Observability observability = new Observability("gw", args.build(), null);
            if (!exports) {
                return;
            }
            ctx.export("topicArn", observability.topicArn());
            ctx.export("alarmNames", observability.alarmNames());
            observability.dashboardName().ifPresent(name -> ctx.export("dashboardName", name));
        });
    }

    private static Map<String, PlannedResource> alarmsByName(PlannedStack plan) {
        return plan.ofType(ALARM).stream()
                .collect(Collectors.toMap(a -> a.string("name"), Function.identity()));
    }

    private static Map<String, String> metricsByAlarm(PlannedStack plan) {
        return plan.ofType(ALARM).stream()
                .collect(Collectors.toMap(a -> a.string("name"), a -> a.string("namespace") + " " + a.string("metricName")));
    }

    @Test
    void essentialLevelAlarmsOnlyOnOutageSignals() {
        PlannedStack plan = plan(b -> b.level(AlarmLevel.ESSENTIAL)).orThrow();

        assertEquals(Map.of(
                "gw-healthy-hosts", "AWS/ApplicationELB HealthyHostCount",
                "gw-running-tasks", "ECS/ContainerInsights RunningTaskCount",
                "gw-unhealthy-hosts", "AWS/ApplicationELB UnHealthyHostCount",
                "gw-alb-5xx", "AWS/ApplicationELB HTTPCode_ELB_5XX_Count",
                "gw-db-cpu", "AWS/RDS CPUUtilization"), metricsByAlarm(plan));
    }

    @Test
    void withoutContainerInsightsTheRunningTaskAlarmIsLeftOutInsteadOfAlwaysFiring() {
        PlannedStack plan = plan(b -> b.level(AlarmLevel.ESSENTIAL).containerInsights(false)).orThrow();

        assertEquals(Map.of(
                "gw-healthy-hosts", "AWS/ApplicationELB HealthyHostCount",
                "gw-unhealthy-hosts", "AWS/ApplicationELB UnHealthyHostCount",
                "gw-alb-5xx", "AWS/ApplicationELB HTTPCode_ELB_5XX_Count",
                "gw-db-cpu", "AWS/RDS CPUUtilization"), metricsByAlarm(plan));
    }

    @Test
    void fullLevelForAuroraServerlessAddsLoadLatencyAndCapacityAlarmsButNoStorageAlarm() {
        PlannedStack plan = plan(b -> { }).orThrow();

        assertEquals(Map.ofEntries(
                Map.entry("gw-healthy-hosts", "AWS/ApplicationELB HealthyHostCount"),
                Map.entry("gw-running-tasks", "ECS/ContainerInsights RunningTaskCount"),
                Map.entry("gw-unhealthy-hosts", "AWS/ApplicationELB UnHealthyHostCount"),
                Map.entry("gw-alb-5xx", "AWS/ApplicationELB HTTPCode_ELB_5XX_Count"),
                Map.entry("gw-db-cpu", "AWS/RDS CPUUtilization"),
                Map.entry("gw-ecs-cpu", "AWS/ECS CPUUtilization"),
                Map.entry("gw-ecs-memory", "AWS/ECS MemoryUtilization"),
                Map.entry("gw-target-5xx", "AWS/ApplicationELB HTTPCode_Target_5XX_Count"),
                Map.entry("gw-p95-latency", "AWS/ApplicationELB TargetResponseTime"),
                Map.entry("gw-db-connections", "AWS/RDS DatabaseConnections"),
                Map.entry("gw-db-freeable-memory", "AWS/RDS FreeableMemory"),
                Map.entry("gw-db-acu-utilization", "AWS/RDS ACUUtilization")), metricsByAlarm(plan));
    }

    @Test
    void rdsInstanceGetsAFreeStorageAlarmAndNoAcuAlarm() {
        PlannedStack plan = plan(b -> b.databaseKind(DatabaseKind.RDS_INSTANCE)
                .databaseDimensions(Output.of(Map.of("DBInstanceIdentifier", "gw-db-instance")))).orThrow();

        Map<String, PlannedResource> alarms = alarmsByName(plan);
        PlannedResource storage = alarms.get("gw-db-free-storage");
        assertEquals("FreeStorageSpace", storage.string("metricName"));
        assertEquals("LessThanThreshold", storage.string("comparisonOperator"));
        assertEquals(5 * GIB, storage.number("threshold"));
        assertEquals(Map.of("DBInstanceIdentifier", "gw-db-instance"), storage.input("dimensions").orElseThrow());
        assertFalse(alarms.containsKey("gw-db-acu-utilization"));
        assertEquals(12, alarms.size());
        assertEquals(Map.of("DBInstanceIdentifier", "gw-db-instance"), alarms.get("gw-db-cpu").input("dimensions").orElseThrow(),
                "an RDS instance is its own writer");
    }

    @Test
    void provisionedAuroraGetsNeitherStorageNorAcuAlarm() {
        PlannedStack plan = plan(b -> b.databaseKind(DatabaseKind.AURORA_PROVISIONED)).orThrow();

        Set<String> metrics = plan.ofType(ALARM).stream().map(a -> a.string("metricName")).collect(Collectors.toSet());
        assertFalse(metrics.contains("FreeStorageSpace"));
        assertFalse(metrics.contains("ACUUtilization"));
        assertEquals(11, plan.ofType(ALARM).size());
    }

    @Test
    void defaultThresholdsAreTheDocumentedOnes() {
        Map<String, PlannedResource> alarms = alarmsByName(plan(b -> { }).orThrow());

        Map<String, Double> expected = Map.ofEntries(
                Map.entry("gw-healthy-hosts", 1.0),
                Map.entry("gw-running-tasks", 1.0), Map.entry("gw-unhealthy-hosts", 1.0),
                Map.entry("gw-alb-5xx", 10.0), Map.entry("gw-db-cpu", 80.0), Map.entry("gw-ecs-cpu", 85.0),
                Map.entry("gw-ecs-memory", 90.0), Map.entry("gw-target-5xx", 10.0), Map.entry("gw-p95-latency", 30.0),
                Map.entry("gw-db-connections", 80.0), Map.entry("gw-db-freeable-memory", 256.0 * 1024 * 1024),
                Map.entry("gw-db-acu-utilization", 90.0));
        expected.forEach((name, threshold) -> assertEquals(threshold, alarms.get(name).number("threshold"), name));
        alarms.values().forEach(a -> {
            assertEquals(300.0, a.number("period"), a.name());
            assertEquals(3.0, a.number("evaluationPeriods"), a.name());
        });
    }

    @Test
    void thresholdsFromArgsReachTheAlarms() {
        AlarmThresholds custom = AlarmThresholds.builder()
                .ecsCpuPercent(70).ecsMemoryPercent(75).alb5xxPer5Min(3).target5xxPer5Min(4).unhealthyHosts(2)
                .p95LatencySeconds(45).dbCpuPercent(65).dbConnections(150).dbFreeableMemoryBytes(512L * 1024 * 1024)
                .dbAcuUtilizationPercent(75).evaluationPeriods(2).build();
        Map<String, PlannedResource> alarms = alarmsByName(plan(b -> b.thresholds(custom).minTasks(2)).orThrow());

        Map<String, Double> expected = Map.ofEntries(
                Map.entry("gw-healthy-hosts", 2.0),
                Map.entry("gw-running-tasks", 2.0), Map.entry("gw-unhealthy-hosts", 2.0),
                Map.entry("gw-alb-5xx", 3.0), Map.entry("gw-db-cpu", 65.0), Map.entry("gw-ecs-cpu", 70.0),
                Map.entry("gw-ecs-memory", 75.0), Map.entry("gw-target-5xx", 4.0), Map.entry("gw-p95-latency", 45.0),
                Map.entry("gw-db-connections", 150.0), Map.entry("gw-db-freeable-memory", 512.0 * 1024 * 1024),
                Map.entry("gw-db-acu-utilization", 75.0));
        expected.forEach((name, threshold) -> assertEquals(threshold, alarms.get(name).number("threshold"), name));
        alarms.values().forEach(a -> assertEquals(2.0, a.number("evaluationPeriods"), a.name()));
    }

    @Test
    void latencyAlarmUsesTheP95ExtendedStatisticAndOthersAPlainStatistic() {
        Map<String, PlannedResource> alarms = alarmsByName(plan(b -> { }).orThrow());

        PlannedResource latency = alarms.get("gw-p95-latency");
        assertEquals("p95", latency.string("extendedStatistic"));
        assertTrue(latency.input("statistic").isEmpty());
        assertEquals("Sum", alarms.get("gw-alb-5xx").string("statistic"));
        assertEquals("Minimum", alarms.get("gw-running-tasks").string("statistic"));
        alarms.values().stream().filter(a -> a != latency)
                .forEach(a -> assertTrue(a.input("extendedStatistic").isEmpty(), a.name()));
    }

    @Test
    void onlyTheRunningTaskAndHealthyHostAlarmsTreatMissingDataAsBreaching() {
        Map<String, PlannedResource> alarms = alarmsByName(plan(b -> { }).orThrow());

        for (String silenceMeansDown : List.of("gw-running-tasks", "gw-healthy-hosts")) {
            PlannedResource alarm = alarms.remove(silenceMeansDown);
            assertEquals("breaching", alarm.string("treatMissingData"), silenceMeansDown);
            assertEquals("LessThanThreshold", alarm.string("comparisonOperator"), silenceMeansDown);
        }
        alarms.values().forEach(a -> assertEquals("notBreaching", a.string("treatMissingData"), a.name()));
    }

    @Test
    void everyAlarmNotifiesTheTopicOnAlarmAndOnRecovery() {
        PlannedStack plan = plan(b -> { }).orThrow();

        String topicArn = String.valueOf(plan.one(TOPIC).output("arn").orElseThrow());
        assertFalse(plan.ofType(ALARM).isEmpty());
        plan.ofType(ALARM).forEach(a -> {
            assertEquals(List.of(topicArn), a.list("alarmActions"), a.name());
            assertEquals(List.of(topicArn), a.list("okActions"), a.name());
        });
    }

    @Test
    void alarmDimensionsNameTheWatchedServiceLoadBalancerTargetGroupAndDatabase() {
        Map<String, PlannedResource> alarms = alarmsByName(plan(b -> { }).orThrow());

        Map<String, String> service = Map.of("ClusterName", "gw-cluster", "ServiceName", "gw-proxy");
        Map<String, String> targetGroup = Map.of("LoadBalancer", LB, "TargetGroup", TG);
        assertEquals(service, alarms.get("gw-running-tasks").input("dimensions").orElseThrow());
        assertEquals(service, alarms.get("gw-ecs-cpu").input("dimensions").orElseThrow());
        assertEquals(Map.of("LoadBalancer", LB), alarms.get("gw-alb-5xx").input("dimensions").orElseThrow());
        assertEquals(targetGroup, alarms.get("gw-unhealthy-hosts").input("dimensions").orElseThrow());
        assertEquals(targetGroup, alarms.get("gw-p95-latency").input("dimensions").orElseThrow());
        Map<String, String> writer = Map.of("DBClusterIdentifier", "gw-db", "Role", "WRITER");
        assertEquals(writer, alarms.get("gw-db-cpu").input("dimensions").orElseThrow());
        assertEquals(writer, alarms.get("gw-db-connections").input("dimensions").orElseThrow());
        assertEquals(writer, alarms.get("gw-db-freeable-memory").input("dimensions").orElseThrow());
        assertEquals(Map.of("DBClusterIdentifier", "gw-db"), alarms.get("gw-db-acu-utilization").input("dimensions").orElseThrow(),
                "capacity is read for the cluster");
        assertEquals(targetGroup, alarms.get("gw-healthy-hosts").input("dimensions").orElseThrow());
    }

    @Test
    void natInstanceCertificatesAndFurtherServicesGetTheirOwnAlarms() {
        PlannedStack plan = plan(b -> b.instances(Map.of("nat", Output.of("i-0nat")))
                .certificates(Map.of("alb", Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/alb"),
                        "vpn-server", Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/vpn")))
                .targetGroups(Map.of("metrics", Output.of("targetgroup/gw-grafana/1")))).orThrow();
        Map<String, PlannedResource> alarms = alarmsByName(plan);

        PlannedResource nat = alarms.get("gw-nat-status-check");
        assertEquals("AWS/EC2 StatusCheckFailed", nat.string("namespace") + " " + nat.string("metricName"));
        assertEquals(Map.of("InstanceId", "i-0nat"), nat.input("dimensions").orElseThrow());
        assertEquals("GreaterThanOrEqualToThreshold", nat.string("comparisonOperator"));
        assertEquals(1.0, nat.number("threshold"));
        assertEquals("breaching", nat.string("treatMissingData"), "a stopped NAT instance reports nothing");
        for (String label : List.of("alb", "vpn-server")) {
            PlannedResource expiry = alarms.get("gw-" + label + "-certificate-expiry");
            assertEquals("AWS/CertificateManager DaysToExpiry", expiry.string("namespace") + " " + expiry.string("metricName"));
            assertEquals(Map.of("CertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/"
                    + (label.equals("alb") ? "alb" : "vpn")), expiry.input("dimensions").orElseThrow());
            assertEquals("LessThanThreshold", expiry.string("comparisonOperator"));
            assertEquals(30.0, expiry.number("threshold"));
            assertEquals(86400.0, expiry.number("period"), "ACM publishes DaysToExpiry once a day");
            assertEquals(1.0, expiry.number("evaluationPeriods"));
        }
        PlannedResource metrics = alarms.get("gw-metrics-healthy-hosts");
        assertEquals(Map.of("LoadBalancer", LB, "TargetGroup", "targetgroup/gw-grafana/1"), metrics.input("dimensions").orElseThrow());
        assertEquals(1.0, metrics.number("threshold"));
    }

    @Test
    void essentialLevelKeepsTheSinglePointAlarmsButNotTheMetricsService() {
        Set<String> names = alarmsByName(plan(b -> b.level(AlarmLevel.ESSENTIAL).instances(Map.of("nat", Output.of("i-0nat")))
                .certificates(Map.of("alb", Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/alb")))
                .targetGroups(Map.of("metrics", Output.of("targetgroup/gw-grafana/1")))).orThrow()).keySet();

        assertTrue(names.containsAll(List.of("gw-nat-status-check", "gw-alb-certificate-expiry", "gw-healthy-hosts")), names.toString());
        assertFalse(names.contains("gw-metrics-healthy-hosts"));
    }

    @Test
    void labelledAlarmsFollowLabelOrderWhateverOrderTheyAreGivenIn() {
        Map<String, Output<String>> certificates = new LinkedHashMap<>();
        certificates.put("vpn-server", Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/vpn"));
        certificates.put("alb", Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/alb"));

        List<?> names = (List<?>) plan(b -> b.level(AlarmLevel.ESSENTIAL).dashboard(false).certificates(certificates))
                .orThrow().outputs().get("alarmNames");
        assertEquals(List.of("gw-alb-certificate-expiry", "gw-vpn-server-certificate-expiry"),
                names.subList(names.size() - 2, names.size()));
    }

    @Test
    void aLabelThatCannotNameAnAlarmIsRejectedNamingIt() {
        Throwable error = programError(plan(b -> b.instances(Map.of("NAT", Output.of("i-0nat")))));

        assertTrue(error.getMessage().startsWith("label: 'NAT' must be 1 to 31 lower-case letters"), error.getMessage());
    }

    @Test
    void alarmTopicIsEncryptedWithTheCustomerKeyAndOnlyThisComponentsAlarmsMayPublish() {
        PlannedStack plan = plan(b -> { }).orThrow();

        assertEquals(KEY_ARN, plan.one(TOPIC).string("kmsMasterKeyId"));
        JsonObject statement = JsonParser.parseString(plan.one(TOPIC_POLICY).string("policy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("cloudwatch.amazonaws.com", statement.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("sns:Publish", statement.getAsJsonArray("Action").get(0).getAsString());
        JsonObject condition = statement.getAsJsonObject("Condition");
        assertEquals("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:gw-*",
                condition.getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString());
        assertEquals("123456789012", condition.getAsJsonObject("StringEquals").get("aws:SourceAccount").getAsString());
    }

    @Test
    void theKeyCreatedBeforeTheComponentLetsItsAlarmsAndEventBridgeUseItOnceSealed() {
        PlannedStack plan = OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            var key = new EncryptionKey("gw", EncryptionKeyArgs.builder().accountId(Output.of("123456789012"))
                    .region("eu-west-1").deferPolicy(true).build(), null);
            var observability = new Observability("gw", minimalArgs().kmsKeyArn(key.arn()).build(), null);
            key.allow(observability.keyPolicyStatements());
            key.seal();
        }).orThrow();
        JsonArray statements = JsonParser.parseString(plan.one("aws:kms/key:Key").string("policy")).getAsJsonObject()
                .getAsJsonArray("Statement");
        JsonObject alarms = statement(statements, "CloudWatchAlarmsUseKey");
        assertEquals("cloudwatch.amazonaws.com", alarms.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:gw-*",
                alarms.getAsJsonObject("Condition").getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString());
        assertEquals("events.amazonaws.com", statement(statements, "EventBridgeRulesUseKey").getAsJsonObject("Principal")
                .get("Service").getAsString());
    }

    @Test
    void callersAddAlarmsThatNotifyTheTopicAndRespectTheLevel() {
        PlannedStack plan = OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            var observability = new Observability("gw", minimalArgs().level(AlarmLevel.ESSENTIAL).build(), null);
            observability.addAlarm(AlarmSpec.of("alb-4xx", "clients get more than 100 4xx answers in 5 minutes",
                    MetricSource.LOAD_BALANCER, "AWS/ApplicationELB", "HTTPCode_ELB_4XX_Count", "Sum",
                    AlarmSpec.Comparison.ABOVE, 100, AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.ESSENTIAL));
            observability.addAlarm(AlarmSpec.of("waf-blocked", "WAF blocks more than 1000 requests in 5 minutes",
                    MetricSource.CUSTOM, "AWS/WAFV2", "BlockedRequests", "Sum", AlarmSpec.Comparison.ABOVE, 1000,
                    AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.ESSENTIAL), Output.of(Map.of("WebACL", "gw-waf")));
            observability.addAlarm(AlarmSpec.of("only-in-full", "never in an essential stack", MetricSource.ECS_SERVICE,
                    "AWS/ECS", "CPUUtilization", "Average", AlarmSpec.Comparison.ABOVE, 99,
                    AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.FULL));
        }).orThrow();
        PlannedResource fourxx = plan.named(ALARM, "gw-alb-4xx");
        assertEquals(LB, fourxx.string("dimensions.LoadBalancer"), "dimensions of a known source come from the component");
        assertEquals(String.valueOf(plan.one(TOPIC).output("arn").orElseThrow()), fourxx.string("alarmActions.0"));
        assertEquals("gw-waf", plan.named(ALARM, "gw-waf-blocked").string("dimensions.WebACL"));
        assertTrue(plan.ofType(ALARM).stream().noneMatch(a -> a.name().equals("gw-only-in-full")));
        assertThrows(IllegalArgumentException.class, () -> AlarmSpec.of("Not A Slug", "x", MetricSource.CUSTOM, "n", "m",
                "Sum", AlarmSpec.Comparison.ABOVE, 1, AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.FULL));
    }

    private static ObservabilityArgsBuilder minimalArgs() {
        return ObservabilityArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .clusterName(Output.of("gw-cluster"))
                .clusterArn(Output.of(CLUSTER_ARN))
                .serviceName(Output.of("gw-proxy"))
                .loadBalancerArnSuffix(Optional.of(Output.of(LB)))
                .targetGroupArnSuffix(Optional.of(Output.of(TG)))
                .databaseDimensions(Output.of(Map.of("DBClusterIdentifier", "gw-db")))
                .databaseKind(DatabaseKind.AURORA_SERVERLESS)
                .region("eu-west-1");
    }

    private static JsonObject statement(JsonArray statements, String sid) {
        for (var element : statements) {
            if (element.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + statements);
    }

    @Test
    void failedDeploymentsAndFailedTasksOfTheClusterReachTheTopic() {
        PlannedStack plan = plan(b -> { }).orThrow();

        String topicArn = String.valueOf(plan.one(TOPIC).output("arn").orElseThrow());
        JsonObject deployment = JsonParser.parseString(plan.named(RULE, "gw-deployment-failed").string("eventPattern")).getAsJsonObject();
        assertEquals("ECS Deployment State Change", deployment.getAsJsonArray("detail-type").get(0).getAsString());
        assertEquals("SERVICE_DEPLOYMENT_FAILED",
                deployment.getAsJsonObject("detail").getAsJsonArray("eventName").get(0).getAsString());
        assertEquals("arn:aws:ecs:eu-west-1:123456789012:service/gw-cluster/",
                deployment.getAsJsonArray("resources").get(0).getAsJsonObject().get("prefix").getAsString());
        JsonObject task = JsonParser.parseString(plan.named(RULE, "gw-task-failed").string("eventPattern")).getAsJsonObject();
        JsonObject detail = task.getAsJsonObject("detail");
        assertEquals("ECS Task State Change", task.getAsJsonArray("detail-type").get(0).getAsString());
        assertEquals(CLUSTER_ARN, detail.getAsJsonArray("clusterArn").get(0).getAsString());
        assertEquals("STOPPED", detail.getAsJsonArray("lastStatus").get(0).getAsString());
        Set<String> stopCodes = new HashSet<>();
        detail.getAsJsonArray("stopCode").forEach(code -> stopCodes.add(code.getAsString()));
        assertEquals(Set.of("TaskFailedToStart", "EssentialContainerExited"), stopCodes,
                "scale-in, deployments and Spot reclaims are normal and stay quiet");
        assertEquals(2, plan.ofType(TARGET).size());
        plan.ofType(TARGET).forEach(t -> assertEquals(topicArn, t.string("arn"), t.name()));
        assertEquals(Set.of("gw-deployment-failed", "gw-task-failed"),
                plan.ofType(TARGET).stream().map(t -> t.string("rule")).collect(Collectors.toSet()));
    }

    @Test
    void onlyThisComponentsEventBridgeRulesMayPublishToTheTopic() {
        PlannedStack plan = OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            var observability = new Observability("gw", minimalArgs().build(), null);
            observability.addEventRule("one-off-task-failed", "a one-off task failed",
                    Output.of(EcsEventPatterns.oneOffTaskFailed(CLUSTER_ARN, List.of("gw-migrate"))));
        }).orThrow();

        JsonObject statement = JsonParser.parseString(plan.one(TOPIC_POLICY).string("policy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertEquals("events.amazonaws.com", statement.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("123456789012", statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:SourceAccount").getAsString());
        // Rules named after this component, also those a caller adds: the built-in two and the one added above.
        String allowed = statement.getAsJsonObject("Condition").getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString();
        assertEquals("arn:aws:events:eu-west-1:123456789012:rule/gw-*", allowed);
        assertEquals(Set.of("gw-deployment-failed", "gw-task-failed", "gw-one-off-task-failed"),
                plan.ofType(RULE).stream().map(r -> r.string("name")).collect(Collectors.toSet()));
        String topicArn = String.valueOf(plan.one(TOPIC).output("arn").orElseThrow());
        assertEquals(topicArn, plan.named(TARGET, "gw-one-off-task-failed").string("arn"));
    }

    @Test
    void callersAddExpressionAlarmsWhoseMetricsTakeTheWatchedDimensionsAndCompositesOverSilentParts() {
        PlannedStack plan = OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            var observability = new Observability("gw", minimalArgs().level(AlarmLevel.ESSENTIAL).build(), null);
            Map<String, MathAlarmSpec.Metric> metrics = new LinkedHashMap<>();
            metrics.put("errors", new MathAlarmSpec.Metric(MetricSource.TARGET_GROUP, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum"));
            metrics.put("requests", new MathAlarmSpec.Metric(MetricSource.LOAD_BALANCER, "AWS/ApplicationELB", "RequestCount", "Sum"));
            var part = observability.addAlarm(MathAlarmSpec.of("error-rate", "errors exceed 1 %", "errors/requests", metrics,
                    AlarmSpec.Comparison.ABOVE, 0.01, AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.ESSENTIAL, 3600, 1, 1)
                    .silent()).orElseThrow();
            observability.addCompositeAlarm("burn", "errors burn", AlarmLevel.ESSENTIAL,
                    "ALARM(\"" + observability.alarmName("error-rate") + "\")", List.of(part));
            assertTrue(observability.addAlarm(MathAlarmSpec.of("full-only", "never in an essential stack", "errors", metrics,
                    AlarmSpec.Comparison.ABOVE, 1, AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.FULL, 300, 1, 1)).isEmpty());
        }).orThrow();

        PlannedResource rate = plan.named(ALARM, "gw-error-rate");
        List<?> queries = rate.list("metricQueries");
        Map<?, ?> expression = (Map<?, ?>) queries.get(0);
        assertEquals("errors/requests", expression.get("expression"));
        assertEquals(true, expression.get("returnData"));
        Map<?, ?> errors = (Map<?, ?>) ((Map<?, ?>) queries.get(1)).get("metric");
        assertEquals(Map.of("LoadBalancer", LB, "TargetGroup", TG), errors.get("dimensions"));
        assertEquals(3600.0, ((Number) errors.get("period")).doubleValue());
        Map<?, ?> requests = (Map<?, ?>) ((Map<?, ?>) queries.get(2)).get("metric");
        assertEquals(Map.of("LoadBalancer", LB), requests.get("dimensions"));
        assertTrue(rate.input("alarmActions").isEmpty(), "a silent part notifies nobody");
        PlannedResource burn = plan.one("aws:cloudwatch/compositeAlarm:CompositeAlarm");
        assertEquals("ALARM(\"gw-error-rate\")", burn.string("alarmRule"));
        assertEquals(String.valueOf(plan.one(TOPIC).output("arn").orElseThrow()), burn.string("alarmActions.0"));
        assertTrue(plan.ofType(ALARM).stream().noneMatch(a -> a.name().equals("gw-full-only")));
        assertThrows(IllegalArgumentException.class, () -> MathAlarmSpec.of("too-long", "x", "m", Map.of(),
                AlarmSpec.Comparison.ABOVE, 1, AlarmSpec.MissingData.NOT_BREACHING, AlarmLevel.FULL, 21600, 5, 1),
                "CloudWatch looks back at most a day");
    }

    @Test
    void eachAlarmEmailGetsItsOwnSubscriptionToTheTopic() {
        PlannedStack plan = plan(b -> b.alarmEmails(List.of("ops@example.com", "Oncall+llm@example.org"))).orThrow();

        String topicArn = String.valueOf(plan.one(TOPIC).output("arn").orElseThrow());
        List<PlannedResource> subscriptions = plan.ofType(SUBSCRIPTION);
        assertEquals(Set.of("ops@example.com", "Oncall+llm@example.org"),
                subscriptions.stream().map(s -> s.string("endpoint")).collect(Collectors.toSet()));
        subscriptions.forEach(s -> {
            assertEquals("email", s.string("protocol"));
            assertEquals(topicArn, s.string("topic"));
        });
    }

    @Test
    void noAlarmEmailsMeansNoSubscriptions() {
        assertTrue(plan(b -> { }).orThrow().ofType(SUBSCRIPTION).isEmpty());
    }

    @Test
    void invalidAlarmEmailIsRejectedNamingTheFieldAndValue() {
        PlannedStack plan = plan(b -> b.alarmEmails(List.of("ops@example.com", "not-an-address")));

        Throwable error = programError(plan);
        assertTrue(error.getMessage().contains("alarmEmails"), error.getMessage());
        assertTrue(error.getMessage().contains("'not-an-address'"), error.getMessage());
        assertTrue(plan.ofType(TOPIC).isEmpty(), "nothing is created from invalid args");
    }

    @Test
    void missingRequiredArgumentIsNamed() {
        PlannedStack plan = plan(b -> b.targetGroupArnSuffix(Optional.empty()));

        Throwable error = programError(plan);
        assertTrue(error.getMessage().contains("targetGroupArnSuffix"), error.getMessage());
    }

    @Test
    void dashboardJsonParsesAndGraphsTheWatchedResources() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource dashboard = plan.one(DASHBOARD);
        assertEquals("gw-eu-west-1", dashboard.string("dashboardName"));
        JsonArray widgets = JsonParser.parseString(dashboard.string("dashboardBody")).getAsJsonObject()
                .getAsJsonArray("widgets");
        List<JsonArray> lines = new ArrayList<>();
        for (JsonElement widget : widgets) {
            JsonObject properties = widget.getAsJsonObject().getAsJsonObject("properties");
            if ("metric".equals(widget.getAsJsonObject().get("type").getAsString())) {
                assertEquals("eu-west-1", properties.get("region").getAsString());
                properties.getAsJsonArray("metrics").forEach(line -> lines.add(line.getAsJsonArray()));
            }
        }
        assertTrue(hasLine(lines, "ECS/ContainerInsights", "RunningTaskCount", "ClusterName", "gw-cluster", "ServiceName", "gw-proxy"));
        assertTrue(hasLine(lines, "AWS/ECS", "MemoryUtilization", "ClusterName", "gw-cluster", "ServiceName", "gw-proxy"));
        assertTrue(hasLine(lines, "AWS/ApplicationELB", "RequestCount", "LoadBalancer", LB));
        assertTrue(hasLine(lines, "AWS/ApplicationELB", "UnHealthyHostCount", "LoadBalancer", LB, "TargetGroup", TG));
        assertTrue(hasLine(lines, "AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "LoadBalancer", LB, "TargetGroup", TG));
        assertTrue(hasLine(lines, "AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", "gw-db"));
        assertTrue(hasLine(lines, "AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", "gw-db"));
        Set<String> latencyStats = lines.stream().filter(l -> l.get(1).getAsString().equals("TargetResponseTime"))
                .map(l -> l.get(l.size() - 1).getAsJsonObject().get("stat").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("p50", "p95"), latencyStats);
    }

    @Test
    void dashboardAlarmWidgetListsEveryAlarm() {
        PlannedStack plan = plan(b -> { }).orThrow();

        JsonObject strip = JsonParser.parseString(plan.one(DASHBOARD).string("dashboardBody")).getAsJsonObject()
                .getAsJsonArray("widgets").get(0).getAsJsonObject();
        assertEquals("alarm", strip.get("type").getAsString());
        Set<String> listed = new HashSet<>();
        strip.getAsJsonObject("properties").getAsJsonArray("alarms").forEach(a -> listed.add(a.getAsString()));
        Set<String> expected = plan.ofType(ALARM).stream()
                .map(a -> "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + a.string("name"))
                .collect(Collectors.toSet());
        assertEquals(expected, listed);
    }

    @Test
    void withAWebAclTheDashboardGraphsBlockedAndAllowedRequestsButNoAlarmWatchesThem() {
        PlannedStack plan = plan(b -> b.webAclName(Optional.of(Output.of("gw-waf-acl")))).orThrow();

        String body = plan.one(DASHBOARD).string("dashboardBody");
        assertTrue(body.contains("[\"AWS/WAFV2\",\"BlockedRequests\",\"WebACL\",\"gw-waf-acl\",\"Region\",\"eu-west-1\",\"Rule\",\"ALL\""), body);
        assertTrue(plan.ofType(ALARM).stream().noneMatch(a -> a.string("namespace").equals("AWS/WAFV2")));
        assertFalse(plan(b -> { }).orThrow().one(DASHBOARD).string("dashboardBody").contains("AWS/WAFV2"));
    }

    @Test
    void rdsInstanceDashboardGraphsFreeStorageInsteadOfAcus() {
        PlannedStack plan = plan(b -> b.databaseKind(DatabaseKind.RDS_INSTANCE)
                .databaseDimensions(Output.of(Map.of("DBInstanceIdentifier", "gw-db-instance")))).orThrow();

        String body = plan.one(DASHBOARD).string("dashboardBody");
        assertTrue(body.contains("\"FreeStorageSpace\",\"DBInstanceIdentifier\",\"gw-db-instance\""), body);
        assertFalse(body.contains("ServerlessDatabaseCapacity"));
        assertFalse(body.contains("ACUUtilization"));
    }

    @Test
    void dashboardCanBeLeftOutToSaveItsMonthlyCost() {
        PlannedStack plan = plan(b -> b.dashboard(false)).orThrow();

        assertTrue(plan.ofType(DASHBOARD).isEmpty());
        assertFalse(plan.outputs().containsKey("dashboardName"));
        assertFalse(plan.ofType(ALARM).isEmpty());
    }

    @Test
    void gettersExposeTheTopicTheAlarmNamesAndTheDashboard() {
        PlannedStack plan = plan(b -> b.level(AlarmLevel.ESSENTIAL)).orThrow();

        assertEquals(plan.one(TOPIC).output("arn").orElseThrow(), plan.outputs().get("topicArn"));
        assertEquals(List.of("gw-healthy-hosts", "gw-running-tasks", "gw-unhealthy-hosts", "gw-alb-5xx", "gw-db-cpu"),
                plan.outputs().get("alarmNames"));
        assertEquals("gw-eu-west-1", plan.outputs().get("dashboardName"));
    }

    @Test
    void databaseDimensionsMustNameADatabaseOfTheGivenKind() {
        PlannedStack plan = failingPlan(b -> b.databaseKind(DatabaseKind.RDS_INSTANCE));

        Throwable error = programError(plan);
        assertTrue(error.getMessage().contains("must contain DBInstanceIdentifier for databaseKind RDS_INSTANCE"),
                error.getMessage());
    }

    @Test
    void everyChildIsParentedToTheComponentWithTheDocumentedTypeToken() {
        PlannedStack plan = plan(b -> b.alarmEmails(List.of("ops@example.com"))).orThrow();

        PlannedResource component = plan.one(Observability.TYPE);
        List<PlannedResource> children = plan.where(PlannedResource::custom);
        assertEquals(plan.childrenOf(component.urn()).size(), children.size());
        children.forEach(c -> assertTrue(c.name().startsWith("gw-"), c.name()));
    }

    /** The program's own exception (unwrapped from the engine's completion wrappers); fails when there is none. */
    private static Throwable programError(PlannedStack plan) {
        assertFalse(plan.errors().isEmpty(), "the program must fail");
        Throwable error = plan.errors().get(0);
        while (!(error instanceof IllegalArgumentException) && error.getCause() != null) {
            error = error.getCause();
        }
        assertEquals(IllegalArgumentException.class, error.getClass(), String.valueOf(error));
        return error;
    }

    private static boolean hasLine(List<JsonArray> lines, String... prefix) {
        return lines.stream().anyMatch(line -> {
            if (line.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!line.get(i).isJsonPrimitive() || !line.get(i).getAsString().equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        });
    }
}

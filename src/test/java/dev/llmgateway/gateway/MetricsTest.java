package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Reachability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 003 (Bedrock + metrics): the metrics service as the example stack plans it. */
class MetricsTest {

    private static final String EXAMPLE = "bedrock-budgets-metrics";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static JsonObject statement(String policy, String sid) {
        for (var s : JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement")) {
            if (s.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    @Test
    void withParameterStoreSecretsGrafanaStartsBecauseItsExecutionRoleReadsExactlyItsParameter() {
        PlannedStack plan = Plans.of(Stacks.example(EXAMPLE).with(Map.of("secretStore", "ssm")));

        Object parameterArn = plan.named("aws:ssm/parameter:Parameter", "llm-" + EXAMPLE + "-secrets-grafana-admin-password")
                .output("arn").orElseThrow();
        String policy = plan.named(POLICY, "llm-" + EXAMPLE + "-metrics-execution").string("policy");
        JsonObject read = statement(policy, "ReadParameters");
        assertEquals("ssm:GetParameters", read.getAsJsonArray("Action").get(0).getAsString());
        assertEquals(parameterArn, read.get("Resource").getAsString());
        assertEquals("ssm.us-west-2.amazonaws.com", statement(policy, "DecryptSecrets").getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
    }

    @Test
    void withSecretsManagerTheExecutionRoleReadsExactlyTheGrafanaSecret() {
        PlannedStack plan = Plans.example(EXAMPLE);

        Object secretArn = plan.named("aws:secretsmanager/secret:Secret", "llm-" + EXAMPLE + "-secrets-grafana-admin-password")
                .output("arn").orElseThrow();
        String policy = plan.named(POLICY, "llm-" + EXAMPLE + "-metrics-execution").string("policy");
        JsonObject read = statement(policy, "ReadSecrets");
        assertEquals("secretsmanager:GetSecretValue", read.getAsJsonArray("Action").get(0).getAsString());
        assertEquals(secretArn, read.get("Resource").getAsString());
        assertNotNull(statement(policy, "DecryptSecrets").getAsJsonObject("Condition"));
    }

    @Test
    void victoriaMetricsReachesItsStorageByADeclaredFlowThatTheRulesAllow() {
        PlannedStack plan = Plans.example(EXAMPLE);

        Reachability.Verdict storage = Reachability.analyze(plan).stream()
                .filter(v -> v.flow().endsWith("-metrics-storage-from-metrics")).findFirst().orElseThrow();
        assertEquals(2049, storage.port());
        assertTrue(storage.allowed(), storage.why());
        assertEquals(List.of("llm-" + EXAMPLE + "-metrics-storage-from-metrics"),
                Reachability.ingressRuleNames(plan, plan.named("aws:ec2/securityGroup:SecurityGroup",
                        "llm-" + EXAMPLE + "-metrics-storage-sg").id()), "NFS is the storage group's only opening");
    }

    /**
     * Whether a request for {@code rawPath} gets LiteLLM's metrics without a key, through both layers:
     * <ol>
     * <li>the load balancer refuses the {@link Metrics#BLOCKED} patterns: ALB compares a path pattern with the URL's
     * path, case-sensitively, {@code *} any characters and {@code ?} one (ELB docs, "Path conditions";
     * CloudFormation PathPatternConfig). Whether it first decodes {@code %6d} or removes dot segments is not
     * documented, so the model assumes it does neither: the raw path as sent;</li>
     * <li>LiteLLM sees the ASGI path, percent-decoded (ASGI HTTP connection scope, {@code path}), and its auth
     * middleware asks for a key on every path containing {@code /metrics} unless {@code require_auth_for_metrics_endpoint}
     * is false ({@code unified_auth_middleware.py}); the metrics app is mounted at {@code /metrics}, so only
     * {@code /metrics} and {@code /metrics/...} reach it (Starlette Mount: no slash merging, no dot-segment removal).</li>
     * </ol>
     */
    private static boolean servedWithoutKey(String rawPath, boolean requireAuth) {
        boolean refusedByLoadBalancer = Metrics.BLOCKED.stream().anyMatch(pattern -> rawPath.matches(
                Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")));
        if (refusedByLoadBalancer) {
            return false;
        }
        String decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        boolean reachesMetrics = decoded.equals("/metrics") || decoded.startsWith("/metrics/");
        boolean keyAsked = decoded.contains("/metrics") && requireAuth;
        return reachesMetrics && !keyAsked;
    }

    @Test
    @SuppressWarnings("unchecked")
    void encodedPathsDoNotReachTheMetricsWithoutAKey() {
        Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load(Plans.example(EXAMPLE)
                .one("aws:s3/bucketObjectv2:BucketObjectv2").string("content"));
        Map<String, Object> litellm = (Map<String, Object>) config.get("litellm_settings");
        boolean requireAuth = Boolean.TRUE.equals(litellm.get("require_auth_for_metrics_endpoint"));
        assertTrue(requireAuth, "the API port's /metrics asks for a key");
        List<String> paths = List.of("/metrics", "/metrics/", "/%6detrics", "/%6Detrics/", "/m%65trics", "/%2Fmetrics",
                "//metrics", "/metrics/../", "/x/../metrics", "/./metrics", "/metrics%2F", "/METRICS", "/metrics;x");
        for (String path : paths) {
            assertFalse(servedWithoutKey(path, requireAuth), path);
        }
        // Without LiteLLM's own check, an encoded path that the load balancer does not decode would get through:
        // the path rule alone is not enough.
        assertTrue(servedWithoutKey("/%6detrics", false));
        assertFalse(servedWithoutKey("/metrics", false), "the path rule still refuses the plain path");
    }

    @Test
    void theScraperUsesLiteLlmsDedicatedMetricsPortWhichOnlyTheMetricsTaskReaches() {
        PlannedStack plan = Plans.example(EXAMPLE);
        var server = ProxyTaskTest.containers(plan).get("litellm");
        assertEquals(String.valueOf(ProxyContainers.METRICS_PORT), ProxyTaskTest.env(server).get("PROMETHEUS_METRICS_PORT"));
        Reachability.Verdict scrape = Reachability.analyze(plan).stream()
                .filter(v -> v.port() == ProxyContainers.METRICS_PORT).findFirst().orElseThrow();
        assertTrue(scrape.allowed(), scrape.why());
        assertTrue(scrape.from().contains("metrics"), scrape.from());
        assertTrue(plan.ofType("aws:lb/targetGroup:TargetGroup").stream()
                .noneMatch(group -> group.number("port") == ProxyContainers.METRICS_PORT), "no target group forwards to it");
    }

    private static final Pattern METRIC = Pattern.compile("\\blitellm_[a-z_]+");
    private static final Pattern BY = Pattern.compile("by \\(([a-z_, ]+)\\)");

    @Test
    void theProvisionedDashboardIsValidJsonAndQueriesOnlyLiteLlmSeriesAndLabelsThatExist() {
        PlannedStack plan = Plans.example(EXAMPLE);
        JsonObject writer = null;
        for (var c : JsonParser.parseString(plan.named("aws:ecs/taskDefinition:TaskDefinition", "llm-" + EXAMPLE + "-metrics-task")
                .string("containerDefinitions")).getAsJsonArray()) {
            if (c.getAsJsonObject().get("name").getAsString().equals("config-writer")) {
                writer = c.getAsJsonObject();
            }
        }
        assertNotNull(writer);
        String json = null;
        for (var e : writer.getAsJsonArray("environment")) {
            if (e.getAsJsonObject().get("name").getAsString().equals("GRAFANA_DASHBOARD_LITELLM")) {
                json = e.getAsJsonObject().get("value").getAsString();
            }
        }
        assertNotNull(json, "the dashboard reaches the config writer");

        var panels = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("panels");
        Set<String> queried = new TreeSet<>();
        Set<String> grouped = new TreeSet<>();
        for (var panel : panels) {
            for (var target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                String expr = target.getAsJsonObject().get("expr").getAsString();
                Matcher metric = METRIC.matcher(expr);
                assertTrue(metric.find(), "every panel queries a LiteLLM series: " + expr);
                Set<String> labels = LiteLlmDashboard.METRICS.get(metric.group());
                assertNotNull(labels, metric.group() + " is not a verified LiteLLM series");
                queried.add(metric.group());
                Matcher by = BY.matcher(expr);
                while (by.find()) {
                    for (String label : by.group(1).split(",\\s*")) {
                        assertTrue(labels.contains(label), metric.group() + " has no label " + label);
                        grouped.add(label);
                    }
                }
            }
        }
        assertEquals(LiteLlmDashboard.METRICS.keySet(), queried, "requests, failures, latency, spend, tokens, budgets");
        assertTrue(grouped.containsAll(Set.of("requested_model", "model", "team_alias", "api_key_alias")),
                "per model, per team and per key: " + grouped);
    }

    /** The value of {@code variable} in the config writer's environment of the example's metrics task. */
    private static String writerVariable(PlannedStack plan, String variable) {
        for (var c : JsonParser.parseString(plan.named("aws:ecs/taskDefinition:TaskDefinition", "llm-" + EXAMPLE + "-metrics-task")
                .string("containerDefinitions")).getAsJsonArray()) {
            if (c.getAsJsonObject().get("name").getAsString().equals("config-writer")) {
                for (var e : c.getAsJsonObject().getAsJsonArray("environment")) {
                    if (e.getAsJsonObject().get("name").getAsString().equals(variable)) {
                        return e.getAsJsonObject().get("value").getAsString();
                    }
                }
                assertTrue(c.getAsJsonObject().getAsJsonArray("command").get(2).getAsString().contains("$" + variable),
                        "the writer writes " + variable);
            }
        }
        throw new AssertionError("no " + variable + " in the config writer");
    }

    @Test
    void grafanaAlertsOnLiteLlmsBurnRatesAddedLatencyFailuresAndSpentTeamBudgets() {
        PlannedStack plan = Plans.example(EXAMPLE);
        String sources = writerVariable(plan, "GRAFANA_DATASOURCES");
        var rules = JsonParser.parseString(writerVariable(plan, "GRAFANA_ALERTING_LITELLM")).getAsJsonObject();
        assertEquals(1, rules.get("apiVersion").getAsInt());
        Map<String, String> expressions = new java.util.TreeMap<>();
        for (var rule : rules.getAsJsonArray("groups").get(0).getAsJsonObject().getAsJsonArray("rules")) {
            var data = rule.getAsJsonObject().getAsJsonArray("data");
            String uid = data.get(0).getAsJsonObject().get("datasourceUid").getAsString();
            assertTrue(sources.contains("\"uid\":\"" + uid + "\""), "the rule queries the provisioned VictoriaMetrics: " + uid);
            assertEquals("B", rule.getAsJsonObject().get("condition").getAsString());
            assertEquals("OK", rule.getAsJsonObject().get("noDataState").getAsString(), "no traffic is not an outage");
            expressions.put(rule.getAsJsonObject().get("uid").getAsString(),
                    data.get(0).getAsJsonObject().getAsJsonObject("model").get("expr").getAsString());
        }
        assertEquals(Set.of("availability-burn-rate", "added-latency-burn-rate", "failed-requests", "team-budget-spent"),
                expressions.keySet());
        // 99.9 % (the default objective): 14.4 x 0.001 over 1h and 5m, 6 x 0.001 over 6h and 30m.
        String availability = expressions.get("availability-burn-rate");
        for (String part : List.of("[1h])) / sum(rate(litellm_proxy_total_requests_metric_total[1h]))) > 0.0144",
                "[5m])) / sum(rate(litellm_proxy_total_requests_metric_total[5m]))) > 0.0144",
                "[6h])) / sum(rate(litellm_proxy_total_requests_metric_total[6h]))) > 0.006",
                "[30m])) / sum(rate(litellm_proxy_total_requests_metric_total[30m]))) > 0.006")) {
            assertTrue(availability.contains(part), part + " in " + availability);
        }
        // 100 ms is a bucket boundary of LiteLLM's latency histograms, so le="0.1" counts exactly the fast requests.
        assertTrue(expressions.get("added-latency-burn-rate").contains("litellm_overhead_latency_metric_bucket{le=\"0.1\"}[1h]"));
        assertTrue(expressions.get("added-latency-burn-rate").contains("> 0.144"), "14.4 x (1 - 0.99)");
        Set<String> known = new TreeSet<>(LiteLlmDashboard.METRICS.keySet());
        known.addAll(Set.of("litellm_overhead_latency_metric_bucket", "litellm_overhead_latency_metric_count"));
        expressions.values().forEach(expr -> {
            Matcher metric = METRIC.matcher(expr);
            while (metric.find()) {
                assertTrue(known.contains(metric.group()), metric.group() + " is not a verified LiteLLM series");
            }
        });
    }

    @Test
    void grafanasAlertsReachTheStacksAlarmTopic() {
        PlannedStack plan = Plans.example(EXAMPLE);
        String topic = String.valueOf(plan.one("aws:sns/topic:Topic").output("arn").orElseThrow());
        var notification = JsonParser.parseString(writerVariable(plan, "GRAFANA_NOTIFICATION")).getAsJsonObject();
        var receiver = notification.getAsJsonArray("contactPoints").get(0).getAsJsonObject()
                .getAsJsonArray("receivers").get(0).getAsJsonObject();
        assertEquals(topic, receiver.getAsJsonObject("settings").get("topic_arn").getAsString());
        String policy = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().endsWith("-metrics-task")).findFirst().orElseThrow().string("policy");
        assertTrue(policy.contains("\"Resource\":\"" + topic + "\""), policy);
    }
}

package dev.llmgateway.components.observability;

import dev.llmgateway.components.network.TestPeer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.components.testing.OfflineEngine;
import dev.llmgateway.components.testing.PlannedResource;
import dev.llmgateway.components.testing.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusMetricsTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:grafana-admin-AbCdEf";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/metrics-key-id";

    /** GIVEN metrics for a LiteLLM proxy at proxy.internal:4000, adjusted by {@code customize}, WHEN planned. */
    private static PlannedStack plan(Consumer<PrometheusMetricsArgs.Builder> customize) {
        return OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            PrometheusMetricsArgs.Builder args = PrometheusMetricsArgs.builder()
                    .clusterArn(Output.of("arn:aws:ecs:eu-west-1:123456789012:cluster/gw"))
                    .vpcId(Output.of("vpc-123"))
                    .subnetIds(Output.of(List.of("subnet-private-a", "subnet-private-b")))
                    .loadBalancer(new TestPeer("alb", "sg-alb"))
                    .listenerArn(Output.of("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/gw/1/2"))
                    .scrapeHost(Output.of("proxy.internal"))
                    .scrapeTarget(new TestPeer("proxy", "sg-proxy"))
                    .grafanaAdminPasswordSecretArn(Output.of(SECRET_ARN))
                    .kmsKeyArn(Output.of(KEY_ARN))
                    .region("eu-west-1");
            customize.accept(args);
            PrometheusMetrics metrics = new PrometheusMetrics("gw-metrics", args.build(), null);
            ctx.export("securityGroupId", metrics.securityGroupId());
        }).orThrow();
    }

    private static JsonObject container(PlannedStack plan, String name) {
        for (JsonElement c : JsonParser.parseString(plan.one(TASK).string("containerDefinitions")).getAsJsonArray()) {
            if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
                return c.getAsJsonObject();
            }
        }
        throw new AssertionError("no container " + name);
    }

    private static String env(JsonObject container, String name) {
        for (JsonElement e : container.getAsJsonArray("environment")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject().get("value").getAsString();
            }
        }
        return null;
    }

    @Test
    void grafanaIsReachableOnlyFromTheLoadBalancerSecurityGroup() {
        PlannedStack plan = plan(b -> { });

        String group = plan.one("aws:ec2/securityGroup:SecurityGroup").id();
        PlannedResource ingress = plan.where(r -> r.type().equals(INGRESS) && group.equals(r.string("securityGroupId"))).get(0);
        assertEquals(1, plan.where(r -> r.type().equals(INGRESS) && group.equals(r.string("securityGroupId"))).size());
        assertEquals("sg-alb", ingress.string("referencedSecurityGroupId"));
        assertEquals(3000.0, ingress.number("fromPort"));
        assertEquals(3000.0, ingress.number("toPort"));
        assertTrue(ingress.input("cidrIpv4").isEmpty());
        assertTrue(plan.one("aws:ec2/securityGroup:SecurityGroup").list("ingress").isEmpty());
    }

    @Test
    void egressReachesOnlyTheScrapeTargetAndHttpsAndTheLoadBalancerReachesGrafana() {
        PlannedStack plan = plan(b -> b.scrapePort(4001));

        Map<String, PlannedResource> egress = new HashMap<>();
        plan.ofType(EGRESS).forEach(r -> egress.put(r.name(), r));
        assertEquals(3, egress.size());
        // The load balancer's group has no egress unless a rule opens it: Grafana needs one.
        PlannedResource grafana = egress.get("alb-to-metrics");
        assertEquals("sg-alb", grafana.string("securityGroupId"));
        assertEquals(plan.one("aws:ec2/securityGroup:SecurityGroup").id(), grafana.string("referencedSecurityGroupId"));
        assertEquals(3000.0, grafana.number("fromPort"));
        PlannedResource scrape = egress.get("gw-metrics-to-proxy-4001");
        assertEquals("sg-proxy", scrape.string("referencedSecurityGroupId"));
        assertEquals(4001.0, scrape.number("fromPort"));
        assertEquals(4001.0, scrape.number("toPort"));
        assertEquals(443.0, egress.get("gw-metrics-https").number("fromPort"));
        assertEquals(443.0, egress.get("gw-metrics-https").number("toPort"));
    }

    @Test
    void victoriaMetricsScrapesTheTargetHostPortAndMetricsPath() {
        JsonObject writer = container(plan(b -> { }), MetricsTaskDefinition.CONFIG_WRITER);

        JsonObject scrape = JsonParser.parseString(env(writer, "SCRAPE_CONFIG")).getAsJsonObject()
                .getAsJsonArray("scrape_configs").get(0).getAsJsonObject();
        assertEquals("/metrics/", scrape.get("metrics_path").getAsString());
        var discovery = scrape.getAsJsonArray("dns_sd_configs").get(0).getAsJsonObject();
        assertEquals("proxy.internal", discovery.getAsJsonArray("names").get(0).getAsString());
        assertEquals("A", discovery.get("type").getAsString());
        assertEquals(4000, discovery.get("port").getAsInt());
    }

    @Test
    void victoriaMetricsReadsTheWrittenConfigListensOnLocalhostAndKeepsTheConfiguredRetention() {
        JsonObject victoria = container(plan(b -> b.retentionDays(14)), MetricsTaskDefinition.VICTORIA_METRICS);

        List<String> command = victoria.getAsJsonArray("command").asList().stream().map(JsonElement::getAsString).toList();
        assertTrue(command.contains("-promscrape.config=/config/prometheus.yml"), command.toString());
        assertTrue(command.contains("-retentionPeriod=14d"), command.toString());
        assertTrue(command.contains("-httpListenAddr=127.0.0.1:8428"), command.toString());
        assertEquals("SUCCESS", victoria.getAsJsonArray("dependsOn").get(0).getAsJsonObject().get("condition").getAsString());
        assertFalse(victoria.has("portMappings"));
    }

    @Test
    void grafanaProvisionsVictoriaMetricsAsItsDefaultPrometheusDataSource() {
        PlannedStack plan = plan(b -> { });

        JsonObject source = JsonParser.parseString(env(container(plan, MetricsTaskDefinition.CONFIG_WRITER), "GRAFANA_DATASOURCES"))
                .getAsJsonObject().getAsJsonArray("datasources").get(0).getAsJsonObject();
        assertEquals("prometheus", source.get("type").getAsString());
        assertEquals("http://localhost:8428", source.get("url").getAsString());
        assertTrue(source.get("isDefault").getAsBoolean());
        assertEquals("/config/grafana/provisioning", env(container(plan, MetricsTaskDefinition.GRAFANA), "GF_PATHS_PROVISIONING"));
    }

    @Test
    void grafanaAdminPasswordComesOnlyFromTheSecretThroughEcsSecrets() {
        PlannedStack plan = plan(b -> { });

        JsonObject grafana = container(plan, MetricsTaskDefinition.GRAFANA);
        JsonArray secrets = grafana.getAsJsonArray("secrets");
        assertEquals(1, secrets.size());
        assertEquals("GF_SECURITY_ADMIN_PASSWORD", secrets.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(SECRET_ARN, secrets.get(0).getAsJsonObject().get("valueFrom").getAsString());
        assertEquals(null, env(grafana, "GF_SECURITY_ADMIN_PASSWORD"));
        assertEquals("false", env(grafana, "GF_AUTH_ANONYMOUS_ENABLED"));
    }

    @Test
    void executionRoleReadsOnlyThePasswordSecretAndWritesOnlyItsLogGroup() {
        PlannedStack plan = plan(b -> { });

        JsonArray statements = JsonParser.parseString(plan.one("aws:iam/rolePolicy:RolePolicy").string("policy"))
                .getAsJsonObject().getAsJsonArray("Statement");
        Map<String, String> resources = new HashMap<>();
        statements.forEach(s -> resources.put(s.getAsJsonObject().get("Sid").getAsString(),
                s.getAsJsonObject().get("Resource").getAsString()));
        Object logGroupName = plan.one("aws:cloudwatch/logGroup:LogGroup").output("name").orElseThrow();
        assertEquals(Map.of(
                "WriteLogs", "arn:aws:logs:eu-west-1:123456789012:log-group:" + logGroupName + ":log-stream:*",
                "ReadGrafanaAdminPassword", SECRET_ARN,
                "DecryptSecret", KEY_ARN), resources);
    }

    @Test
    void logsAreEncryptedWithTheCustomerKeyAndExpire() {
        PlannedResource logs = plan(b -> b.logRetentionDays(14)).one("aws:cloudwatch/logGroup:LogGroup");

        assertEquals(KEY_ARN, logs.string("kmsKeyId"));
        assertEquals(14.0, logs.number("retentionInDays"));
    }

    @Test
    void oneFargateTaskRunsInThePrivateSubnetsWithoutAPublicIpBehindTheGrafanaRule() {
        PlannedStack plan = plan(b -> { });

        PlannedResource service = plan.one(SERVICE);
        assertEquals("arn:aws:ecs:eu-west-1:123456789012:cluster/gw", service.string("cluster"));
        assertEquals(1.0, service.number("desiredCount"));
        assertEquals(100.0, service.number("deploymentMaximumPercent"), "never two VictoriaMetrics on one data set");
        assertEquals(List.of("subnet-private-a", "subnet-private-b"), service.list("networkConfiguration.subnets"));
        assertFalse(service.flag("networkConfiguration.assignPublicIp"));
        assertEquals("grafana", service.string("loadBalancers.0.containerName"));
        PlannedResource rule = plan.one("aws:lb/listenerRule:ListenerRule");
        assertTrue(service.dependencies().contains(rule.urn()), "the target group is attached before the service uses it");
        assertEquals(List.of("/grafana", "/grafana/*"), rule.list("conditions.0.pathPattern.values"));
        assertEquals("/grafana/api/health", plan.one("aws:lb/targetGroup:TargetGroup").string("healthCheck.path"));
    }

    @Test
    void invalidScrapePathIsRejectedNamingTheField() {
        var error = assertThrows(IllegalArgumentException.class, () -> PrometheusMetricsArgs.builder()
                .clusterArn(Output.of("c")).vpcId(Output.of("v")).subnetIds(Output.of(List.of("s")))
                .loadBalancer(() -> null).listenerArn(Output.of("l")).scrapeHost(Output.of("h"))
                .scrapeTarget(() -> null).grafanaAdminPasswordSecretArn(Output.of(SECRET_ARN))
                .kmsKeyArn(Output.of(KEY_ARN)).region("eu-west-1").scrapePath("metrics").build());

        assertTrue(error.getMessage().startsWith("scrapePath: 'metrics'"), error.getMessage());
    }
}

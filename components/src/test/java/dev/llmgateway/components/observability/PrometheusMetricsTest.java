package dev.llmgateway.components.observability;

import dev.llmgateway.components.network.TestPeer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("unchecked")
class PrometheusMetricsTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:grafana-admin-AbCdEf";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/metrics-key-id";

    /** GIVEN metrics for a LiteLLM proxy at proxy.internal:4000, adjusted by {@code customize}, WHEN planned. */
    private static PlannedStack plan(Consumer<PrometheusMetricsArgsBuilder> customize) {
        return OfflineEngine.run("gw", "test", "eu-west-1", ctx -> {
            PrometheusMetricsArgsBuilder args = PrometheusMetricsArgs.builder()
                    .clusterArn(Output.of("arn:aws:ecs:eu-west-1:123456789012:cluster/gw"))
                    .vpcId(Output.of("vpc-123"))
                    .subnetIds(Output.of(List.of("subnet-private-a", "subnet-private-b")))
                    .subnetCount(2)
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

        String group = plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-sg").id();
        PlannedResource ingress = plan.where(r -> r.type().equals(INGRESS) && group.equals(r.string("securityGroupId"))).get(0);
        assertEquals(1, plan.where(r -> r.type().equals(INGRESS) && group.equals(r.string("securityGroupId"))).size());
        assertEquals("sg-alb", ingress.string("referencedSecurityGroupId"));
        assertEquals(3000.0, ingress.number("fromPort"));
        assertEquals(3000.0, ingress.number("toPort"));
        assertTrue(ingress.input("cidrIpv4").isEmpty());
        assertTrue(plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-sg").list("ingress").isEmpty());
    }

    @Test
    void egressReachesOnlyTheScrapeTargetHttpsAndItsStorageAndTheLoadBalancerReachesGrafana() {
        PlannedStack plan = plan(b -> b.scrapePort(4001));

        Map<String, PlannedResource> egress = new HashMap<>();
        plan.ofType(EGRESS).forEach(r -> egress.put(r.name(), r));
        assertEquals(4, egress.size());
        // The load balancer's group has no egress unless a rule opens it: Grafana needs one.
        PlannedResource grafana = egress.get("alb-to-metrics");
        assertEquals("sg-alb", grafana.string("securityGroupId"));
        assertEquals(plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-sg").id(), grafana.string("referencedSecurityGroupId"));
        assertEquals(3000.0, grafana.number("fromPort"));
        PlannedResource scrape = egress.get("gw-metrics-to-proxy-4001");
        assertEquals("sg-proxy", scrape.string("referencedSecurityGroupId"));
        assertEquals(4001.0, scrape.number("fromPort"));
        assertEquals(4001.0, scrape.number("toPort"));
        assertEquals(443.0, egress.get("gw-metrics-to-internet-443").number("fromPort"));
        assertEquals(443.0, egress.get("gw-metrics-to-internet-443").number("toPort"));
        assertEquals(plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-storage-sg").id(),
                egress.get("gw-metrics-to-metrics-storage").string("referencedSecurityGroupId"));
        assertEquals(2049.0, egress.get("gw-metrics-to-metrics-storage").number("fromPort"));
    }

    @Test
    void samplesLiveOnEncryptedBackedUpEfsReachableOnlyFromTheMetricsTaskInEverySubnet() {
        PlannedStack plan = plan(b -> { });

        PlannedResource fileSystem = plan.one("aws:efs/fileSystem:FileSystem");
        assertTrue(fileSystem.flag("encrypted"));
        assertEquals(KEY_ARN, fileSystem.string("kmsKeyId"));
        assertEquals("elastic", fileSystem.string("throughputMode"), "no burst credits to run out of");
        assertEquals(fileSystem.id(), plan.one("aws:efs/backupPolicy:BackupPolicy").string("fileSystemId"));
        assertEquals("ENABLED", plan.one("aws:efs/backupPolicy:BackupPolicy").string("backupPolicy.status"));
        String storageGroup = plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-storage-sg").id();
        List<PlannedResource> targets = plan.ofType("aws:efs/mountTarget:MountTarget");
        assertEquals(java.util.Set.of("subnet-private-a", "subnet-private-b"),
                targets.stream().map(t -> t.string("subnetId")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(targets.stream().allMatch(t -> t.list("securityGroups").equals(List.of(storageGroup))));
        PlannedResource nfs = plan.named(INGRESS, "gw-metrics-storage-from-metrics");
        assertEquals(storageGroup, nfs.string("securityGroupId"));
        assertEquals(plan.named("aws:ec2/securityGroup:SecurityGroup", "gw-metrics-sg").id(), nfs.string("referencedSecurityGroupId"));
        assertEquals(2049.0, nfs.number("fromPort"));
        assertEquals(2049.0, nfs.number("toPort"));
        PlannedResource service = plan.one(SERVICE);
        assertTrue(targets.stream().allMatch(t -> service.dependencies().contains(t.urn())), "the task mounts once the targets exist");
    }

    @Test
    void victoriaMetricsMountsItsEfsAccessPointOverTlsAsItsOwnNonRootUser() {
        PlannedStack plan = plan(b -> { });

        PlannedResource accessPoint = plan.one("aws:efs/accessPoint:AccessPoint");
        assertEquals(65534.0, accessPoint.number("posixUser.uid"));
        assertEquals(65534.0, accessPoint.number("posixUser.gid"));
        assertEquals(65534.0, accessPoint.number("rootDirectory.creationInfo.ownerUid"));
        assertEquals("0750", accessPoint.string("rootDirectory.creationInfo.permissions"));
        PlannedResource task = plan.one(TASK);
        Map<String, Object> volume = task.list("volumes").stream().map(v -> (Map<String, Object>) v)
                .filter(v -> MetricsTaskDefinition.DATA_VOLUME.equals(v.get("name"))).findFirst().orElseThrow();
        Map<String, Object> efs = (Map<String, Object>) volume.get("efsVolumeConfiguration");
        assertEquals(plan.one("aws:efs/fileSystem:FileSystem").id(), efs.get("fileSystemId"));
        assertEquals("ENABLED", efs.get("transitEncryption"));
        assertEquals(accessPoint.id(), ((Map<String, Object>) efs.get("authorizationConfig")).get("accessPointId"));
        JsonObject victoria = container(plan, MetricsTaskDefinition.VICTORIA_METRICS);
        assertEquals("65534:65534", victoria.get("user").getAsString());
        assertEquals(120, victoria.get("stopTimeout").getAsInt(), "time to flush to EFS before SIGKILL");
        JsonObject storage = victoria.getAsJsonArray("mountPoints").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(m -> m.get("sourceVolume").getAsString().equals(MetricsTaskDefinition.DATA_VOLUME)).findFirst().orElseThrow();
        assertEquals("/storage", storage.get("containerPath").getAsString());
        assertFalse(storage.get("readOnly").getAsBoolean());
    }

    @Test
    void everyContainerRunsWithAReadOnlyRootNoCapabilitiesAndOnlyTheConfigWriterAsRoot() {
        PlannedStack plan = plan(b -> { });

        Map<String, String> users = new HashMap<>();
        for (String name : List.of(MetricsTaskDefinition.CONFIG_WRITER, MetricsTaskDefinition.VICTORIA_METRICS,
                MetricsTaskDefinition.GRAFANA)) {
            JsonObject c = container(plan, name);
            assertTrue(c.get("readonlyRootFilesystem").getAsBoolean(), name);
            assertEquals("[\"ALL\"]", c.getAsJsonObject("linuxParameters").getAsJsonObject("capabilities")
                    .getAsJsonArray("drop").toString(), name);
            users.put(name, c.get("user").getAsString());
        }
        assertEquals(Map.of("config-writer", "0:0", "victoriametrics", "65534:65534", "grafana", "472:0"), users);
        JsonObject writer = container(plan, MetricsTaskDefinition.CONFIG_WRITER);
        assertFalse(writer.get("essential").getAsBoolean(), "a one-shot");
        assertTrue(writer.getAsJsonArray("command").get(2).getAsString().endsWith("chmod 1777 /var/lib/grafana /tmp"),
                "opens Grafana's writable volumes to its non-root user");
    }

    @Test
    void victoriaMetricsAndGrafanaHaveHealthChecksWithToolsTheirImagesShipAndGrafanaWaitsForAHealthyStore() {
        PlannedStack plan = plan(b -> { });

        JsonObject victoria = container(plan, MetricsTaskDefinition.VICTORIA_METRICS);
        assertEquals("[\"CMD\",\"wget\",\"-q\",\"-O\",\"/dev/null\",\"http://127.0.0.1:8428/health\"]",
                victoria.getAsJsonObject("healthCheck").getAsJsonArray("command").toString());
        JsonObject grafana = container(plan, MetricsTaskDefinition.GRAFANA);
        assertEquals("[\"CMD\",\"curl\",\"-fsS\",\"-o\",\"/dev/null\",\"http://localhost:3000/grafana/api/health\"]",
                grafana.getAsJsonObject("healthCheck").getAsJsonArray("command").toString());
        assertEquals("HEALTHY", grafana.getAsJsonArray("dependsOn").get(1).getAsJsonObject().get("condition").getAsString());
    }

    @Test
    void aDeploymentThatNeverGetsHealthyIsRolledBack() {
        PlannedResource service = plan(b -> { }).one(SERVICE);

        assertTrue(service.flag("deploymentCircuitBreaker.enable"));
        assertTrue(service.flag("deploymentCircuitBreaker.rollback"));
        assertTrue(service.flag("waitForSteadyState"), "pulumi up fails with the rollout");
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
    void grafanaProvisionsEveryGivenDashboardReadOnlyFromTheFilesTheWriterPuts() {
        PlannedStack plan = plan(b -> b.grafanaDashboards(Map.of("gateway-overview", "{\"title\":\"x\"}")));

        JsonObject writer = container(plan, MetricsTaskDefinition.CONFIG_WRITER);
        JsonObject provider = JsonParser.parseString(env(writer, "GRAFANA_DASHBOARD_PROVIDER")).getAsJsonObject()
                .getAsJsonArray("providers").get(0).getAsJsonObject();
        assertEquals("file", provider.get("type").getAsString());
        assertEquals("/config/grafana/dashboards", provider.getAsJsonObject("options").get("path").getAsString());
        assertFalse(provider.get("allowUiUpdates").getAsBoolean());
        assertEquals("{\"title\":\"x\"}", env(writer, "GRAFANA_DASHBOARD_GATEWAY_OVERVIEW"));
        String command = writer.getAsJsonArray("command").get(2).getAsString();
        assertTrue(command.contains("printf '%s' \"$GRAFANA_DASHBOARD_GATEWAY_OVERVIEW\" > /config/grafana/dashboards/gateway-overview.json"),
                command);
        assertTrue(command.contains("> /config/grafana/provisioning/dashboards/provided.yaml"), command);
    }

    @Test
    void aDashboardNameThatIsNoFileNameIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> PrometheusMetricsArgs.builder()
                .clusterArn(Output.of("c")).vpcId(Output.of("v")).subnetIds(Output.of(List.of("s"))).subnetCount(1)
                .loadBalancer(() -> null).listenerArn(Output.of("l")).scrapeHost(Output.of("h"))
                .scrapeTarget(() -> null).grafanaAdminPasswordSecretArn(Output.of(SECRET_ARN))
                .kmsKeyArn(Output.of(KEY_ARN)).region("eu-west-1").grafanaDashboards(Map.of("../x", "{}")).build());

        assertTrue(error.getMessage().contains("grafanaDashboards: '../x'"), error.getMessage());
    }

    @Test
    void grafanaTrustsTheHostsACdnServesItUnderOnlyWhenThereIsOne() {
        assertEquals(null, env(container(plan(b -> { }), MetricsTaskDefinition.GRAFANA), "GF_SECURITY_CSRF_TRUSTED_ORIGINS"),
                "the request's Host is the browser's: nothing to add");
        PlannedStack behindCdn = plan(b -> b.grafanaTrustedOrigins(List.of(Output.of("d111.cloudfront.net"), Output.of("llm.example.com"))));
        assertEquals("d111.cloudfront.net llm.example.com",
                env(container(behindCdn, MetricsTaskDefinition.GRAFANA), "GF_SECURITY_CSRF_TRUSTED_ORIGINS"),
                "space-separated host names, as Grafana's csrf_trusted_origins reads them");
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

    /** The execution role's statements by Sid: [actions, resource, kms:ViaService condition or null]. */
    private static Map<String, List<String>> executionStatements(PlannedStack plan) {
        return statements(plan, "-execution");
    }

    /** The statements of the role policy named {@code gw-metrics<suffix>}, as {@link #executionStatements}. */
    private static Map<String, List<String>> statements(PlannedStack plan, String suffix) {
        PlannedResource policy = plan.named("aws:iam/rolePolicy:RolePolicy", "gw-metrics" + suffix);
        Map<String, List<String>> statements = new HashMap<>();
        JsonParser.parseString(policy.string("policy")).getAsJsonObject().getAsJsonArray("Statement").forEach(e -> {
            JsonObject s = e.getAsJsonObject();
            JsonObject condition = s.getAsJsonObject("Condition");
            statements.put(s.get("Sid").getAsString(), java.util.Arrays.asList(s.get("Action").toString(),
                    s.get("Resource").getAsString(),
                    condition == null ? null : condition.getAsJsonObject("StringEquals").get("kms:ViaService").getAsString()));
        });
        return statements;
    }

    @Test
    void executionRoleReadsOnlyThePasswordSecretAndWritesOnlyItsLogGroup() {
        PlannedStack plan = plan(b -> { });

        Object logGroupName = plan.one("aws:cloudwatch/logGroup:LogGroup").output("name").orElseThrow();
        assertEquals(Map.of(
                "WriteLogs", java.util.Arrays.asList("[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]",
                        "arn:aws:logs:eu-west-1:123456789012:log-group:" + logGroupName + ":log-stream:*", null),
                "ReadSecrets", java.util.Arrays.asList("[\"secretsmanager:GetSecretValue\"]", SECRET_ARN, null),
                "DecryptSecrets", java.util.Arrays.asList("[\"kms:Decrypt\"]", KEY_ARN, "secretsmanager.eu-west-1.amazonaws.com")),
                executionStatements(plan));
    }

    @Test
    void withThePasswordInParameterStoreTheExecutionRoleReadsThatParameterAndDecryptsOnlyThroughSsm() {
        String parameterArn = "arn:aws:ssm:eu-west-1:123456789012:parameter/litellm-gateway/dev/grafana-admin-password";
        PlannedStack plan = plan(b -> b.grafanaAdminPasswordSecretArn(Output.of(parameterArn)));

        Map<String, List<String>> statements = executionStatements(plan);
        assertEquals(java.util.Arrays.asList("[\"ssm:GetParameters\"]", parameterArn, null), statements.get("ReadParameters"));
        assertEquals(java.util.Arrays.asList("[\"kms:Decrypt\"]", KEY_ARN, "ssm.eu-west-1.amazonaws.com"), statements.get("DecryptSecrets"));
        assertEquals(parameterArn, container(plan, MetricsTaskDefinition.GRAFANA).getAsJsonArray("secrets")
                .get(0).getAsJsonObject().get("valueFrom").getAsString());
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
                .clusterArn(Output.of("c")).vpcId(Output.of("v")).subnetIds(Output.of(List.of("s"))).subnetCount(1)
                .loadBalancer(() -> null).listenerArn(Output.of("l")).scrapeHost(Output.of("h"))
                .scrapeTarget(() -> null).grafanaAdminPasswordSecretArn(Output.of(SECRET_ARN))
                .kmsKeyArn(Output.of(KEY_ARN)).region("eu-west-1").scrapePath("metrics").build());

        assertTrue(error.getMessage().startsWith("scrapePath: 'metrics'"), error.getMessage());
    }

    @Test
    void withAnAlertTopicGrafanaNotifiesItThroughItsOwnRoleThatMayPublishThereOnly() {
        String topic = "arn:aws:sns:eu-west-1:123456789012:gw-alarms-1a2b3c";
        PlannedStack plan = plan(b -> b.alertTopicArn(java.util.Optional.of(Output.of(topic))));

        PlannedResource role = plan.named("aws:iam/role:Role", "gw-metrics-task");
        assertEquals(String.valueOf(role.output("arn").orElseThrow()), plan.one(TASK).string("taskRoleArn"));
        assertEquals(Map.of(
                "PublishAlerts", java.util.Arrays.asList("[\"sns:Publish\"]", topic, null),
                "EncryptAlerts", java.util.Arrays.asList("[\"kms:GenerateDataKey*\",\"kms:Decrypt\"]", KEY_ARN,
                        "sns.eu-west-1.amazonaws.com")), statements(plan, "-task"));

        JsonObject writer = container(plan, MetricsTaskDefinition.CONFIG_WRITER);
        assertTrue(writer.getAsJsonArray("command").get(2).getAsString()
                .contains("\"$GRAFANA_NOTIFICATION\" > " + MetricsTaskDefinition.NOTIFICATION_FILE));
        JsonObject file = JsonParser.parseString(env(writer, "GRAFANA_NOTIFICATION")).getAsJsonObject();
        JsonObject point = file.getAsJsonArray("contactPoints").get(0).getAsJsonObject();
        JsonObject receiver = point.getAsJsonArray("receivers").get(0).getAsJsonObject();
        assertEquals("sns", receiver.get("type").getAsString());
        JsonObject settings = receiver.getAsJsonObject("settings");
        assertEquals(topic, settings.get("topic_arn").getAsString());
        assertEquals("eu-west-1", settings.getAsJsonObject("sigv4").get("region").getAsString());
        assertEquals("https://sns.eu-west-1.amazonaws.com", settings.get("api_url").getAsString());
        assertFalse(settings.getAsJsonObject("sigv4").has("access_key"), "the task role signs, no key is stored");
        assertEquals(point.get("name").getAsString(),
                file.getAsJsonArray("policies").get(0).getAsJsonObject().get("receiver").getAsString(),
                "the root policy sends every alert to the topic");
    }

    @Test
    void inChinaGrafanaPublishesToTheRegionsOwnSnsEndpoint() {
        String topic = "arn:aws-cn:sns:cn-north-1:123456789012:gw-alarms";
        JsonObject settings = JsonParser.parseString(MetricsTaskDefinition.notification(topic, "cn-north-1")).getAsJsonObject()
                .getAsJsonArray("contactPoints").get(0).getAsJsonObject().getAsJsonArray("receivers").get(0).getAsJsonObject()
                .getAsJsonObject("settings");
        assertEquals("https://sns.cn-north-1.amazonaws.com.cn", settings.get("api_url").getAsString(),
                "the notifier's default, sns.<region>.amazonaws.com, does not exist there");
    }

    @Test
    void withoutAnAlertTopicTheTaskHasNoRoleAndGrafanaNoContactPoint() {
        PlannedStack plan = plan(b -> { });

        assertTrue(plan.one(TASK).input("taskRoleArn").isEmpty());
        assertEquals(List.of("gw-metrics-execution"), plan.ofType("aws:iam/role:Role").stream().map(PlannedResource::name).toList());
        assertEquals(null, env(container(plan, MetricsTaskDefinition.CONFIG_WRITER), "GRAFANA_NOTIFICATION"));
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyTaskTest {

    /** The LiteLLM task definition (a stack with Prometheus has a second one for the metrics services). */
    static dev.llmgateway.engine.PlannedResource proxyTask(PlannedStack plan) {
        return task(plan, "-proxy");
    }

    /** The task definition whose logical name ends with {@code suffix} ({@code -proxy}, {@code -deploy-migrate}). */
    static PlannedResource task(PlannedStack plan, String suffix) {
        return plan.where(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition") && r.name().endsWith(suffix)).get(0);
    }

    static Map<String, JsonObject> containers(PlannedStack plan) {
        return containers(proxyTask(plan));
    }

    /** A task definition's containers by name. */
    static Map<String, JsonObject> containers(PlannedResource task) {
        JsonArray all = JsonParser.parseString(task.string("containerDefinitions")).getAsJsonArray();
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(c -> c.get("name").getAsString(), c -> c));
    }

    static Map<String, String> env(JsonObject container) {
        return StreamSupport.stream(container.getAsJsonArray("environment").spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(e -> e.get("name").getAsString(), e -> e.get("value").getAsString()));
    }

    private static Map<String, String> dependsOn(JsonObject container) {
        return StreamSupport.stream(container.getAsJsonArray("dependsOn").spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(d -> d.get("containerName").getAsString(), d -> d.get("condition").getAsString()));
    }

    /** Volume name to "path:rw" or "path:ro". */
    private static Map<String, String> mounts(JsonObject container) {
        if (!container.has("mountPoints")) {
            return Map.of();
        }
        return StreamSupport.stream(container.getAsJsonArray("mountPoints").spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(m -> m.get("sourceVolume").getAsString(),
                        m -> m.get("containerPath").getAsString() + (m.get("readOnly").getAsBoolean() ? ":ro" : ":rw")));
    }

    static Set<String> secrets(JsonObject container) {
        return StreamSupport.stream(container.getAsJsonArray("secrets").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("name").getAsString()).collect(Collectors.toSet());
    }

    @Test
    void serverRunsInProductionModeWithEverySecretFromValueFrom() {
        JsonObject server = containers(Plans.stack("prod")).get("litellm");
        Map<String, String> env = env(server);
        assertEquals("PRODUCTION", env.get("LITELLM_MODE"));
        assertEquals("ERROR", env.get("LITELLM_LOG"));
        assertEquals("1", env.get("NUM_WORKERS"), "one uvicorn worker per task, scaling with tasks (LiteLLM production guide)");
        assertEquals("true", env.get("DISABLE_SCHEMA_UPDATE"), "serving tasks never migrate");
        assertEquals("true", env.get("REDIS_SSL"));
        assertEquals(Set.of("LITELLM_MASTER_KEY", "LITELLM_SALT_KEY", "UI_PASSWORD", "REDIS_PASSWORD"), secrets(server),
                "no database password: the server signs in with IAM tokens");
        assertTrue(env.keySet().stream().noneMatch(name -> name.contains("PASSWORD") || name.contains("MASTER_KEY") || name.contains("SALT")),
                "no secret in plain environment: " + env.keySet());
        assertEquals("ghcr.io/berriai/litellm-non_root:v1.108.26", server.get("image").getAsString(),
                "the LTS release litellm/README.md documents, not the 1.80.5 tag that was never published for the variant images");
    }

    @Test
    void noServingTaskMigratesCreatesRolesOrHoldsTheMasterSecret() {
        for (PlannedStack plan : List.of(Plans.stack("dev"), Plans.stack("prod"), Plans.example("componentized-gateway"))) {
            for (PlannedResource task : plan.where(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && !r.name().contains("-deploy-") && !r.name().endsWith("-metrics"))) {
                containers(task).forEach((name, c) -> {
                    assertFalse(List.of("migrate", "bootstrap").contains(name), task.name() + " has a " + name + " container");
                    assertFalse(secrets(c).contains("DATABASE_PASSWORD"), task.name() + "/" + name + " gets the master secret");
                    assertFalse(env(c).containsKey("APP_ROLE_SQL"), task.name() + "/" + name);
                    if (env(c).containsKey("IAM_TOKEN_DB_AUTH")) {
                        assertEquals("true", env(c).get("DISABLE_SCHEMA_UPDATE"), task.name() + "/" + name + " would migrate at start");
                    }
                });
            }
        }
        assertEquals(Map.of("config", "SUCCESS", "volumes", "SUCCESS"), dependsOn(containers(Plans.stack("dev")).get("litellm")),
                "the server waits only for its config and volumes: the deploy migrated before the service rolled");
    }

    @Test
    void theServerSignsInToPostgresWithIamTokensAsTheAppRole() {
        PlannedStack prod = Plans.stack("prod");
        Map<String, String> env = env(containers(prod).get("litellm"));
        assertEquals("true", env.get("IAM_TOKEN_DB_AUTH"));
        assertEquals("litellm_app", env.get("DATABASE_USER"));
        assertEquals("5432", env.get("DATABASE_PORT"));
        assertFalse(env.get("DATABASE_HOST").contains(":"), "host and port apart for the token: " + env.get("DATABASE_HOST"));
        assertEquals("us-east-1", env.get("AWS_REGION_NAME"));
        String policy = prod.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-task").string("policy");
        assertTrue(java.util.regex.Pattern.compile("\\{\"Action\":\\[\"rds-db:connect\"\\],\"Effect\":\"Allow\",\"Resource\":\\[?\"arn:aws:rds-db:us-east-1:\\d{12}:dbuser:[^\"/*]+/litellm_app\"\\]?,")
                        .matcher(policy).find(), "connect as exactly litellm_app: " + policy);

        var password = Plans.of(Stacks.load("prod").with(Map.of("dbAuth", "password")));
        JsonObject server = containers(password).get("litellm");
        assertEquals("litellm_app", env(server).get("DATABASE_USERNAME"), "its own role, never the master");
        String passwordArn = StreamSupport.stream(server.getAsJsonArray("secrets").spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(e -> e.get("name").getAsString().equals("DATABASE_PASSWORD")).findFirst().orElseThrow().get("valueFrom").getAsString();
        assertTrue(passwordArn.contains("-database-password-") && !passwordArn.contains("rds!"), "the generated password: " + passwordArn);
        assertFalse(password.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-task").string("policy").contains("rds-db"));
    }

    @Test
    void theServerReadsTheDownloadedConfigWithDashDashConfig() {
        PlannedStack prod = Plans.stack("prod");
        Map<String, JsonObject> containers = containers(prod);
        JsonObject server = containers.get("litellm");
        assertEquals(List.of("--port", "4000", "--config", "/etc/litellm/config.yaml"),
                StreamSupport.stream(server.getAsJsonArray("command").spliterator(), false).map(JsonElement::getAsString).toList(),
                "database_connection_pool_limit and the other general_settings apply only from a --config file");
        assertTrue(env(server).keySet().stream().noneMatch(name -> name.startsWith("LITELLM_CONFIG_BUCKET")),
                "LiteLLM must not load the config from S3 itself: it would ignore the pool limit");
        JsonObject config = containers.get("config");
        assertFalse(config.get("essential").getAsBoolean());
        String key = env(config).get("CONFIG_OBJECT");
        assertEquals(key, prod.one("aws:s3/bucketObjectv2:BucketObjectv2").string("key"), "the container fetches the published object");
        assertEquals("/etc/litellm/config.yaml", env(config).get("CONFIG_PATH"));
        assertEquals(Map.of("litellm-config", "/etc/litellm:rw"), mounts(config));
        assertEquals("/etc/litellm:ro", mounts(server).get("litellm-config"));
        String rendered = prod.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
        assertTrue(rendered.contains("database_connection_pool_limit: 10"), rendered);
        assertFalse(rendered.contains("trusted_proxy_ranges"), "not a LiteLLM setting");
        assertFalse(rendered.contains("use_x_forwarded_for"), "LiteLLM would log the raw, spoofable header");
        assertEquals("10.0.0.0/16", env(server).get("FORWARDED_ALLOW_IPS"), "uvicorn trusts X-Forwarded-For hops inside the VPC only");
    }

    @Test
    void previousConfigsStayReadableForRollbacks() {
        PlannedStack prod = Plans.stack("prod");
        assertTrue(prod.one("aws:s3/bucketObjectv2:BucketObjectv2").retainOnDelete(),
                "a new config must not delete the one the previous task definition names");
        String policy = prod.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-task").string("policy");
        assertTrue(policy.contains("/litellm/config-*\""), "the task role reads every published config: " + policy);
        var lifecycle = prod.where(r -> r.type().equals("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")
                && r.name().equals("llm-prod-config"));
        assertEquals(1, lifecycle.size());
        assertEquals(90.0, lifecycle.get(0).number("rules.0.noncurrentVersionExpiration.noncurrentDays"));
        assertTrue(lifecycle.get(0).input("rules.0.expiration").isEmpty(), "current configs never expire");
    }

    @Test
    void liteLlmContainersRunAsNobodyOnAReadOnlyRootWithTaskVolumesForWhatTheyWrite() {
        // dev is private: ECS Exec needs a writable root there (PrivateAccessTest).
        for (PlannedStack plan : List.of(Plans.stack("prod"), Plans.example("local-model-guardrails"))) {
            Map<String, JsonObject> containers = containers(plan);
            Set<String> declared = proxyTask(plan).list("volumes").stream()
                    .map(v -> String.valueOf(((Map<?, ?>) v).get("name"))).collect(Collectors.toSet());
            for (String name : List.of("litellm", "config")) {
                JsonObject c = containers.get(name);
                assertTrue(c.get("readonlyRootFilesystem").getAsBoolean(), name);
                assertEquals("65534:65534", c.get("user").getAsString(), name + " names LiteLLM's non-root user");
                assertTrue(declared.containsAll(mounts(c).keySet()), name + " mounts only declared volumes: " + declared);
            }
            for (String name : List.of("litellm")) {
                Map<String, String> env = env(containers.get(name));
                assertEquals("/tmp:rw", mounts(containers.get(name)).values().stream().filter(m -> m.startsWith("/tmp")).findFirst().orElse(""));
                for (String path : List.of("LITELLM_MIGRATION_DIR", "XDG_CACHE_HOME")) {
                    assertTrue(env.get(path).startsWith("/tmp/"), name + " " + path + " on the writable volume");
                }
                assertFalse(env.containsKey("PRISMA_BINARY_CACHE_DIR"), name + " keeps the image's baked Prisma in /opt/prisma");
            }
        }
    }

    @Test
    void taskVolumesAreMadeWritableForNonRootContainersByAPowerlessInitContainer() {
        Map<String, JsonObject> containers = containers(Plans.example("local-model-guardrails"));
        JsonObject init = containers.get("volumes");
        assertFalse(init.get("essential").getAsBoolean());
        assertEquals("0:0", init.get("user").getAsString(), "only the owner (root) may chmod a fresh Fargate volume");
        assertEquals("[\"ALL\"]", init.getAsJsonObject("linuxParameters").getAsJsonObject("capabilities").getAsJsonArray("drop").toString());
        assertTrue(init.get("readonlyRootFilesystem").getAsBoolean());
        assertEquals("chmod 1777 /volumes/litellm-config /volumes/litellm-tmp /volumes/ollama-home /volumes/ollama-tmp",
                init.getAsJsonArray("command").get(0).getAsString());
        for (String name : List.of("litellm", "config", "ollama")) {
            assertEquals("SUCCESS", dependsOn(containers.get(name)).get("volumes"), name + " waits until its volumes are writable");
        }
        assertFalse(containers.get("presidio-analyzer").has("dependsOn"), "no volume, no wait");
    }

    @Test
    void theEscapeHatchMakesOnlyTheLiteLlmRootsWritable() {
        var plan = Plans.of(Stacks.load("dev").with(Map.of("proxyReadOnlyRootFilesystem", false)));
        Map<String, JsonObject> containers = containers(plan);
        for (String name : List.of("litellm", "config")) {
            assertFalse(containers.get(name).get("readonlyRootFilesystem").getAsBoolean(), name);
            assertEquals("65534:65534", containers.get(name).get("user").getAsString(), name + " stays non-root");
        }
        assertTrue(containers.get("volumes").get("readonlyRootFilesystem").getAsBoolean());
    }

    @Test
    void liteLlmKnowsThePublicAddressSoTheUiLoginRedirectsThereAndNotToTheOrigin() {
        assertEquals("https://llm.example.com", env(containers(Plans.example("edge-waf-autoscaled")).get("litellm"))
                .get("PROXY_BASE_URL"), "CloudFront's custom domain, not the origin's name");
        assertEquals("http://localhost:4000", env(containers(Plans.stack("dev")).get("litellm")).get("PROXY_BASE_URL"),
                "the tunnel's local end");
        assertEquals("https://llm.example.com", env(containers(Plans.stack("prod")).get("litellm")).get("PROXY_BASE_URL"));
    }

    @Test
    void withoutARouteOutLiteLlmUsesItsBundledCostMapInsteadOfWaitingForGitHub() {
        PlannedStack enterprise = Plans.example("enterprise-private-endpoints");
        Map<String, JsonObject> offline = containers(enterprise);
        for (String name : List.of("litellm", "config")) {
            assertEquals("True", env(offline.get(name)).get("LITELLM_LOCAL_MODEL_COST_MAP"), name);
        }
        assertEquals("True", env(containers(task(enterprise, "-deploy-migrate")).get("migrate")).get("LITELLM_LOCAL_MODEL_COST_MAP"));
        assertFalse(env(containers(Plans.stack("prod")).get("litellm")).containsKey("LITELLM_LOCAL_MODEL_COST_MAP"),
                "with a NAT, LiteLLM keeps fetching the current prices");
    }

    @Test
    void aDeployOrScaleInLetsTheLongestRequestFinishBeforeTheTaskStops() {
        PlannedStack prod = Plans.stack("prod");
        PlannedResource targets = prod.one("aws:lb/targetGroup:TargetGroup");
        // requestTimeoutSeconds unset: LiteLLM's 600 s; the load balancer drains a task that long at most
        assertEquals(600.0, targets.number("deregistrationDelay"));
        assertEquals(120, containers(prod).get("litellm").get("stopTimeout").getAsInt(), "Fargate's longest stop timeout");
        PlannedStack shorter = Plans.of(Stacks.load("prod").with(Map.of("requestTimeoutSeconds", 120)));
        assertEquals(120.0, shorter.one("aws:lb/targetGroup:TargetGroup").number("deregistrationDelay"));
    }

    @Test
    void redisIsOneTlsPrimaryEndpointWithTheTokenFromSecretsAndProdFailsOver() {
        PlannedStack prod = Plans.stack("prod");
        JsonObject server = containers(prod).get("litellm");
        Map<String, String> env = env(server);
        assertTrue(env.get("REDIS_HOST").startsWith("master."), "the primary endpoint of a cluster-mode-disabled group: " + env);
        assertEquals("6379", env.get("REDIS_PORT"));
        assertEquals("true", env.get("REDIS_SSL"));
        assertTrue(secrets(server).contains("REDIS_PASSWORD"));
        assertTrue(prod.ofType("aws:elasticache/serverlessCache:ServerlessCache").isEmpty(), "no cluster-mode cache (CROSSSLOT)");
        PlannedResource group = prod.one("aws:elasticache/replicationGroup:ReplicationGroup");
        assertEquals(2.0, group.number("numCacheClusters"));
        assertTrue(group.flag("automaticFailoverEnabled"));
        String rendered = prod.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
        assertFalse(rendered.contains("redis_startup_nodes") || rendered.contains("cluster"), "LiteLLM's single-node client fits: " + rendered);
    }

    @Test
    void theMetricsProcessReadsTheWorkersCountersFromASharedDirectory() {
        var one = containers(Plans.example("bedrock-budgets-metrics")).get("litellm");
        assertEquals("/var/lib/litellm/prometheus", env(one).get("PROMETHEUS_MULTIPROC_DIR"), "the dedicated port reads it too");
        var two = containers(Plans.of(Stacks.example("bedrock-budgets-metrics").with(Map.of("proxyWorkers", 2, "redis", true))))
                .get("litellm");
        assertEquals("/var/lib/litellm/prometheus", env(two).get("PROMETHEUS_MULTIPROC_DIR"));
        assertEquals("/var/lib/litellm/prometheus:rw", mounts(two).get("prometheus"));
    }

    @Test
    void healthChecksAvoidCurlAndTheLoadBalancerProbesReadiness() {
        PlannedStack prod = Plans.stack("prod");
        String check = containers(prod).get("litellm").getAsJsonObject("healthCheck").getAsJsonArray("command").toString();
        assertTrue(check.contains("python") && check.contains("/health/liveliness") && !check.contains("curl"), check);
        assertEquals("/health/readiness", prod.one("aws:lb/targetGroup:TargetGroup").string("healthCheck.path"));
        assertEquals(300.0, prod.one("aws:ecs/service:Service").number("healthCheckGracePeriodSeconds"));
    }

    @Test
    void guardrailAndLocalModelSidecarsStartBeforeTheServer() {
        Map<String, JsonObject> containers = containers(Plans.example("local-model-guardrails"));
        assertEquals(Set.of("litellm", "config", "presidio-analyzer", "presidio-anonymizer", "ollama", "volumes"),
                containers.keySet());
        Map<String, String> env = env(containers.get("litellm"));
        assertEquals("http://localhost:5002", env.get("PRESIDIO_ANALYZER_API_BASE"));
        assertEquals("http://localhost:5001", env.get("PRESIDIO_ANONYMIZER_API_BASE"));
        assertEquals("5002", env(containers.get("presidio-analyzer")).get("PORT"));
        String dependsOn = containers.get("litellm").getAsJsonArray("dependsOn").toString();
        assertTrue(dependsOn.contains("\"ollama\"") && dependsOn.contains("HEALTHY"), dependsOn);
        JsonObject ollama = containers.get("ollama");
        assertEquals("llama3.2:3b", env(ollama).get("OLLAMA_PULL_MODEL"));
        assertTrue(ollama.getAsJsonArray("command").get(0).getAsString().contains("trap"), "SIGTERM reaches ollama serve");
        assertEquals("65534:65534", ollama.get("user").getAsString());
        assertTrue(ollama.get("readonlyRootFilesystem").getAsBoolean());
        assertEquals("/ollama/models", env(ollama).get("OLLAMA_MODELS"));
        assertEquals("0:0", containers.get("presidio-analyzer").get("user").getAsString(), "named explicitly, see Sidecars");
    }

    @Test
    void devIsOneArmSpotTaskAndProdScalesOnDemandOnCpuMemoryAndRequests() {
        PlannedStack dev = Plans.stack("dev");
        assertEquals("ARM64", proxyTask(dev).string("runtimePlatform.cpuArchitecture"));
        assertEquals("FARGATE_SPOT", dev.one("aws:ecs/service:Service").string("capacityProviderStrategies.0.capacityProvider"));
        PlannedStack prod = Plans.stack("prod");
        assertEquals("FARGATE", prod.one("aws:ecs/service:Service").string("capacityProviderStrategies.0.capacityProvider"));
        assertEquals(2.0, prod.one("aws:appautoscaling/target:Target").number("minCapacity"));
        assertEquals(6.0, prod.one("aws:appautoscaling/target:Target").number("maxCapacity"));
        assertEquals(Map.of("ECSServiceAverageCPUUtilization", 60.0, "ECSServiceAverageMemoryUtilization", 80.0,
                        "ALBRequestCountPerTarget", 600.0), scalingTargets(prod));
    }

    @Test
    void everyExampleThatScalesAlsoScalesOnMemory() {
        for (String example : Stacks.examples()) {
            PlannedStack plan = Plans.example(example);
            PlannedResource target = plan.where(r -> r.type().equals("aws:appautoscaling/target:Target") && r.name().endsWith("-proxy")).get(0);
            if (target.number("maxCapacity") > target.number("minCapacity")) {
                assertTrue(scalingTargets(plan).containsKey("ECSServiceAverageMemoryUtilization"), example);
            }
        }
    }

    /** Target-tracking metric to target value, per policy of the proxy (or componentized gateway) service. */
    private static Map<String, Double> scalingTargets(PlannedStack plan) {
        return plan.ofType("aws:appautoscaling/policy:Policy").stream().filter(p -> p.name().contains("-proxy-")).collect(Collectors.toMap(
                p -> p.string("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"),
                p -> p.number("targetTrackingScalingPolicyConfiguration.targetValue")));
    }

    @Test
    void aConfigChangeProducesANewTaskDefinition() {
        var changed = Plans.of(Stacks.load("dev").with(Map.of("models", List.of("haiku=bedrock/anthropic.claude-3-haiku-20240307-v1:0"))));
        assertNotEquals(proxyTask(Plans.stack("dev")).string("containerDefinitions"), proxyTask(changed).string("containerDefinitions"),
                "the config object key (with its hash) is part of the config container's environment");
    }

    @Test
    void liteLlmKeepsIdleConnectionsOpenLongerThanTheLoadBalancerSoItNeverClosesOneTheBalancerReuses() {
        PlannedStack prod = Plans.stack("prod");
        double idle = prod.one("aws:lb/loadBalancer:LoadBalancer").number("idleTimeout");
        int keepAlive = Integer.parseInt(env(containers(prod).get("litellm")).get("KEEPALIVE_TIMEOUT"));
        assertTrue(keepAlive > idle, keepAlive + " s keep-alive against a " + idle + " s idle timeout");
    }

    @Test
    void rotatingTheMasterKeyRollsTheTasks() {
        var rotated = Plans.of(Stacks.load("dev").with(Map.of("masterKeyVersion", 2)));
        assertEquals("1", env(containers(Plans.stack("dev")).get("litellm")).get("MASTER_ROTATION"));
        assertEquals("2", env(containers(rotated).get("litellm")).get("MASTER_ROTATION"),
                "a new generation changes the task definition, so ECS starts tasks that read the new secret value");
        assertTrue(secrets(containers(rotated).get("litellm")).contains("LITELLM_MASTER_KEY"), "the key itself stays in secrets");
    }

    @Test
    void prodIsHttpsBehindWafAndThePublicDevVariantIsAllowListedPlainHttp() {
        PlannedStack prod = Plans.stack("prod");
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", prod.named("aws:lb/listener:Listener", "llm-prod-proxy-https").string("sslPolicy"));
        assertEquals(1, prod.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").size());
        assertTrue(prod.one("aws:lb/loadBalancer:LoadBalancer").flag("enableDeletionProtection"));
        PlannedStack dev = Plans.example("dev-public-alb");
        assertTrue(dev.ofType("aws:wafv2/webAcl:WebAcl").isEmpty());
        var listenerIngress = dev.where(r -> r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                && r.name().contains("-proxy-lb-from-cidr"));
        assertEquals(1, listenerIngress.size());
        assertEquals("203.0.113.0/24", listenerIngress.get(0).string("cidrIpv4"));
    }

    @Test
    void vpnModeHasAnInternalLoadBalancerReachableOnlyFromTheVpnGroup() {
        PlannedStack vpn = Plans.example("vpn-private-gateway");
        assertTrue(vpn.one("aws:lb/loadBalancer:LoadBalancer").flag("internal"));
        var listenerIngress = vpn.where(r -> r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                && r.name().startsWith("llm-vpn-private-gateway-proxy-lb-"));
        assertFalse(listenerIngress.isEmpty());
        assertTrue(listenerIngress.stream().allMatch(r -> r.input("referencedSecurityGroupId").isPresent() && r.input("cidrIpv4").isEmpty()),
                "no internet-facing listener in vpn mode");
    }
}

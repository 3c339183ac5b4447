package dev.llmgateway.gateway;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.components.testing.PlannedStack;
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

    private static Map<String, JsonObject> containers(PlannedStack plan) {
        JsonArray all = JsonParser.parseString(plan.one("aws:ecs/taskDefinition:TaskDefinition").string("containerDefinitions")).getAsJsonArray();
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(c -> c.get("name").getAsString(), c -> c));
    }

    private static Map<String, String> env(JsonObject container) {
        return StreamSupport.stream(container.getAsJsonArray("environment").spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(e -> e.get("name").getAsString(), e -> e.get("value").getAsString()));
    }

    private static Set<String> secrets(JsonObject container) {
        return StreamSupport.stream(container.getAsJsonArray("secrets").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("name").getAsString()).collect(Collectors.toSet());
    }

    @Test
    void serverRunsInProductionModeWithEverySecretFromValueFrom() {
        JsonObject server = containers(Plans.stack("prod")).get("litellm");
        Map<String, String> env = env(server);
        assertEquals("PRODUCTION", env.get("LITELLM_MODE"));
        assertEquals("ERROR", env.get("LITELLM_LOG"));
        assertEquals("2", env.get("NUM_WORKERS"), "one worker per vCPU");
        assertEquals("true", env.get("DISABLE_SCHEMA_UPDATE"), "serving tasks never migrate");
        assertEquals("true", env.get("REDIS_SSL"));
        assertEquals(Set.of("LITELLM_MASTER_KEY", "LITELLM_SALT_KEY", "UI_PASSWORD", "DATABASE_USERNAME", "DATABASE_PASSWORD",
                "REDIS_PASSWORD"), secrets(server));
        assertTrue(env.keySet().stream().noneMatch(name -> name.contains("PASSWORD") || name.contains("MASTER_KEY") || name.contains("SALT")),
                "no secret in plain environment: " + env.keySet());
        assertEquals("ghcr.io/berriai/litellm-non_root:v1.108.12", server.get("image").getAsString(),
                "the LTS release litellm/README.md documents, not the 1.80.5 tag that was never published for the variant images");
    }

    @Test
    void migrationsRunOnceInTheirOwnContainerBeforeTheServerStarts() {
        Map<String, JsonObject> containers = containers(Plans.stack("dev"));
        JsonObject migrate = containers.get("migrate");
        assertFalse(migrate.get("essential").getAsBoolean());
        assertEquals("[\"--skip_server_startup\"]", migrate.getAsJsonArray("command").toString());
        assertEquals(Set.of("DATABASE_USERNAME", "DATABASE_PASSWORD"), secrets(migrate), "the migration gets database credentials only");
        assertTrue(env(migrate).containsKey("DATABASE_HOST") && !env(migrate).containsKey("LITELLM_CONFIG_BUCKET_NAME"));
        JsonObject dependsOn = containers.get("litellm").getAsJsonArray("dependsOn").get(0).getAsJsonObject();
        assertEquals("migrate", dependsOn.get("containerName").getAsString());
        assertEquals("SUCCESS", dependsOn.get("condition").getAsString());
    }

    @Test
    void healthChecksAvoidCurlAndTheLoadBalancerProbesReadiness() {
        PlannedStack dev = Plans.stack("dev");
        String check = containers(dev).get("litellm").getAsJsonObject("healthCheck").getAsJsonArray("command").toString();
        assertTrue(check.contains("python") && check.contains("/health/liveliness") && !check.contains("curl"), check);
        assertEquals("/health/readiness", dev.one("aws:lb/targetGroup:TargetGroup").string("healthCheck.path"));
        assertEquals(300.0, dev.one("aws:ecs/service:Service").number("healthCheckGracePeriodSeconds"));
    }

    @Test
    void guardrailAndLocalModelSidecarsStartBeforeTheServer() {
        Map<String, JsonObject> containers = containers(Plans.example("local-model-guardrails"));
        assertEquals(Set.of("litellm", "migrate", "presidio-analyzer", "presidio-anonymizer", "ollama"), containers.keySet());
        Map<String, String> env = env(containers.get("litellm"));
        assertEquals("http://localhost:5002", env.get("PRESIDIO_ANALYZER_API_BASE"));
        assertEquals("http://localhost:5001", env.get("PRESIDIO_ANONYMIZER_API_BASE"));
        assertEquals("5002", env(containers.get("presidio-analyzer")).get("PORT"));
        String dependsOn = containers.get("litellm").getAsJsonArray("dependsOn").toString();
        assertTrue(dependsOn.contains("\"ollama\"") && dependsOn.contains("HEALTHY"), dependsOn);
        assertTrue(containers.get("ollama").getAsJsonArray("command").toString().contains("ollama pull llama3.2:3b"));
    }

    @Test
    void devIsOneArmSpotTaskAndProdScalesOnDemandOnCpuAndRequests() {
        PlannedStack dev = Plans.stack("dev");
        assertEquals("ARM64", dev.one("aws:ecs/taskDefinition:TaskDefinition").string("runtimePlatform.cpuArchitecture"));
        assertEquals("FARGATE_SPOT", dev.one("aws:ecs/service:Service").string("capacityProviderStrategies.0.capacityProvider"));
        PlannedStack prod = Plans.stack("prod");
        assertEquals("FARGATE", prod.one("aws:ecs/service:Service").string("capacityProviderStrategies.0.capacityProvider"));
        assertEquals(2.0, prod.one("aws:appautoscaling/target:Target").number("minCapacity"));
        assertEquals(6.0, prod.one("aws:appautoscaling/target:Target").number("maxCapacity"));
        assertEquals(List.of("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget"), prod.ofType("aws:appautoscaling/policy:Policy").stream()
                .map(p -> p.string("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType")).sorted(
                        java.util.Comparator.comparing(s -> s.startsWith("ALB"))).toList());
    }

    @Test
    void aConfigChangeProducesANewTaskDefinition() {
        var changed = Plans.of(Stacks.load("dev").with(Map.of("models", List.of("haiku=bedrock/anthropic.claude-3-haiku-20240307-v1:0"))));
        assertNotEquals(Plans.stack("dev").one("aws:ecs/taskDefinition:TaskDefinition").string("containerDefinitions"),
                changed.one("aws:ecs/taskDefinition:TaskDefinition").string("containerDefinitions"),
                "the config object key (with its hash) is part of the container environment");
    }

    @Test
    void prodIsHttpsBehindWafAndDevIsAllowListedPlainHttp() {
        PlannedStack prod = Plans.stack("prod");
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", prod.named("aws:lb/listener:Listener", "llm-prod-proxy-https").string("sslPolicy"));
        assertEquals(1, prod.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").size());
        assertTrue(prod.one("aws:lb/loadBalancer:LoadBalancer").flag("enableDeletionProtection"));
        PlannedStack dev = Plans.stack("dev");
        assertTrue(dev.ofType("aws:wafv2/webAcl:WebAcl").isEmpty());
        assertTrue(dev.where(r -> r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") && r.name().startsWith("llm-dev-proxy-lb-80"))
                .stream().allMatch(r -> r.string("cidrIpv4").equals("203.0.113.0/24")));
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

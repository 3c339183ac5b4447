package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.database.DatabaseEngine;
import dev.llmgateway.components.secrets.SecretStore;
import dev.llmgateway.components.proxy.CapacityStrategy;
import dev.llmgateway.components.vpc.NatStrategy;
import dev.llmgateway.gateway.access.AccessMode;
import dev.llmgateway.gateway.access.EdgeAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsTest {

    private static final StackSettings DEV = StackSettings.read(Stacks.load("dev"));
    private static final StackSettings PROD = StackSettings.read(Stacks.load("prod"));

    @Test
    void devIsTheCheapShapeOfTheSameGateway() {
        assertEquals(2, DEV.network().azCount());
        assertEquals(NatStrategy.INSTANCE, DEV.network().nat());
        assertEquals(DatabaseEngine.RDS_INSTANCE, DEV.database().engine(), "a micro instance is cheaper than 0.5 ACU while a task runs");
        assertTrue(DEV.officeHours().isPresent(), "the proxy and its database run only in office hours");
        assertEquals(AccessMode.PRIVATE, DEV.access().mode().kind(), "no load balancer");
        assertEquals(SecretStore.SSM, DEV.secrets().store(), "free SecureString parameters");
        assertEquals(CapacityStrategy.FARGATE_SPOT, DEV.proxy().capacity());
        assertEquals(1, DEV.proxy().maxTasks());
        assertFalse(DEV.proxy().redis());
        assertFalse(DEV.database().deletionProtection());
        assertEquals(14, DEV.observability().logRetentionDays());
    }

    @Test
    void prodIsHighlyAvailableProtectedAndBehindHttpsAndWaf() {
        assertEquals(3, PROD.network().azCount());
        assertEquals(NatStrategy.GATEWAY_PER_AZ, PROD.network().nat());
        assertEquals(DatabaseEngine.AURORA_SERVERLESS_V2, PROD.database().engine());
        assertEquals(1, PROD.database().readers());
        assertTrue(PROD.database().deletionProtection() && PROD.database().protect());
        assertEquals(30, PROD.database().backupRetentionDays());
        assertEquals(2, PROD.proxy().minTasks());
        assertEquals(1, PROD.proxy().workers(), "one uvicorn worker per task, scaling with tasks (LiteLLM production guide)");
        assertTrue(PROD.proxy().redis());
        assertTrue(PROD.access().certificateArn().isPresent());
        assertTrue(PROD.access().waf());
        assertFalse(PROD.access().allowPlainHttp());
        assertTrue(PROD.observability().logRetentionDays() >= 90);
    }

    @Test
    void defaultTagsNameProjectStackAndOwnerOnce() {
        assertEquals(Map.of("project", "litellm-gateway", "stack", "prod", "managed-by", "pulumi", "environment", "prod"),
                PROD.tags().tags());
    }

    @Test
    void wafRateLimitGoesDownToTheWafMinimumOfTen() {
        assertEquals(10, StackSettings.read(Stacks.load("prod").with(Map.of("wafRateLimit", 10))).access().wafRateLimit());
    }

    @Test
    void aStackThatSetsOnlyTheMinimumTaskCountRunsThatManyWithoutScalingOut() {
        Map<String, Object> overrides = new HashMap<>(Map.of("proxyMinTasks", 2, "redis", true));
        overrides.put("proxyMaxTasks", null);
        var proxy = StackSettings.read(Stacks.example("dev-public-alb").with(overrides)).proxy();
        assertEquals(2, proxy.minTasks());
        assertEquals(2, proxy.maxTasks(), "Pulumi.yaml's default maximum follows the minimum");
    }

    @Test
    void valuesOutsideTheTablesAreWarnedAboutWithTheTablesDateAndTheCommittedStacksHaveNone() {
        assertEquals(List.of(), DEV.warnings());
        assertEquals(List.of(), PROD.warnings());
        var warned = StackSettings.read(Stacks.load("prod").with(Map.of("redisNodeType", "cache.m9g.large", "models",
                List.of("new=bedrock/us.anthropic.claude-future-v1:0", "tuned=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;guardrailConfig=x"))))
                .warnings();
        assertEquals(3, warned.size(), warned.toString());
        assertTrue(warned.stream().anyMatch(w -> w.startsWith("litellm-gateway:models = 'tuned=bedrock/us.anthropic.claude-haiku-4-5"
                + "-20251001-v1:0;guardrailConfig=x' is not in the LiteLLM parameters known for model entries (guardrailConfig) (as of ")),
                warned.toString());
        assertTrue(warned.stream().anyMatch(w -> w.startsWith("litellm-gateway:redisNodeType = 'cache.m9g.large' is not in the node types"
                + " known to run Valkey (as of ")), warned.toString());
        assertTrue(warned.stream().anyMatch(w -> w.startsWith("litellm-gateway:models = 'new=bedrock/us.anthropic.claude-future-v1:0'")),
                warned.toString());
    }

    @Test
    void modelParametersAreRenderedWithTheTypesLiteLlmReads() {
        var model = StackSettings.read(Stacks.load("dev").with(Map.of("models", List.of(
                "haiku=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;temperature=0.2;max_tokens=512;drop_params=true;user=gw"))))
                .litellm().models().get(0);
        assertEquals(Map.of("temperature", 0.2, "max_tokens", 512L, "drop_params", true, "user", "gw"), model.params());
    }

    @Test
    void timeoutDefaultsAgreeAlongTheWholePath() {
        assertEquals(600, DEV.litellm().requestTimeoutSeconds());
        assertTrue(DEV.access().idleTimeoutSeconds() > DEV.litellm().requestTimeoutSeconds(), "the ALB outlasts a non-streamed completion");
        StackSettings edge = StackSettings.read(Stacks.example("edge-waf-autoscaled"));
        int originRead = ((EdgeAccess) edge.access().mode()).edge().originReadTimeoutSeconds();
        assertEquals(Math.min(600, originRead), edge.litellm().requestTimeoutSeconds(), "behind CloudFront LiteLLM gives up first");
    }

    @Test
    void aRequestTimeoutLongerThanCloudFrontWaitsIsRefused() {
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(Map.of("requestTimeoutSeconds", 120, "edgeOriginReadTimeoutSeconds", 60))));
        assertTrue(error.getMessage().contains("litellm-gateway:requestTimeoutSeconds = '120': at most litellm-gateway:edgeOriginReadTimeoutSeconds (60)"),
                error.getMessage());
        assertEquals(170, StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(Map.of("requestTimeoutSeconds", 170, "edgeOriginReadTimeoutSeconds", 180))).litellm().requestTimeoutSeconds());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("vpcCidr", "10.0.0.0/33"), "litellm-gateway:vpcCidr = '10.0.0.0/33': an IPv4 CIDR block"),
                Arguments.of(Map.of("vpcCidr", "10.0.0.0/27"), "litellm-gateway:vpcCidr = '10.0.0.0/27': VPC 10.0.0.0/27 is too small"),
                Arguments.of(Map.of("privateSubnetCidrs", List.of("10.9.0.0/24", "10.0.9.0/24")),
                        "litellm-gateway:privateSubnetCidrs = '[10.9.0.0/24, 10.0.9.0/24]': PRIVATE subnet 10.9.0.0/24 does not fit in VPC 10.0.0.0/16"),
                Arguments.of(Map.of("azCount", 7), "litellm-gateway:azCount = '7': a whole number between 2 and 6"),
                Arguments.of(Map.of("natStrategy", "two-gateways"),
                        "litellm-gateway:natStrategy = 'two-gateways': one of none, instance, single-gateway, gateway-per-az"),
                Arguments.of(Map.of("proxyCpu", 1024, "proxyMemory", 1024),
                        "litellm-gateway:proxyMemory = '1024': with 1024 CPU units Fargate accepts memory 2048..8192 in steps of 1024 MiB"),
                Arguments.of(Map.of("proxyMinTasks", 3, "proxyMaxTasks", 2), "litellm-gateway:proxyMinTasks = '3': at most litellm-gateway:proxyMaxTasks (2)"),
                Arguments.of(Map.of("logRetentionDays", 0), "litellm-gateway:logRetentionDays = '0': a positive CloudWatch Logs retention"),
                Arguments.of(Map.of("flowLogRetentionDays", 10), "litellm-gateway:flowLogRetentionDays = '10': a positive CloudWatch Logs retention"),
                Arguments.of(Map.of("dbProtect", true, "dbDeletionProtection", false), "litellm-gateway:dbProtect = true asks Pulumi to keep"),
                Arguments.of(Map.of("proxyMaxTasks", 3), "3 task(s) x 1 worker(s) need litellm-gateway:redis = true"),
                Arguments.of(Map.of("litellmImage", "ghcr.io/berriai/litellm:main-latest"),
                        "litellm-gateway:litellmImage = 'ghcr.io/berriai/litellm:main-latest': an image pinned"),
                Arguments.of(Map.of("litellmImage", "ghcr.io/berriai/litellm:v1.82.7"), "LiteLLM 1.82.7 was published with malicious code"),
                Arguments.of(Map.of("guardrails", List.of("regex-pii", "presidio")),
                        "Invalid stack setting litellm-gateway:guardrails = 'presidio': regex-pii only on arm64 tasks: the Presidio images exist for linux/amd64 only"),
                Arguments.of(Map.of("ollamaModel", "llama3.2:3b", "proxyArchitecture", "x86-64"),
                        "Invalid stack setting litellm-gateway:proxyMemory = '2048': at least 6144 MiB: the sidecars reserve 4096 MiB"),
                Arguments.of(Map.of("proxyWorkers", 0), "litellm-gateway:proxyWorkers = '0'"),
                Arguments.of(Map.of("cacheMode", "sometimes"), "litellm-gateway:cacheMode = 'sometimes': one of opt-in, always, off"),
                Arguments.of(Map.of("litellmImage", "ghcr.io/berriai/litellm-non_root:v1.82.8-stable"), "LiteLLM 1.82.8 was published with malicious code"),
                Arguments.of(Map.of("litellmImage", "ghcr.io/berriai/litellm:lts"), "litellm-gateway:litellmImage = 'ghcr.io/berriai/litellm:lts': an image pinned"),
                Arguments.of(Map.of("litellmImage", "ghcr.io/berriai/litellm:v1.111.0-rc.2"), "a released version; rc builds are not releases"),
                Arguments.of(Map.of("allowedCidrs", List.of("0.0.0.0/0")), "litellm-gateway:allowedCidrs = '0.0.0.0/0': the whole internet only with litellm-gateway:waf = true"),
                Arguments.of(Map.of("allowPlainHttp", false), "litellm-gateway:certificateArn = '': required for HTTPS"),
                Arguments.of(Map.of("albDomainName", "llm.example.com"), "albDomainName and albHostedZoneId go together"),
                Arguments.of(Map.of("natStrategy", "none"), "litellm-gateway:litellmImage = 'ghcr.io/berriai/litellm-non_root:v1.108.26': an ECR image"),
                Arguments.of(Map.of("natStrategy", "none", "litellmImage", "123456789012.dkr.ecr.us-east-1.amazonaws.com/litellm:v1.108.26"),
                        "litellm-gateway:vpcEndpoints = '[]': also [bedrock-runtime, ecr.api, ecr.dkr, logs, secretsmanager], which tasks need when natStrategy is none"),
                Arguments.of(Map.of("accessMode", "vpn", "allowedCidrs", List.of(), "vpnClientCidr", "10.0.4.0/22"),
                        "litellm-gateway:vpnClientCidr = '10.0.4.0/22': a block that does not overlap the VPC (10.0.0.0/16)"),
                Arguments.of(Map.of("accessMode", "vpn", "allowedCidrs", List.of(), "vpnClientCidr", "172.16.0.0/24"),
                        "litellm-gateway:vpnClientCidr = '172.16.0.0/24': a block between /12 and /22"),
                Arguments.of(Map.of("dbMinCapacity", "0.7"), "litellm-gateway:dbMinCapacity = '0.7': Aurora capacity units in steps of 0.5"),
                Arguments.of(Map.of("allowPlainHttp", false, "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc"),
                        "litellm-gateway:albDomainName = '': a DNS name that certificateArn covers"),
                Arguments.of(Map.of("policyProfile", "prod"),
                        "litellm-gateway:alarmEmails = '[]': at least one address when policyProfile is prod"),
                Arguments.of(Map.of("metrics", "prometheus", "proxyMaxTasks", 9, "redis", true),
                        "litellm-gateway:proxyMaxTasks = '9': at most 8 with metrics = prometheus: VictoriaMetrics finds the tasks"
                                + " through Cloud Map DNS, whose answers hold at most 8 addresses"),
                Arguments.of(Map.of("tags", List.of("no-equals-sign")), "litellm-gateway:tags = 'no-equals-sign': entries of the form key=value"),
                Arguments.of(Map.of("litellmLayout", "microservices"), "litellm-gateway:litellmLayout = 'microservices': one of monolithic, componentized"),
                Arguments.of(Map.of("litellmLayout", "componentized", "accessMode", "private", "proxyReadOnlyRootFilesystem", false,
                                "allowPlainHttp", false, "allowedCidrs", List.of()),
                        "litellm-gateway:litellmLayout = 'componentized': monolithic with accessMode private"),
                Arguments.of(Map.of("litellmLayout", "componentized", "officeHours", "08:00-18:00", "officeDays", "MON-FRI",
                                "officeTimeZone", "Europe/Berlin"),
                        "litellm-gateway:litellmLayout = 'componentized': monolithic with officeHours"),
                Arguments.of(Map.of("adminCidrs", List.of("203.0.113.0/24")), "litellm-gateway:adminCidrs = '[203.0.113.0/24]': empty with litellmLayout monolithic"),
                Arguments.of(Map.of("litellmLayout", "componentized", "adminCidrs",
                                List.of("203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24", "10.1.0.0/16")),
                        "at most 3 blocks: a load balancer rule holds 5 condition values"),
                Arguments.of(Map.of("litellmComponentImages", "ghcr.io/berriai/litellm-gateway:v1.108.26"),
                        "litellm-gateway:litellmComponentImages = 'ghcr.io/berriai/litellm-gateway:v1.108.26': an image reference with {component}"),
                Arguments.of(Map.of("litellmComponentImages", "ghcr.io/berriai/litellm-{component}:main-stable"),
                        "litellm-gateway:litellmComponentImages = 'ghcr.io/berriai/litellm-gateway:main-stable': an image pinned"),
                Arguments.of(Map.of("backendCpu", 256, "backendMemory", 4096), "litellm-gateway:backendMemory = '4096'"),
                Arguments.of(Map.of("litellmBucket", true, "litellmBucketArchiveDays", 90, "litellmBucketExpireDays", 30),
                        "litellm-gateway:litellmBucketExpireDays = '30': 0 (kept) or more than litellm-gateway:litellmBucketArchiveDays (90)"));
    }

    @org.junit.jupiter.api.Test
    void behindCloudFrontTheManagementPlaneCannotBeRestrictedByClientAddress() {
        var source = Stacks.example("edge-waf-autoscaled").with(Map.of("litellmLayout", "componentized", "adminCidrs", List.of("203.0.113.0/24")));
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(source));
        assertTrue(error.getMessage().contains("litellm-gateway:adminCidrs = '[203.0.113.0/24]': empty with accessMode edge"), error.getMessage());
        assertEquals(LiteLlmLayout.COMPONENTIZED, StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(Map.of("litellmLayout", "componentized"))).layout().layout(), "componentized behind CloudFront, unrestricted, is fine");
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badValuesFailFastNamingKeyValueAndWhatIsAllowed(Map<String, Object> overrides, String expected) {
        var source = Stacks.example("dev-public-alb").with(new HashMap<>(overrides));
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(source));
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }
}

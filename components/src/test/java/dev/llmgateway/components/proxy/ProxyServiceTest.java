package dev.llmgateway.components.proxy;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.network.TestPeer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.components.waf.WebFirewallArgs;
import org.junit.jupiter.api.Test;
import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyServiceTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:master-AbCdEf";
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
    private static final Optional<Output<String>> HTTPS = Optional.of(Output.of(CERT));

    private static final ContainerSpec APP = ContainerSpec.builder("app", "ghcr.io/berriai/litellm-non_root:v1.108.26").port(4000)
            .env("LITELLM_MODE", "PRODUCTION")
            .secret("LITELLM_MASTER_KEY", Output.of(SECRET_ARN))
            .secret("DATABASE_PASSWORD", Output.of(SECRET_ARN + ":password::"))
            .healthCheck(HealthCheck.of(List.of("CMD", "python", "-c", "print(1)"), 120))
            .build();

    private static ProxyServiceArgsBuilder base() {
        return ProxyServiceArgs.builder().region("us-east-1").vpcId(Output.of("vpc-1"))
                .loadBalancerSubnetIds(Output.of(List.of("public-a", "public-b")))
                .taskSubnetIds(Output.of(List.of("private-a", "private-b")))
                .kmsKeyArn(Output.of("arn:aws:kms:us-east-1:123456789012:key/k"))
                .containers(List.of(APP));
    }

    private static PlannedStack plan(UnaryOperator<ProxyServiceArgsBuilder> configure) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var proxy = new ProxyService("gw", configure.apply(base()).build(), null);
            proxy.connections().allowTo(new TestPeer("db", "sg-db"), 5432, "test");
        }).orThrow();
    }

    private static JsonObject container(PlannedStack plan) {
        JsonArray containers = JsonParser.parseString(plan.one("aws:ecs/taskDefinition:TaskDefinition")
                .string("containerDefinitions")).getAsJsonArray();
        return containers.get(0).getAsJsonObject();
    }

    @Test
    void secretsReachTheContainerOnlyThroughValueFrom() {
        JsonObject app = container(plan(b -> b.certificateArn(HTTPS)));
        assertEquals(2, app.getAsJsonArray("secrets").size());
        assertEquals(SECRET_ARN + ":password::", app.getAsJsonArray("secrets").get(0).getAsJsonObject().get("valueFrom").getAsString());
        assertFalse(app.getAsJsonArray("environment").toString().contains("secretsmanager"));
        assertTrue(app.get("readonlyRootFilesystem").getAsBoolean());
        assertFalse(app.get("privileged").getAsBoolean());
        assertEquals("awslogs", app.getAsJsonObject("logConfiguration").get("logDriver").getAsString());
        assertEquals(120, app.getAsJsonObject("healthCheck").get("startPeriod").getAsInt());
    }

    @Test
    void mountedTaskVolumesAreDeclaredOnceAndMountedAsAsked() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS)
                .containers(List.of(APP,
                        ContainerSpec.builder("writer", "busybox:1.36").user("65534:65534").mount("shared", "/out")
                                .mount("scratch", "/tmp").stopTimeoutSeconds(10).build(),
                        ContainerSpec.builder("reader", "busybox:1.36").mountReadOnly("shared", "/in").dropAllCapabilities().build()
                                .dependingOn("writer", ContainerCondition.SUCCESS))));
        assertEquals(List.of("scratch", "shared"), plan.one("aws:ecs/taskDefinition:TaskDefinition").list("volumes").stream()
                .map(v -> ((java.util.Map<?, ?>) v).get("name")).toList(), "each volume once, Fargate task storage");
        JsonArray all = JsonParser.parseString(plan.one("aws:ecs/taskDefinition:TaskDefinition").string("containerDefinitions")).getAsJsonArray();
        assertEquals("[{\"containerPath\":\"/tmp\",\"readOnly\":false,\"sourceVolume\":\"scratch\"},"
                + "{\"containerPath\":\"/out\",\"readOnly\":false,\"sourceVolume\":\"shared\"}]",
                sortedKeys(all.get(1).getAsJsonObject().getAsJsonArray("mountPoints")));
        assertEquals(10, all.get(1).getAsJsonObject().get("stopTimeout").getAsInt());
        assertEquals("65534:65534", all.get(1).getAsJsonObject().get("user").getAsString());
        assertTrue(all.get(2).getAsJsonObject().getAsJsonArray("mountPoints").get(0).getAsJsonObject().get("readOnly").getAsBoolean());
        assertFalse(all.get(0).getAsJsonObject().has("mountPoints"), "no mounts, no mountPoints");
        assertEquals("{\"capabilities\":{\"drop\":[\"ALL\"]}}", all.get(2).getAsJsonObject().getAsJsonObject("linuxParameters").toString());
        assertFalse(all.get(1).getAsJsonObject().has("linuxParameters"));
        assertEquals("writer", all.get(2).getAsJsonObject().getAsJsonArray("dependsOn").get(0).getAsJsonObject().get("containerName").getAsString());
    }

    private static String sortedKeys(JsonArray array) {
        JsonArray sorted = new JsonArray();
        array.forEach(e -> {
            JsonObject copy = new JsonObject();
            e.getAsJsonObject().keySet().stream().sorted().forEach(k -> copy.add(k, e.getAsJsonObject().get(k)));
            sorted.add(copy);
        });
        return sorted.toString();
    }

    @Test
    void executionRoleReadsExactlyTheGivenSecretsAndNoWildcard() {
        String policy = plan(b -> b.certificateArn(HTTPS)).named("aws:iam/rolePolicy:RolePolicy", "gw-execution").string("policy");
        assertTrue(policy.contains("\"Resource\":\"" + SECRET_ARN + "\""), policy);
        assertFalse(policy.contains(":password::"), "JSON-key suffixes are stripped for IAM");
        assertFalse(policy.contains("\"*\""), "public images need no ECR wildcard: " + policy);
        assertTrue(policy.contains("log-group:/ecs/gw/app:*") || policy.contains("/ecs/gw/app"), policy);
    }

    /** The execution role's statements by Sid. */
    private static java.util.Map<String, JsonObject> executionStatements(PlannedStack plan) {
        java.util.Map<String, JsonObject> bySid = new java.util.HashMap<>();
        JsonParser.parseString(plan.named("aws:iam/rolePolicy:RolePolicy", "gw-execution").string("policy"))
                .getAsJsonObject().getAsJsonArray("Statement")
                .forEach(e -> bySid.put(e.getAsJsonObject().get("Sid").getAsString(), e.getAsJsonObject()));
        return bySid;
    }

    private static List<String> resources(JsonObject statement) {
        var resource = statement.get("Resource");
        return resource.isJsonArray() ? resource.getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList()
                : List.of(resource.getAsString());
    }

    @Test
    void aSecretAddedToAContainerIsReadableByTheExecutionRoleAndNothingElseIs() {
        String sidecarSecret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sidecar-token-XyZ123";
        var statements = executionStatements(plan(b -> b.certificateArn(HTTPS)
                .containers(List.of(APP, ContainerSpec.builder("sidecar", "ghcr.io/example/sidecar:1")
                        .secret("TOKEN", Output.of(sidecarSecret + ":token::")).build()))));

        assertEquals(List.of(SECRET_ARN, sidecarSecret).stream().sorted().toList(), resources(statements.get("ReadSecrets")));
        assertEquals("[\"secretsmanager:GetSecretValue\"]", statements.get("ReadSecrets").get("Action").toString());
        assertFalse(statements.containsKey("ReadParameters"), "no parameter is used: " + statements);
        // Without the sidecar its secret is not readable.
        assertEquals(List.of(SECRET_ARN), resources(executionStatements(plan(b -> b.certificateArn(HTTPS)))
                .get("ReadSecrets")));
    }

    @Test
    void parametersAreReadWithGetParametersAndTheKeyOnlyThroughTheStoresUsed() {
        String parameter = "arn:aws:ssm:us-east-1:123456789012:parameter/litellm-gateway/dev/master-key";
        var statements = executionStatements(plan(b -> b.certificateArn(HTTPS)
                .containers(List.of(APP, ContainerSpec.builder("sidecar", "ghcr.io/example/sidecar:1")
                        .secret("MASTER_KEY", Output.of(parameter)).build()))));

        JsonObject parameters = statements.get("ReadParameters");
        assertEquals("[\"ssm:GetParameters\"]", parameters.get("Action").toString());
        assertEquals(List.of(parameter), resources(parameters));
        JsonObject decrypt = statements.get("DecryptSecrets");
        assertEquals("[\"kms:Decrypt\"]", decrypt.get("Action").toString());
        assertEquals(List.of("arn:aws:kms:us-east-1:123456789012:key/k"), resources(decrypt));
        assertEquals("[\"secretsmanager.us-east-1.amazonaws.com\",\"ssm.us-east-1.amazonaws.com\"]",
                decrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService").toString());
    }

    @Test
    void theKeyIsDecryptableOnlyThroughSecretsManagerWhenOnlySecretsAreUsed() {
        JsonObject decrypt = executionStatements(plan(b -> b.certificateArn(HTTPS))).get("DecryptSecrets");
        assertEquals("secretsmanager.us-east-1.amazonaws.com",
                decrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
    }

    @Test
    void httpsListenerUsesTls13AndHttpRedirects() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS));
        PlannedResource https = plan.named("aws:lb/listener:Listener", "gw-https");
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.string("sslPolicy"));
        assertEquals(CERT, https.string("certificateArn"));
        PlannedResource http = plan.named("aws:lb/listener:Listener", "gw-http");
        assertEquals("redirect", http.string("defaultActions.0.type"));
        assertEquals("HTTPS", http.string("defaultActions.0.redirect.protocol"));
        PlannedResource lb = plan.one("aws:lb/loadBalancer:LoadBalancer");
        assertTrue(lb.flag("dropInvalidHeaderFields") && lb.flag("enableDeletionProtection"));
        assertEquals(300.0, lb.number("idleTimeout"));
        // One rule holds up to five condition values (ELB quotas): the three default paths share one.
        assertEquals(List.of("/v1/*", "/health*", "/ui/*"), plan.one("aws:lb/listenerRule:ListenerRule").list("conditions.0.pathPattern.values"));
    }

    @Test
    void plainHttpNeedsExplicitConsentAndIdleTimeoutMustSurviveStreaming() {
        var noTls = assertThrows(IllegalArgumentException.class, () -> base().build());
        assertTrue(noTls.getMessage().contains("allowPlainHttp"), noTls.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base().allowPlainHttp(true).idleTimeoutSeconds(60).build());
        var sizes = assertThrows(IllegalArgumentException.class, () -> base().allowPlainHttp(true).cpu(1024).memory(1024).build());
        assertTrue(sizes.getMessage().contains("2048..8192"), sizes.getMessage());
        PlannedStack plain = plan(b -> b.allowPlainHttp(true));
        assertEquals("forward", plain.one("aws:lb/listener:Listener").string("defaultActions.0.type"));
    }

    @Test
    void withoutALoadBalancerNoLoadBalancerSettingIsAccepted() {
        var subnets = assertThrows(IllegalArgumentException.class, () -> base().loadBalanced(false).build());
        assertTrue(subnets.getMessage().contains("without a load balancer"), subnets.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base().loadBalanced(false).loadBalancerSubnetIds(null).certificateArn(HTTPS).build());
        PlannedStack plan = plan(b -> b.loadBalanced(false).loadBalancerSubnetIds(null).executeCommand(true));
        assertTrue(plan.ofType("aws:lb/loadBalancer:LoadBalancer").isEmpty());
        assertTrue(plan.one("aws:ecs/service:Service").flag("enableExecuteCommand"));
    }

    @Test
    void tasksTakeTrafficOnlyFromTheLoadBalancerAndGetNoPublicIp() {
        PlannedStack plan = OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var proxy = new ProxyService("gw", base().certificateArn(HTTPS).build(), null);
            proxy.connections().allowTo(new TestPeer("db", "sg-db"), 5432, "test");
            proxy.loadBalancer().admit(Peer.ipv4("office", Cidr.of("203.0.113.0/24")), "office calls");
        }).orThrow();
        PlannedResource service = plan.one("aws:ecs/service:Service");
        assertFalse(service.flag("networkConfiguration.assignPublicIp"));
        assertTrue(service.flag("deploymentCircuitBreaker.enable") && service.flag("deploymentCircuitBreaker.rollback"));
        assertEquals(100.0, service.number("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.number("deploymentMaximumPercent"));
        PlannedResource fromLb = plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "gw-from-lb");
        assertTrue(fromLb.input("referencedSecurityGroupId").isPresent() && fromLb.input("cidrIpv4").isEmpty());
        List<PlannedResource> listenerIngress = plan.where(r -> r.name().startsWith("gw-lb-from-cidr"));
        assertEquals(List.of("gw-lb-from-cidr-203-0-113-0-24-443", "gw-lb-from-cidr-203-0-113-0-24-80"),
                listenerIngress.stream().map(PlannedResource::name).sorted().toList(), "443 and 80 from the one admitted range");
        assertTrue(listenerIngress.stream().allMatch(r -> r.string("cidrIpv4").equals("203.0.113.0/24")));
        assertEquals("sg-db", plan.named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "gw-to-db-5432").string("referencedSecurityGroupId"));
    }

    @Test
    void pulumiUpWaitsForTheNewTasksToBecomeSteady() {
        PlannedResource service = plan(b -> b.allowPlainHttp(true)).one("aws:ecs/service:Service");
        assertTrue(service.flag("waitForSteadyState"));
    }

    @Test
    void deploymentTimeoutCoversEveryFailingWaveAndTheRollback() {
        // One task: the circuit breaker needs 3 failed tasks (3 waves) and the rollback 1 more wave of (10 min + grace).
        assertEquals(Duration.ofMinutes(4 * 15), ProxyService.deploymentTimeout(300, 1));
        // Two tasks per wave: 2 failing waves for 3 failures, plus the rollback.
        assertEquals(Duration.ofMinutes(3 * 15), ProxyService.deploymentTimeout(300, 2));
        // Six tasks: 3 failures fit in one wave.
        assertEquals(Duration.ofMinutes(2 * 15), ProxyService.deploymentTimeout(300, 6));
        // Never below the provider's 20-minute default.
        assertEquals(Duration.ofMinutes(20), ProxyService.deploymentTimeout(0, 10));
    }

    @Test
    void spotAutoscalingAndReadinessChecks() {
        PlannedStack plan = plan(b -> b.allowPlainHttp(true).capacity(CapacityStrategy.SPOT_WITH_ON_DEMAND_BASE)
                .minTasks(2).maxTasks(6).requestsPerTarget(600).memoryTargetPercent(75));
        PlannedResource service = plan.one("aws:ecs/service:Service");
        assertEquals("FARGATE", service.string("capacityProviderStrategies.0.capacityProvider"));
        assertEquals(1.0, service.number("capacityProviderStrategies.0.base"));
        assertEquals("FARGATE_SPOT", service.string("capacityProviderStrategies.1.capacityProvider"));
        assertEquals(List.of("desiredCount"), service.ignoreChanges());
        PlannedResource target = plan.one("aws:appautoscaling/target:Target");
        assertEquals(2.0, target.number("minCapacity"));
        assertEquals(6.0, target.number("maxCapacity"));
        assertEquals(3, plan.ofType("aws:appautoscaling/policy:Policy").size(), "CPU, requests and memory");
        PlannedResource memory = plan.where(r -> r.type().equals("aws:appautoscaling/policy:Policy")
                && r.string("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType")
                .equals("ECSServiceAverageMemoryUtilization")).get(0);
        assertEquals(75.0, memory.number("targetTrackingScalingPolicyConfiguration.targetValue"));
        assertEquals("/health/readiness", plan.one("aws:lb/targetGroup:TargetGroup").string("healthCheck.path"));
        assertEquals("ARM64", plan.one("aws:ecs/taskDefinition:TaskDefinition").string("runtimePlatform.cpuArchitecture"));
    }

    @Test
    void wafKeepsLargePromptsAndRateLimitsPerIp() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS)
                .waf(Optional.of(WebFirewallArgs.builder().rateLimitPer5Minutes(1500)
                        .kmsKeyArn(Output.of("arn:aws:kms:us-east-1:123456789012:key/k")).build())));
        PlannedResource acl = plan.one("aws:wafv2/webAcl:WebAcl");
        assertEquals("REGIONAL", acl.string("scope"));
        assertEquals("SizeRestrictions_BODY", acl.string("rules.0.statement.managedRuleGroupStatement.ruleActionOverrides.0.name"));
        assertTrue(acl.input("rules.0.statement.managedRuleGroupStatement.ruleActionOverrides.0.actionToUse.count").isPresent());
        assertEquals(1500.0, acl.number("rules.4.statement.rateBasedStatement.limit"));
        assertTrue(plan.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").input("logDestinationConfigs").isPresent());
        assertEquals(1, plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").size());
    }

    @Test
    void requiredHeaderTurnsEveryOtherRequestInto403() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS)
                .listenerPaths(List.of("/v1/*", "/health*", "/ui/*", "/*"))
                .requiredHeader(Optional.of(new ProxyServiceArgs.RequiredHeader("X-Origin-Verify", Output.ofSecret("s3cr3t")))));
        assertEquals("403", plan.named("aws:lb/listener:Listener", "gw-https").string("defaultActions.0.fixedResponse.statusCode"));
        List<PlannedResource> rules = plan.ofType("aws:lb/listenerRule:ListenerRule");
        // The header takes one of a rule's five condition values: four paths per rule.
        assertEquals(List.of(List.of("/v1/*", "/health*", "/ui/*", "/*")), rules.stream().map(r -> r.list("conditions.0.pathPattern.values")).toList());
        assertTrue(rules.stream().allMatch(r -> "X-Origin-Verify".equals(r.string("conditions.1.httpHeader.httpHeaderName"))));
    }

    @Test
    void aFurtherServiceComposesOnTheLoadBalancerThroughARouteAndSharesTheCluster() {
        List<String> paths = List.of("/a", "/b", "/c", "/d", "/e");
        PlannedStack plan = OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var gateway = new ProxyService("gw", base().certificateArn(HTTPS).build(), null);
            var target = gateway.loadBalancer().route("backend", new Route(4001, "/health/readiness", paths, 2000,
                    List.of(Cidr.of("198.51.100.0/24"), Cidr.of("203.0.113.0/24")), 30));
            new ProxyService("gw-backend", base().loadBalanced(false).loadBalancerSubnetIds(null).target(Optional.of(target))
                    .cluster(Optional.of(gateway.cluster())).serviceDependencies(gateway.clusterReady()).containerPort(4001)
                    .build(), null);
        }).orThrow();
        assertEquals(1, plan.ofType("aws:ecs/cluster:Cluster").size(), "one cluster for both services");
        PlannedResource group = plan.ofType("aws:lb/targetGroup:TargetGroup").stream().filter(g -> g.number("port") == 4001).findFirst().orElseThrow();
        assertEquals("/health/readiness", group.string("healthCheck.path"));
        // Two source blocks leave three of a rule's five condition values for paths: two rules, priorities 2000 and 2001.
        List<PlannedResource> rules = plan.ofType("aws:lb/listenerRule:ListenerRule").stream().filter(r -> r.number("priority") >= 2000)
                .sorted(java.util.Comparator.comparingDouble(r -> r.number("priority"))).toList();
        assertEquals(List.of(List.of("/a", "/b", "/c"), List.of("/d", "/e")), rules.stream().map(r -> r.list("conditions.0.pathPattern.values")).toList());
        assertTrue(rules.stream().allMatch(r -> r.list("conditions.1.sourceIp.values").equals(List.of("198.51.100.0/24", "203.0.113.0/24"))));
        PlannedResource backend = plan.named("aws:ecs/service:Service", "gw-backend");
        assertEquals(4001.0, backend.number("loadBalancers.0.containerPort"));
        assertTrue(backend.dependencies().containsAll(rules.stream().map(PlannedResource::urn).toList()),
                "the service registers targets only once its rules exist");
        assertTrue(plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .anyMatch(r -> r.number("fromPort") == 4001), "the backend's tasks admit the load balancer on 4001");
    }

    @Test
    void accessLogsGoToAnSseS3BucketTheRegionalElbAccountMayWrite() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS));
        String policy = plan.one("aws:s3/bucketPolicy:BucketPolicy").string("policy");
        assertTrue(policy.contains("arn:aws:iam::127311923021:root") && policy.contains("/alb/AWSLogs/*"), policy);
        assertEquals("AES256", plan.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .string("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(90.0, plan.one("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").number("rules.0.expiration.days"));
    }

    @Test
    void inARegionLaunchedAfterAugust2022TheLogDeliveryServicePrincipalWritesTheLogs() {
        PlannedStack plan = OfflineEngine.run("p", "t", "eu-south-2", ctx -> new ProxyService("gw",
                base().region("eu-south-2").certificateArn(HTTPS).build(), null)).orThrow();
        String policy = plan.one("aws:s3/bucketPolicy:BucketPolicy").string("policy");
        assertTrue(policy.contains("\"Service\":\"logdelivery.elasticloadbalancing.amazonaws.com\"") && !policy.contains(":root"), policy);
        assertTrue(plan.invokes().stream().noneMatch(i -> i.getKey().equals("aws:elb/getServiceAccount:getServiceAccount")),
                "the provider's lookup fails in such regions, so it is not called");
    }

    @Test
    void theElbAccountLookupFailsWhereTheProviderFailsAsTheRealOneDoes() {
        PlannedStack plan = OfflineEngine.run("p", "t", "eu-south-2", ctx -> ElbFunctions.getServiceAccount(
                GetServiceAccountArgs.builder().region("eu-south-2").build()).applyValue(a -> a.arn()));
        assertTrue(plan.errors().stream().anyMatch(e -> String.valueOf(e.getMessage()).contains("unsupported AWS Region: eu-south-2"))
                || plan.errors().stream().anyMatch(e -> e.getCause() != null
                && String.valueOf(e.getCause().getMessage()).contains("unsupported AWS Region")), plan.errors().toString());
    }

    @Test
    void containerInsightsLogsGoToAGroupWithRetentionAndKeyCreatedBeforeAnyTask() {
        PlannedStack plan = plan(b -> b.certificateArn(HTTPS).logRetentionDays(14));
        PlannedResource group = plan.named("aws:cloudwatch/logGroup:LogGroup", "gw-insights");
        assertTrue(group.string("name").matches("/aws/ecs/containerinsights/.+/performance"), group.string("name"));
        assertEquals(14.0, group.number("retentionInDays"));
        assertEquals("arn:aws:kms:us-east-1:123456789012:key/k", group.string("kmsKeyId"));
        assertTrue(plan.one("aws:ecs/service:Service").dependencies().contains(group.urn()), "no task writes before the group exists");
        assertTrue(plan(b -> b.certificateArn(HTTPS).containerInsights(false))
                .where(r -> r.name().equals("gw-insights")).isEmpty(), "no group without Container Insights");
    }
}

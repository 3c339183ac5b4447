package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** accessMode private: no load balancer and no way in except ECS Exec, with sessions encrypted and logged. */
class PrivateAccessTest {

    private static final Map<String, Object> PRIVATE = Map.of("accessMode", "private", "allowedCidrs", List.of(),
            "allowPlainHttp", false, "requestsPerTarget", 0, "proxyReadOnlyRootFilesystem", false);

    private static PlannedStack privateProd;

    private static synchronized PlannedStack plan() {
        if (privateProd == null) {
            privateProd = Plans.of(Stacks.load("prod").with(PRIVATE).with(Map.of("waf", false, "certificateArn", "", "albDomainName", "", "albHostedZoneId", "")));
        }
        return privateProd;
    }

    @Test
    void thereIsNoLoadBalancerAndNoInboundRuleIntoTheTasks() {
        PlannedStack plan = plan();
        assertTrue(plan.where(r -> r.type().startsWith("aws:lb/")).isEmpty());
        assertTrue(plan.where(r -> r.type().startsWith("aws:wafv2/")).isEmpty());
        List<PlannedResource> ingress = plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertTrue(ingress.stream().noneMatch(r -> r.input("cidrIpv4").isPresent()), "no CIDR may enter anywhere");
        assertTrue(ingress.stream().allMatch(r -> r.name().contains("-from-proxy") || r.name().endsWith("-db-from-deploy-tasks")),
                "only the database and cache admit the tasks (and the database the deploy's one-off tasks): "
                        + ingress.stream().map(PlannedResource::name).toList());
        PlannedResource service = plan.one("aws:ecs/service:Service");
        assertTrue(service.list("loadBalancers").isEmpty());
        assertTrue(service.input("healthCheckGracePeriodSeconds").isEmpty(), "health comes from the container check alone");
        assertTrue(ProxyTaskTest.proxyTask(plan).string("containerDefinitions").contains("\"healthCheck\""));
    }

    @Test
    void ecsExecIsOnWithSessionsEncryptedByTheStackKeyAndLoggedToAnEncryptedGroup() {
        PlannedStack plan = plan();
        assertTrue(plan.one("aws:ecs/service:Service").flag("enableExecuteCommand"));
        PlannedResource cluster = plan.named("aws:ecs/cluster:Cluster", "llm-prod-proxy");
        String key = plan.one("aws:kms/key:Key").urn();
        assertTrue(cluster.dependencies().contains(key));
        assertEquals("OVERRIDE", cluster.string("configuration.executeCommandConfiguration.logging"));
        assertTrue(cluster.flag("configuration.executeCommandConfiguration.logConfiguration.cloudWatchEncryptionEnabled"));
        assertTrue(cluster.input("configuration.executeCommandConfiguration.kmsKeyId").isPresent());
        PlannedResource group = plan.named("aws:cloudwatch/logGroup:LogGroup", "llm-prod-proxy-exec");
        assertTrue(group.input("kmsKeyId").isPresent());
        String policy = plan.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-exec").string("policy");
        assertTrue(policy.contains("ssmmessages:OpenDataChannel") && policy.contains("kms:Decrypt")
                && policy.contains("logs:PutLogEvents"), policy);
        assertTrue(ProxyTaskTest.proxyTask(plan).string("containerDefinitions")
                .contains("\"readonlyRootFilesystem\":false"), "ECS Exec's agent writes to the container it runs in");
    }

    @Test
    void observabilityCopesWithoutALoadBalancer() {
        PlannedStack plan = plan();
        List<PlannedResource> alarms = plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertFalse(alarms.isEmpty());
        assertTrue(alarms.stream().noneMatch(a -> a.string("namespace").equals("AWS/ApplicationELB")));
        assertFalse(plan.one("aws:cloudwatch/dashboard:Dashboard").string("dashboardBody").contains("ApplicationELB"));
    }

    @Test
    void otherModesKeepEcsExecOff() {
        assertFalse(Plans.stack("prod").one("aws:ecs/service:Service").flag("enableExecuteCommand"));
    }

    @Test
    void settingsRefuseWhatOnlyALoadBalancerCouldUse() {
        assertFails("litellm-gateway:allowPlainHttp = 'true': unset in private mode",
                Stacks.load("dev").with(Map.of("allowPlainHttp", true)));
        assertFails("litellm-gateway:requestsPerTarget = '600': 0 in private mode",
                Stacks.load("prod").with(Map.of("accessMode", "private", "allowedCidrs", List.of(), "waf", false,
                        "certificateArn", "", "albDomainName", "", "albHostedZoneId", "")));
        assertFails("litellm-gateway:proxyReadOnlyRootFilesystem = 'true': false in private mode (ECS Exec",
                Stacks.load("dev").with(Map.of("proxyReadOnlyRootFilesystem", true)));
        assertFails("also [kms, ssmmessages], which tasks need when natStrategy is none", Stacks.example("enterprise-private-endpoints")
                .with(PRIVATE).with(Map.of("waf", false, "certificateArn", "", "albDomainName", "", "albHostedZoneId", "")));
    }

    private static void assertFails(String expected, dev.llmgateway.gateway.settings.StackFileConfigSource source) {
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(source));
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }
}

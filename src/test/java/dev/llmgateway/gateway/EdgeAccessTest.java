package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeAccessTest {

    /** The load balancer with an imported certificate and no name of its own: the origin must be named explicitly. */
    private static final Map<String, Object> IMPORTED_CERTIFICATE = Map.of("albDomainName", "", "albHostedZoneId", "",
            "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111");

    private final PlannedStack edge = Plans.example("edge-waf-autoscaled");

    @Test
    void cloudFrontForwardsEverythingUncachedToTheHttpsOriginWithASecretHeader() {
        PlannedResource distribution = edge.one("aws:cloudfront/distribution:Distribution");
        assertEquals("origin.llm.example.com", distribution.string("origins.0.domainName"));
        assertEquals("https-only", distribution.string("origins.0.customOriginConfig.originProtocolPolicy"));
        assertEquals(60.0, distribution.number("origins.0.customOriginConfig.originReadTimeout"));
        assertEquals("X-Origin-Verify", distribution.string("origins.0.customHeaders.0.name"));
        Object headers = ((Map<?, ?>) ((List<?>) distribution.inputs().get("origins")).get(0)).get("customHeaders");
        assertTrue(String.valueOf(headers).contains("[secret]"), "the origin secret stays secret: " + headers);
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", distribution.string("defaultCacheBehavior.cachePolicyId"));
        assertEquals(7, distribution.list("defaultCacheBehavior.allowedMethods").size());
        assertFalse(distribution.flag("defaultCacheBehavior.compress"), "streamed responses are not buffered");
        assertEquals(List.of("/v1/*", "/chat/*", "/health*", "/ui/*"), distribution.list("orderedCacheBehaviors").stream()
                .map(b -> ((Map<?, ?>) b).get("pathPattern")).toList());
        assertEquals("http2and3", distribution.string("httpVersion"));
        assertEquals("TLSv1.2_2021", distribution.string("viewerCertificate.minimumProtocolVersion"));
    }

    @Test
    void wafAndCertificateLiveInUsEast1ThroughTheSecondProvider() {
        assertTrue(edge.one("aws:wafv2/webAcl:WebAcl").provider().endsWith("pulumi:providers:aws::llm-edge-waf-autoscaled-us-east-1"));
        assertTrue(edge.named("aws:acm/certificate:Certificate", "llm-edge-waf-autoscaled-edge-cert").provider().endsWith("-us-east-1"));
        assertFalse(edge.named("aws:acm/certificate:Certificate", "llm-edge-waf-autoscaled-alb-cert").provider().endsWith("-us-east-1"),
                "the origin's certificate belongs to the load balancer's region");
        assertEquals(2, edge.where(r -> r.type().equals("aws:route53/record:Record") && r.input("aliases").isPresent()
                        && r.name().startsWith("llm-edge-waf-autoscaled-edge-")).size(), "A and AAAA aliases for the custom domain");
        assertEquals("origin.llm.example.com", edge.named("aws:route53/record:Record", "llm-edge-waf-autoscaled-alb-a").string("name"),
                "the origin's name points at the load balancer, so CloudFront reaches it on the first deploy");
        assertEquals("SizeRestrictions_BODY", edge.one("aws:wafv2/webAcl:WebAcl")
                .string("rules.0.statement.managedRuleGroupStatement.ruleActionOverrides.0.name"));
    }

    @Test
    void theCloudFrontWafLogsAreEncryptedWithACustomerKeyInUsEast1() {
        PlannedResource logs = edge.named("aws:cloudwatch/logGroup:LogGroup", "llm-edge-waf-autoscaled-edge-waf-logs");
        assertEquals(edge.named("aws:kms/key:Key", "llm-edge-waf-autoscaled").output("arn").orElseThrow(),
                logs.input("kmsKeyId").orElseThrow(), "the stack lives in us-east-1: its key serves the WAF's log group");
        PlannedStack frankfurt = Plans.of(Stacks.example("edge-waf-autoscaled").with(Map.of("aws:region", "eu-central-1",
                "models", List.of("gpt-4o-mini=openai/gpt-4o-mini", "claude-haiku=bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0"))));
        PlannedResource own = frankfurt.named("aws:kms/key:Key", "llm-edge-waf-autoscaled-edge-logs");
        assertTrue(own.provider().endsWith("-us-east-1"), "a key serves log groups of its own region only");
        assertEquals(own.output("arn").orElseThrow(), frankfurt.named("aws:cloudwatch/logGroup:LogGroup",
                "llm-edge-waf-autoscaled-edge-waf-logs").input("kmsKeyId").orElseThrow());
    }

    @Test
    void theLoadBalancerAcceptsOnlyCloudFrontAndOnlyWithTheHeader() {
        var ingress = edge.where(r -> r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                && r.name().startsWith("llm-edge-waf-autoscaled-proxy-lb-"));
        assertFalse(ingress.isEmpty());
        assertTrue(ingress.stream().allMatch(r -> "pl-3b927c52".equals(r.input("prefixListId").orElse(null))));
        assertEquals("403", edge.named("aws:lb/listener:Listener", "llm-edge-waf-autoscaled-proxy-https")
                .string("defaultActions.0.fixedResponse.statusCode"));
        assertTrue(edge.ofType("aws:lb/listenerRule:ListenerRule").stream()
                .allMatch(r -> "X-Origin-Verify".equals(r.string("conditions.1.httpHeader.httpHeaderName"))));
        assertTrue(edge.outputs().get("gatewayUrl").toString().equals("https://llm.example.com"));
    }

    @Test
    void edgeModeRejectsSettingsThatContradictIt() {
        var cidrs = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(Map.of("allowedCidrs", List.of("203.0.113.0/24")))));
        assertTrue(cidrs.getMessage().contains("empty in edge mode: only CloudFront reaches the load balancer"), cidrs.getMessage());
        var origin = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(IMPORTED_CERTIFICATE).with(Map.of("edgeOriginDomain", ""))));
        assertTrue(origin.getMessage().contains("litellm-gateway:edgeOriginDomain"), origin.getMessage());
        var zone = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(Map.of("edgeHostedZoneId", ""))));
        assertTrue(zone.getMessage().contains("edgeDomainName and edgeHostedZoneId go together"), zone.getMessage());
        assertTrue(edge.outputs().get("masterKeySecretArn") != null && !(edge.outputs().get("masterKeySecretArn") instanceof Secret));
    }

    @Test
    void grafanaBehindCloudFrontNeedsTheHeaderAndWinsOverTheProxysCatchAll() {
        PlannedStack plan = Plans.of(Stacks.example("edge-waf-autoscaled").with(Map.of("metrics", "prometheus")));
        PlannedResource grafana = plan.where(r -> r.type().equals("aws:lb/listenerRule:ListenerRule") && r.name().endsWith("-grafana")).get(0);
        assertEquals("X-Origin-Verify", grafana.string("conditions.1.httpHeader.httpHeaderName"), "no way around CloudFront");
        List<PlannedResource> forwards = plan.where(r -> r.type().equals("aws:lb/listenerRule:ListenerRule") && r.name().contains("-proxy-rule-"));
        assertFalse(forwards.isEmpty());
        forwards.forEach(rule -> assertTrue(grafana.number("priority") < rule.number("priority"),
                () -> "/grafana is evaluated before " + rule.name() + " (" + rule.string("conditions.0.pathPattern.values.0") + ")"));
        String containers = plan.where(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition") && r.name().endsWith("-metrics-task"))
                .get(0).string("containerDefinitions");
        assertTrue(containers.contains("GF_SECURITY_CSRF_TRUSTED_ORIGINS") && containers.contains("llm.example.com"),
                "CloudFront forwards the origin's Host, so Grafana must trust the name in the browser: " + containers);
    }

    @Test
    void cloudFrontIsNeverPointedAtTheRedirectListener() {
        Map<String, Object> plainHttpWithoutOrigin = new java.util.HashMap<>();
        plainHttpWithoutOrigin.put("allowPlainHttp", true);
        plainHttpWithoutOrigin.put("edgeOriginDomain", null);
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(Stacks.example("edge-waf-autoscaled")
                .with(IMPORTED_CERTIFICATE).with(plainHttpWithoutOrigin)));
        assertTrue(error.getMessage().contains("litellm-gateway:edgeOriginDomain = '': a load balancer DNS name covered by"), error.getMessage());
    }
}

package dev.llmgateway.components.waf;

import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebFirewallTest {

    private static PlannedStack plan(WebFirewallArgs args) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> new WebFirewall("fw", args, null)).orThrow();
    }

    private static PlannedResource acl() {
        return plan(WebFirewallArgs.builder().rateLimitPer5Minutes(10)
                .kmsKeyArn(Output.of("arn:aws:kms:us-east-1:123456789012:key/k")).build()).one("aws:wafv2/webAcl:WebAcl");
    }

    @Test
    void credentialHeadersAndTheQueryStringAreRedactedInLogsAndInSampledRequests() {
        PlannedStack stack = plan(WebFirewallArgs.builder().redactedHeaders(List.of("authorization", "api-key", "x-api-key",
                "x-goog-api-key", "ocp-apim-subscription-key", "x-litellm-api-key", "x-mcp-auth", "cookie", "X-Origin-Verify")).build());
        PlannedResource acl = stack.one("aws:wafv2/webAcl:WebAcl");
        // Data protection on the web ACL reaches every destination, sampled requests included.
        assertEquals("SUBSTITUTION", acl.string("dataProtectionConfig.dataProtections.0.action"));
        assertEquals("SINGLE_HEADER", acl.string("dataProtectionConfig.dataProtections.0.field.fieldType"));
        List<?> keys = acl.list("dataProtectionConfig.dataProtections.0.field.fieldKeys");
        assertTrue(keys.containsAll(WebFirewallArgs.CREDENTIAL_HEADERS) && keys.contains("x-origin-verify"), keys.toString());
        assertEquals("QUERY_STRING", acl.string("dataProtectionConfig.dataProtections.1.field.fieldType"));
        assertTrue(acl.flag("visibilityConfig.sampledRequestsEnabled"), "sampling stays on: the ACL protects what it shows");
        // The logging configuration redacts the same fields again.
        PlannedResource logging = stack.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        List<Object> headers = logging.list("redactedFields").stream().map(f -> (Map<?, ?>) f)
                .filter(f -> f.containsKey("singleHeader")).map(f -> ((Map<?, ?>) f.get("singleHeader")).get("name")).map(Object.class::cast).toList();
        assertEquals(keys, headers);
        assertTrue(logging.list("redactedFields").stream().anyMatch(f -> ((Map<?, ?>) f).containsKey("queryString")));
    }

    @Test
    void aFirewallCannotBeToldToLogACredentialHeader() {
        var error = assertThrows(IllegalArgumentException.class, () -> WebFirewallArgs.builder()
                .redactedHeaders(List.of("cookie", "x-api-key")).build());
        assertTrue(error.getMessage().contains("authorization"), error.getMessage());
    }

    @Test
    void everyCoreBodyRuleThatMatchesOrdinaryPromptsOnlyCountsInsideTheGroup() {
        PlannedResource acl = acl();
        assertEquals("AWSManagedRulesCommonRuleSet", acl.string("rules.0.name"));
        List<?> overrides = acl.list("rules.0.statement.managedRuleGroupStatement.ruleActionOverrides");
        assertEquals(List.of("SizeRestrictions_BODY", "CrossSiteScripting_BODY", "GenericLFI_BODY", "GenericRFI_BODY", "EC2MetaDataSSRF_BODY"),
                overrides.stream().map(o -> ((Map<?, ?>) o).get("name")).toList());
        for (int i = 0; i < overrides.size(); i++) {
            assertTrue(acl.input("rules.0.statement.managedRuleGroupStatement.ruleActionOverrides." + i + ".actionToUse.count").isPresent());
        }
    }

    @Test
    void bodyRuleMatchesStillBlockOutsideTheModelApis() {
        PlannedResource acl = acl();
        assertEquals(WebFirewall.BODY_RULES_OUTSIDE_PROMPTS, acl.string("rules.1.name"));
        assertEquals(2.0, acl.number("rules.1.priority"), "right after the core rule set, whose labels it reads");
        assertTrue(acl.input("rules.1.action.block").isPresent());
        List<?> labels = acl.list("rules.1.statement.andStatement.statements.0.orStatement.statements");
        assertEquals(5, labels.size());
        assertEquals("awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body",
                acl.string("rules.1.statement.andStatement.statements.0.orStatement.statements.1.labelMatchStatement.key"));
        assertEquals(WebFirewall.PROMPT_PATHS, acl.string(
                "rules.1.statement.andStatement.statements.1.notStatement.statements.0.regexMatchStatement.regexString"));
    }

    @Test
    void promptPathsAreTheModelApisAndNothingElse() {
        Pattern prompts = Pattern.compile(WebFirewall.PROMPT_PATHS);
        for (String path : List.of("/chat/completions", "/v1/chat/completions", "/v1/completions", "/embeddings", "/v1/messages",
                "/v1/responses", "/openai/deployments/gpt-4o/chat/completions", "/v1/audio/transcriptions",
                "/engines/bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0/chat/completions", "/v1/files", "/v1/batches")) {
            assertTrue(prompts.matcher(path).find(), path);
        }
        for (String path : List.of("/ui/", "/key/generate", "/user/new", "/model/new", "/sso/callback", "/config/update", "/x/v1/chat/completions")) {
            assertFalse(prompts.matcher(path).find(), path);
        }
    }

    @Test
    void rateLimitGoesDownToTheWafMinimumOfTen() {
        assertEquals(10.0, acl().number("rules.4.statement.rateBasedStatement.limit"));
        assertThrows(IllegalArgumentException.class, () -> WebFirewallArgs.builder().rateLimitPer5Minutes(9).build());
    }
}

package dev.llmgateway.components.waf;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigDataProtectionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigDataProtectionFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldQueryStringArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementAndStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementLabelMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementOrStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AWS WAF web ACL for an LLM API: the AWS common, known-bad-inputs and IP-reputation managed
 * rule groups, a per-IP rate limit, metrics and sampled requests, and logging.
 *
 * <p>Prompts are not web forms. The core rule set's body rules match what ordinary prompts carry:
 * bodies over 8 KB ({@code SizeRestrictions_BODY}), HTML and script in code questions
 * ({@code CrossSiteScripting_BODY}), file paths ({@code GenericLFI_BODY}), URLs
 * ({@code GenericRFI_BODY}) and the metadata address {@code 169.254.169.254} in a question about
 * EC2 ({@code EC2MetaDataSSRF_BODY}). Those five only count inside the managed group, which labels
 * the request ({@code awswaf:managed:aws:core-rule-set:<Rule>_Body}, AWS WAF developer guide,
 * "Core rule set (CRS) managed rule group"), and the next rule blocks a labelled request unless its
 * path is one of the model APIs ({@link #PROMPT_PATHS}). Trade-off: on those paths a body that
 * really is an XSS, LFI, RFI or SSRF payload reaches LiteLLM, which forwards it to a model as text
 * and never renders, includes, fetches or executes it; everywhere else (admin UI, key and user
 * management) the rules block as AWS ships them. Header, query-string and URI rules, known bad
 * inputs (Log4j, Java deserialization) and IP reputation apply on every path.
 *
 * <p>Credentials stay out of what WAF stores. AWS WAF logs every request header with its value, and the redacted
 * fields of a logging configuration do not reach sampled requests ("This setting has no impact on request
 * sampling": AWS WAF API reference, LoggingConfiguration.RedactedFields). So the web ACL's own data protection
 * replaces the {@linkplain WebFirewallArgs#redactedHeaders credential headers} and the query string (LiteLLM's
 * Gemini pass-through takes a key as {@code ?key=}) with {@code REDACTED} for every destination, logs and sampled
 * requests alike (API reference, DataProtectionConfig; developer guide, "Data protection"), and the logging
 * configuration redacts the same fields again, which is what the plan's policy check reads.
 */
public class WebFirewall extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:waf:WebFirewall";
    /** The core rule set. */
    static final String CORE_RULE_SET = "AWSManagedRulesCommonRuleSet";
    /** The managed rule groups, in priority order. */
    static final List<String> MANAGED_GROUPS = List.of(
            CORE_RULE_SET, "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
    /** Body rules of the core rule set that only count (and label) inside the group; see the class comment. */
    static final List<String> BODY_RULES = List.of(
            "SizeRestrictions_BODY", "CrossSiteScripting_BODY", "GenericLFI_BODY", "GenericRFI_BODY", "EC2MetaDataSSRF_BODY");
    /**
     * Paths whose bodies are prompts or user data: LiteLLM's OpenAI-compatible routes with and without {@code /v1},
     * the Azure-style deployment and engine routes (whose model is a path and may hold slashes: LiteLLM
     * {@code /openai/deployments/{model:path}/...}, {@code /engines/{model:path}/...}), Anthropic's messages API, and
     * batch input uploads ({@code /v1/files}, {@code /v1/batches}).
     */
    static final String PROMPT_PATHS = "^/(v1/|(openai/deployments|engines)/.+/)?(chat/completions|completions|embeddings"
            + "|responses|messages|moderations|rerank|audio/|images/|files|batches)";
    /** Name of the rule that blocks body-rule matches outside {@link #PROMPT_PATHS}. */
    static final String BODY_RULES_OUTSIDE_PROMPTS = "CoreBodyRulesOutsidePromptPaths";

    private final Output<String> arn;

    /** Creates the web ACL and its logging. */
    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        List<WebAclRuleArgs> rules = new ArrayList<>();
        for (String group : MANAGED_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (group.equals(CORE_RULE_SET)) {
                statement.ruleActionOverrides(BODY_RULES.stream().map(rule ->
                        WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                                .name(rule)
                                .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                        .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs.builder().build())
                                        .build())
                                .build()).toList());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(rules.size() + 1)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .visibilityConfig(ruleVisibility(group))
                    .build());
            if (group.equals(CORE_RULE_SET)) {
                rules.add(bodyRulesOutsidePrompts(rules.size() + 1));
            }
        }
        rules.add(WebAclRuleArgs.builder()
                .name("RateLimitPerIp")
                .priority(rules.size() + 1)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                        .limit(args.rateLimitPer5Minutes()).aggregateKeyType("IP").build()).build())
                .visibilityConfig(ruleVisibility("RateLimitPerIp"))
                .build());

        var acl = new WebAcl(name, WebAclArgs.builder()
                .scope(args.scope())
                .dataProtectionConfig(WebAclDataProtectionConfigArgs.builder().dataProtections(
                        protection("SINGLE_HEADER", args.redactedHeaders()), protection("QUERY_STRING", List.of())).build())
                .description("LLM gateway: managed rules, rate limit; core body rules block outside the model APIs only")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric(name)).build())
                .build(), child);
        // WAF delivers only to log groups whose name starts with aws-waf-logs-.
        var logGroup = LogGroupArgs.builder().name("aws-waf-logs-" + name).retentionInDays(args.logRetentionDays());
        if (args.kmsKeyArn() != null) {
            logGroup.kmsKeyId(args.kmsKeyArn());
        }
        var logs = new LogGroup(name + "-logs", logGroup.build(), child);
        List<WebAclLoggingConfigurationRedactedFieldArgs> redacted = new ArrayList<>();
        args.redactedHeaders().forEach(header -> redacted.add(WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(header).build()).build()));
        redacted.add(WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .queryString(WebAclLoggingConfigurationRedactedFieldQueryStringArgs.builder().build()).build());
        new WebAclLoggingConfiguration(name, WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                .redactedFields(redacted)
                .build(), child);
        this.arn = acl.arn();
        registerOutputs(Map.of("arn", arn));
    }

    /** The web ACL's ARN, to associate with a load balancer or a distribution. */
    public Output<String> arn() {
        return arn;
    }

    /** Replaces a field's value by {@code REDACTED} wherever WAF stores the request; no keys means every key. */
    private static WebAclDataProtectionConfigDataProtectionArgs protection(String fieldType, List<String> keys) {
        var field = WebAclDataProtectionConfigDataProtectionFieldArgs.builder().fieldType(fieldType);
        if (!keys.isEmpty()) {
            field.fieldKeys(keys);
        }
        return WebAclDataProtectionConfigDataProtectionArgs.builder().action("SUBSTITUTION").field(field.build()).build();
    }

    /** Blocks a request that one of {@link #BODY_RULES} labelled, unless its path is a model API. */
    private static WebAclRuleArgs bodyRulesOutsidePrompts(int priority) {
        List<WebAclRuleStatementArgs> labelled = BODY_RULES.stream().map(rule -> WebAclRuleStatementArgs.builder()
                .labelMatchStatement(WebAclRuleStatementLabelMatchStatementArgs.builder().scope("LABEL")
                        .key(label(rule)).build())
                .build()).toList();
        var promptPath = WebAclRuleStatementArgs.builder().regexMatchStatement(WebAclRuleStatementRegexMatchStatementArgs.builder()
                .regexString(PROMPT_PATHS)
                .fieldToMatch(WebAclRuleStatementRegexMatchStatementFieldToMatchArgs.builder()
                        .uriPath(WebAclRuleStatementRegexMatchStatementFieldToMatchUriPathArgs.builder().build()).build())
                .textTransformations(WebAclRuleStatementRegexMatchStatementTextTransformationArgs.builder()
                        .priority(0).type("NONE").build())
                .build()).build();
        return WebAclRuleArgs.builder()
                .name(BODY_RULES_OUTSIDE_PROMPTS)
                .priority(priority)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().andStatement(WebAclRuleStatementAndStatementArgs.builder().statements(
                        WebAclRuleStatementArgs.builder().orStatement(WebAclRuleStatementOrStatementArgs.builder()
                                .statements(labelled).build()).build(),
                        WebAclRuleStatementArgs.builder().notStatement(WebAclRuleStatementNotStatementArgs.builder()
                                .statements(promptPath).build()).build()).build()).build())
                .visibilityConfig(ruleVisibility(BODY_RULES_OUTSIDE_PROMPTS))
                .build();
    }

    /** The label a core-rule-set rule adds ({@code SizeRestrictions_BODY} labels {@code ...:SizeRestrictions_Body}). */
    static String label(String rule) {
        return "awswaf:managed:aws:core-rule-set:" + rule.replace("_BODY", "_Body");
    }

    private static WebAclRuleVisibilityConfigArgs ruleVisibility(String rule) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric(rule)).build();
    }

    private static String metric(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "");
    }
}

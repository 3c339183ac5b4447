package dev.llmgateway.components.waf;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
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
 * rule groups, a per-IP rate limit, metrics and sampled requests, and logging. The common rule
 * set's {@code SizeRestrictions_BODY} only counts: it blocks bodies over 8 KB, and ordinary
 * prompts are larger than that.
 */
public class WebFirewall extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:waf:WebFirewall";
    /** The managed rule groups, in priority order. */
    static final List<String> MANAGED_GROUPS = List.of(
            "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
    /** Rules of the common rule set that only count, with the reason above. */
    static final List<String> COUNT_ONLY = List.of("SizeRestrictions_BODY");

    private final Output<String> arn;

    /** Creates the web ACL and its logging. */
    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        List<WebAclRuleArgs> rules = new ArrayList<>();
        for (int i = 0; i < MANAGED_GROUPS.size(); i++) {
            String group = MANAGED_GROUPS.get(i);
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (i == 0) {
                statement.ruleActionOverrides(COUNT_ONLY.stream().map(rule ->
                        WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                                .name(rule)
                                .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                        .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs.builder().build())
                                        .build())
                                .build()).toList());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(i + 1)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .visibilityConfig(ruleVisibility(group))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name("RateLimitPerIp")
                .priority(MANAGED_GROUPS.size() + 1)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                        .limit(args.rateLimitPer5Minutes()).aggregateKeyType("IP").build()).build())
                .visibilityConfig(ruleVisibility("RateLimitPerIp"))
                .build());

        var acl = new WebAcl(name, WebAclArgs.builder()
                .scope(args.scope())
                .description("LLM gateway: managed rules, rate limit; large prompt bodies allowed")
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
        new WebAclLoggingConfiguration(name, WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                .build(), child);
        this.arn = acl.arn();
        registerOutputs(Map.of("arn", arn));
    }

    /** The web ACL's ARN, to associate with a load balancer or a distribution. */
    public Output<String> arn() {
        return arn;
    }

    private static WebAclRuleVisibilityConfigArgs ruleVisibility(String rule) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric(rule)).build();
    }

    private static String metric(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "");
    }
}

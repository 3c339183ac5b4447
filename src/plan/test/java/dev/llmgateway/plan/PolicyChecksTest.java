package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.PolicyProfile;
import com.pulumi.Context;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.SecurityGroupRule;
import com.pulumi.aws.ec2.SecurityGroupRuleArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ec2clientvpn.Endpoint;
import com.pulumi.aws.ec2clientvpn.EndpointArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointAuthenticationOptionArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointConnectionLogOptionsArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldQueryStringArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import dev.llmgateway.components.waf.WebFirewallArgs;
import dev.llmgateway.components.network.FlowEnd;
import dev.llmgateway.components.network.Declarations;
import dev.llmgateway.components.network.Flow;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyChecksTest {

    private static final String TLS13 = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    private static final String GOOD_CONTAINERS = """
            [{"name": "litellm", "image": "ghcr.io/berriai/litellm:v1", "privileged": false,
              "readonlyRootFilesystem": true,
              "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "proxy"}},
              "environment": [{"name": "IAM_TOKEN_DB_AUTH", "value": "true"}, {"name": "LITELLM_MODE", "value": "PRODUCTION"}],
              "secrets": [{"name": "LITELLM_MASTER_KEY", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mk"}]}]
            """;
    private static final String BAD_CONTAINERS = """
            [{"name": "litellm", "image": "ghcr.io/berriai/litellm:v1", "privileged": true,
              "environment": [{"name": "LITELLM_MASTER_KEY", "value": "sk-1234"}]}]
            """;

    /** For each check, the resource name its finding must name in the failing program. */
    private static final Map<String, String> OFFENDER = Map.ofEntries(
            entry("LGW-ENC-001", "db"), entry("LGW-KMS-001", "key"), entry("LGW-ENC-002", "master-key"),
            entry("LGW-LOG-001", "proxy-logs"), entry("LGW-LOG-002", "proxy-logs"), entry("LGW-ENC-003", "alarms"),
            entry("LGW-S3-001", "config"), entry("LGW-S3-002", "config"), entry("LGW-NET-001", "db-1"),
            entry("LGW-NET-002", "proxy"), entry("LGW-NET-003", "db-sg"), entry("LGW-TLS-001", "https"),
            entry("LGW-TLS-002", "http"), entry("LGW-ELB-001", "alb"), entry("LGW-ECS-001", "proxy"),
            entry("LGW-ECS-002", "proxy"), entry("LGW-ECS-003", "proxy"), entry("LGW-ECS-004", "proxy"),
            entry("LGW-IAM-001", "task-policy"), entry("LGW-NET-004", "vpc"), entry("LGW-NET-005", "vpc"),
            entry("LGW-VPN-001", "vpn"), entry("LGW-VPN-002", "vpn"), entry("LGW-PROD-001", "db"),
            entry("LGW-PROD-002", "db"), entry("LGW-PROD-003", "db"), entry("LGW-PROD-004", "alb"),
            entry("LGW-FLOW-001", "db-sg"), entry("LGW-LOG-003", "waf"), entry("LGW-IAM-002", "flow-logs"), entry("LGW-FLOW-002", "alb-sg"), entry("LGW-ELB-002", "https"), entry("LGW-QUOTA-001", "alb-sg"));

    private static PolicyReport good;
    private static PolicyReport bad;
    private static PolicyReport badInDev;

    @BeforeAll
    static void planCompliantAndViolatingPrograms() {
        good = PolicyChecks.evaluate(plan(true), PolicyProfile.PROD);
        PlannedStack violating = plan(false);
        bad = PolicyChecks.evaluate(violating, PolicyProfile.PROD);
        badInDev = PolicyChecks.evaluate(violating, PolicyProfile.DEV);
    }

    /** The same small gateway, either compliant with every check or violating every check. */
    private static PlannedStack plan(boolean compliant) {
        return OfflineEngine.plan("policy", compliant ? "good" : "bad", "us-east-1",
                ctx -> Declarations.of(program(ctx, compliant))).orThrow();
    }

    private static List<Flow> program(Context ctx, boolean ok) {
        var key = new Key("key", KeyArgs.builder().enableKeyRotation(ok).build());
        Output<String> keyArn = ok ? key.arn() : Output.of("");
        var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
        if (ok) {
            new FlowLog("vpc-flow", FlowLogArgs.builder().vpcId(vpc.id()).trafficType("ALL").build());
            new DefaultSecurityGroup("vpc-default", DefaultSecurityGroupArgs.builder().vpcId(vpc.id()).build());
        }
        var albSg = new SecurityGroup("alb-sg", SecurityGroupArgs.builder().vpcId(vpc.id())
                .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                        .cidrBlocks("0.0.0.0/0").build()).build());
        new SecurityGroupRule("alb-sg-http", SecurityGroupRuleArgs.builder().type("ingress")
                .securityGroupId(albSg.id()).protocol("tcp").fromPort(80).toPort(80).cidrBlocks("0.0.0.0/0").build());
        var dbSg = new SecurityGroup("db-sg", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
        var dbIngress = SecurityGroupIngressRuleArgs.builder().securityGroupId(dbSg.id()).ipProtocol("tcp")
                .fromPort(5432).toPort(5432);
        new SecurityGroupIngressRule("db-sg-from-proxy",
                (ok ? dbIngress.referencedSecurityGroupId(albSg.id()) : dbIngress.cidrIpv4("0.0.0.0/0")).build());
        // The load balancer may reach the database: the compliant program opens both sides, the
        // violating one leaves the load balancer's group without egress (as the provider creates it).
        List<Flow> flows = new java.util.ArrayList<>(List.of(new Flow("alb-to-db", FlowEnd.group("alb", albSg.id()),
                FlowEnd.group("db", dbSg.id()), 5432, "test flow")));
        for (int port : List.of(443, 80)) {
            flows.add(new Flow("clients-" + port, FlowEnd.cidr("clients", "0.0.0.0/0"), FlowEnd.group("alb", albSg.id()),
                    port, "test flow"));
        }
        if (ok) {
            new SecurityGroupEgressRule("alb-sg-to-db", SecurityGroupEgressRuleArgs.builder().securityGroupId(albSg.id())
                    .referencedSecurityGroupId(dbSg.id()).ipProtocol("tcp").fromPort(5432).toPort(5432).build());
        } else {
            // Two rules naming CloudFront's origin-facing prefix list weigh 2 x 55 against the 60-rule quota.
            for (int port : List.of(80, 443)) {
                new SecurityGroupIngressRule("alb-sg-cloudfront-" + port, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(albSg.id()).prefixListId("pl-3b927c52").ipProtocol("tcp").fromPort(port).toPort(port).build());
            }
        }
        var alb = new LoadBalancer("alb", LoadBalancerArgs.builder().loadBalancerType("application")
                .securityGroups(albSg.id().applyValue(List::of)).subnets("subnet-a", "subnet-b")
                .dropInvalidHeaderFields(ok).enableDeletionProtection(ok).build());
        var https = new Listener("https", ListenerArgs.builder().loadBalancerArn(alb.arn()).port(443).protocol("HTTPS")
                .sslPolicy(ok ? TLS13 : "ELBSecurityPolicy-2016-08").certificateArn("arn:aws:acm:cert")
                .defaultActions(ok
                        ? ListenerDefaultActionArgs.builder().type("fixed-response").fixedResponse(ListenerDefaultActionFixedResponseArgs
                                .builder().contentType("text/plain").statusCode("403").build()).build()
                        : ListenerDefaultActionArgs.builder().type("forward").targetGroupArn("arn:tg").build())
                .build());
        // CloudFront's origin header guards /v1/*; the violating program forgets it on /ui/*.
        for (String path : List.of("/v1/*", "/ui/*")) {
            var conditions = new java.util.ArrayList<ListenerRuleConditionArgs>();
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                    .values(path).build()).build());
            if (ok || path.equals("/v1/*")) {
                conditions.add(ListenerRuleConditionArgs.builder().httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName("X-Origin-Verify").values("s3cr3t").build()).build());
            }
            new ListenerRule("rule-" + path.charAt(1), ListenerRuleArgs.builder().listenerArn(https.arn())
                    .priority(path.equals("/v1/*") ? 100 : 110).conditions(conditions)
                    .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn("arn:tg").build()).build());
        }
        new Listener("http", ListenerArgs.builder().loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                .defaultActions(ok
                        ? ListenerDefaultActionArgs.builder().type("redirect").redirect(ListenerDefaultActionRedirectArgs
                        .builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build()).build()
                        : ListenerDefaultActionArgs.builder().type("forward").targetGroupArn("arn:tg").build())
                .build());
        new Secret("master-key", SecretArgs.builder().kmsKeyId(keyArn).build());
        new LogGroup("proxy-logs", LogGroupArgs.builder().kmsKeyId(keyArn).retentionInDays(ok ? 30 : 0).build());
        new Topic("alarms", TopicArgs.builder().kmsMasterKeyId(keyArn).build());
        wafLogging(ok);
        new Role("flow-logs", RoleArgs.builder().assumeRolePolicy("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Principal\": {\"Service\": \"vpc-flow-logs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\""
                + (ok ? ", \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"123456789012\"}}" : "") + "}]}").build());
        var bucket = new BucketV2("config");
        if (ok) {
            new BucketServerSideEncryptionConfigurationV2("config-sse", BucketServerSideEncryptionConfigurationV2Args
                    .builder().bucket(bucket.id()).rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                            .applyServerSideEncryptionByDefault(
                                    BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                            .builder().sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn()).build())
                            .build()).build());
            new BucketPublicAccessBlock("config-pab", BucketPublicAccessBlockArgs.builder().bucket(bucket.id())
                    .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                    .build());
        }
        var cluster = new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql").storageEncrypted(ok)
                .kmsKeyId(keyArn).deletionProtection(ok).backupRetentionPeriod(ok ? 7 : 1).build());
        for (int i = 1; i <= (ok ? 2 : 1); i++) {
            new ClusterInstance("db-" + i, ClusterInstanceArgs.builder().clusterIdentifier(cluster.id())
                    .instanceClass("db.serverless").engine("aurora-postgresql").publiclyAccessible(!ok).build());
        }
        new Instance("db", InstanceArgs.builder().engine("postgres").instanceClass("db.t4g.micro").allocatedStorage(20)
                .storageEncrypted(ok).kmsKeyId(keyArn).multiAz(ok).deletionProtection(ok)
                .backupRetentionPeriod(ok ? 7 : 0).publiclyAccessible(!ok).build());
        var task = new TaskDefinition("proxy", TaskDefinitionArgs.builder().family("proxy").cpu("1024")
                .memory("2048").containerDefinitions(ok ? GOOD_CONTAINERS : BAD_CONTAINERS).build());
        new Service("proxy", ServiceArgs.builder().cluster("c").taskDefinition(task.arn()).desiredCount(1)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder().subnets("subnet-a")
                        .assignPublicIp(!ok).build()).build());
        String star = ok ? "ecr:GetAuthorizationToken" : "s3:*";
        var role = new Role("task", RoleArgs.builder().assumeRolePolicy("{}")
                .inlinePolicies(RoleInlinePolicyArgs.builder().name("ecr").policy(policy("ecr:GetAuthorizationToken"))
                        .build()).build());
        new RolePolicy("task-policy", RolePolicyArgs.builder().role(role.id()).policy(policy(star)).build());
        new Endpoint("vpn", EndpointArgs.builder().serverCertificateArn("arn:aws:acm:server")
                .clientCidrBlock("10.100.0.0/22").splitTunnel(ok)
                .authenticationOptions(EndpointAuthenticationOptionArgs.builder().type("certificate-authentication")
                        .rootCertificateChainArn("arn:aws:acm:root").build())
                .connectionLogOptions(EndpointConnectionLogOptionsArgs.builder().enabled(ok).build()).build());
        return flows;
    }

    /**
     * A web ACL and its logging. The compliant program redacts every credential header and the query string; the
     * violating one redacts them all but {@code authorization}, so the bearer keys of every request are logged.
     */
    private static void wafLogging(boolean ok) {
        var acl = new WebAcl("waf", WebAclArgs.builder().scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .visibilityConfig(WebAclVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true)
                        .sampledRequestsEnabled(false).metricName("waf").build())
                .build());
        List<WebAclLoggingConfigurationRedactedFieldArgs> redacted = new java.util.ArrayList<>(WebFirewallArgs.CREDENTIAL_HEADERS
                .stream().filter(header -> ok || !header.equals("authorization"))
                .map(header -> WebAclLoggingConfigurationRedactedFieldArgs.builder().singleHeader(
                        WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(header).build()).build())
                .toList());
        redacted.add(WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .queryString(WebAclLoggingConfigurationRedactedFieldQueryStringArgs.builder().build()).build());
        new WebAclLoggingConfiguration("waf", WebAclLoggingConfigurationArgs.builder().resourceArn(acl.arn())
                .logDestinationConfigs("arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-waf")
                .redactedFields(redacted).build());
    }

    /** A policy reading one exact secret, plus {@code starAction} on "*". */
    private static String policy(String starAction) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                   "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mk"},
                  {"Effect": "Allow", "Action": ["%s"], "Resource": "*"}]}
                """.formatted(starAction);
    }

    static Stream<String> checkIds() {
        return PolicyChecks.all().stream().map(PolicyCheck::id);
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void compliantProgramPassesEveryCheck(String id) {
        CheckResult result = good.result(id);
        assertEquals(CheckStatus.PASS, result.status(), id + " " + result.findings());
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void violatingProgramFailsEveryCheckNamingTheOffender(String id) {
        CheckResult result = bad.result(id);
        assertEquals(CheckStatus.FAIL, result.status(), id);
        assertTrue(result.findings().stream().anyMatch(f -> f.resource().endsWith(" " + OFFENDER.get(id))),
                id + " " + result.findings());
        assertTrue(result.findings().stream().allMatch(f -> f.severity() == result.check().severity()));
    }

    @Test
    void everyCheckHasIdTitleRationaleSourceAndAnExpectedOffender() {
        assertEquals(OFFENDER.keySet(), PolicyChecks.all().stream().map(PolicyCheck::id)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(PolicyChecks.all().stream().allMatch(c -> c.id().matches("LGW-[A-Z0-9]+-\\d{3}")
                && !c.title().isBlank() && !c.rationale().isBlank() && !c.source().isBlank()));
    }

    @Test
    void openIngressIsAllowedOnlyOnWebPortsOfTheLoadBalancerGroup() {
        List<Finding> findings = bad.result("LGW-NET-003").findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("ports 5432-5432 (not a load balancer's group)"),
                findings.get(0).message());
    }

    @Test
    void iamStarResourceIsToleratedOnlyForAllowListedActions() {
        List<Finding> findings = bad.result("LGW-IAM-001").findings();
        assertEquals(1, findings.size(), "the role's inline ecr:GetAuthorizationToken on * is allowed");
        assertTrue(findings.get(0).message().contains("[s3:*]"));
    }

    @Test
    void aWafLoggingConfigurationThatLogsAuthorizationFailsNamingTheHeader() {
        List<Finding> findings = bad.result("LGW-LOG-003").findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("[authorization]"), findings.get(0).message());
        assertEquals(Severity.HIGH, bad.result("LGW-LOG-003").check().severity());
    }

    @Test
    void plainHttpListenerIsAHighFindingEvenInDev() {
        CheckResult http = badInDev.result("LGW-TLS-002");
        assertEquals(CheckStatus.FAIL, http.status());
        assertEquals(Severity.HIGH, http.check().severity());
    }

    @Test
    void productionOnlyChecksAreNotApplicableInDev() {
        PolicyChecks.all().stream().filter(PolicyCheck::productionOnly).forEach(check ->
                assertEquals(CheckStatus.NOT_APPLICABLE, badInDev.result(check.id()).status(), check.id()));
        assertEquals(CheckStatus.FAIL, bad.result("LGW-PROD-001").status());
    }

    @Test
    void theStandbyOfARestoreMayBeUnprotectedButTheServingDatabaseMayNot() {
        Map<String, Object> restoring = Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "latest");
        assertEquals(CheckStatus.PASS, PolicyChecks.evaluate(Plans.stack("prod", restoring), PolicyProfile.PROD)
                .result("LGW-PROD-001").status());
        Map<String, Object> unprotected = new java.util.HashMap<>(restoring);
        unprotected.putAll(Map.of("dbDeletionProtection", false, "dbProtect", false));
        List<Finding> findings = PolicyChecks.evaluate(Plans.stack("prod", unprotected), PolicyProfile.PROD)
                .result("LGW-PROD-001").findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).resource().endsWith(" llm-prod-db"), findings.toString());
    }

    @Test
    void stackFailsTheGateWithHighFindingsUnderProdAndWithBlockedFlowsOrQuotasUnderEveryProfile() {
        assertTrue(bad.fails());
        assertTrue(badInDev.failsOn(Severity.HIGH));
        assertFalse(good.fails());
        assertFalse(good.failsOn(Severity.LOW));
        // DEV reports other HIGH findings without gating; a blocked flow or a quota overflow stops it.
        assertTrue(badInDev.fails(), "a blocked flow gates every profile");
        PolicyReport devWithoutNetworkFindings = new PolicyReport(PolicyProfile.DEV, badInDev.results().stream()
                .filter(r -> !PolicyChecks.GATE_EVERY_PROFILE.contains(r.check().id())).toList());
        assertTrue(devWithoutNetworkFindings.failsOn(Severity.HIGH));
        assertFalse(devWithoutNetworkFindings.fails(), "DEV reports but does not gate other HIGH findings");
    }

    @Test
    void emptyStackMakesEveryCheckNotApplicable() {
        PolicyReport empty = PolicyChecks.evaluate(
                new PlannedStack("p", "s", List.of(), List.of(), Map.of(), List.of(), List.of(), List.of()), PolicyProfile.PROD);
        assertTrue(empty.results().stream().allMatch(r -> r.status() == CheckStatus.NOT_APPLICABLE));
        assertFalse(empty.fails());
    }

    @Test
    void tableListsEveryCheckWithItsStatusAndFindings() {
        String table = bad.table();
        PolicyChecks.all().forEach(check -> assertTrue(table.contains(check.id()), check.id()));
        assertTrue(table.contains("FAIL"));
        assertTrue(table.contains("sets LITELLM_MASTER_KEY in plain environment"), table);
        assertTrue(table.lines().reduce((a, b) -> b).orElseThrow().contains("FAILS"));
    }
}

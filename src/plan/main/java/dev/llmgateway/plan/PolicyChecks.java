package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.PolicyProfile;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.llmgateway.engine.PlannedFlow;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Quotas;
import dev.llmgateway.engine.Reachability;
import dev.llmgateway.components.waf.WebFirewallArgs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.llmgateway.plan.Severity.HIGH;
import static dev.llmgateway.plan.Severity.LOW;
import static dev.llmgateway.plan.Severity.MEDIUM;

/**
 * The policy checks the offline plan runs, modelled on AWS Foundational Security Best Practices
 * (FSBP) controls and Checkov rules, evaluated on the planned inputs of every resource.
 */
public final class PolicyChecks {

    /** Reachability of intended flows. */
    static final String FLOWS = "LGW-FLOW-001";
    /** AWS default quotas. */
    static final String QUOTAS = "LGW-QUOTA-001";
    /** Checks whose HIGH findings stop every profile: AWS would refuse the stack or it could not serve. */
    static final Set<String> GATE_EVERY_PROFILE = Set.of(FLOWS, QUOTAS);

    private static final String DB_CLUSTER = "aws:rds/cluster:Cluster";
    private static final String DB_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String DB_INSTANCE = "aws:rds/instance:Instance";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String VPN_ENDPOINT = "aws:ec2clientvpn/endpoint:Endpoint";
    private static final String WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
    private static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    private static final String[] BUCKETS = {"aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"};
    private static final String[] DATABASES = {DB_CLUSTER, DB_INSTANCE};

    /**
     * Actions that AWS does not scope to a resource, so a policy may grant them on {@code "*"}:
     * ECR login, X-Ray segment upload and sampling, custom CloudWatch metrics, the ECS Exec
     * (SSM Session Manager) channels and the log-group lookup ECS Exec performs, and STS identity.
     */
    static final Set<String> STAR_RESOURCE_ACTIONS = Set.of(
            "ecr:GetAuthorizationToken",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries",
            "cloudwatch:PutMetricData",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
            "logs:DescribeLogGroups",
            "sts:GetCallerIdentity");

    /** Words that mark an environment variable as holding a secret. */
    private static final List<String> SECRET_WORDS = List.of("KEY", "SECRET", "PASSWORD", "TOKEN");
    /** Variables whose names contain such a word but hold no secret (a flag). */
    private static final Set<String> NOT_SECRET_VARIABLES = Set.of("IAM_TOKEN_DB_AUTH");
    private static final Set<String> OPEN_CIDRS = Set.of("0.0.0.0/0", "::/0");

    private static final List<PolicyCheck> ALL = List.of(
            check("LGW-ENC-001", "Databases encrypted with a customer KMS key",
                    "Stored prompts, keys and spend data stay encrypted under a key the account controls and audits.",
                    "FSBP RDS.3, RDS.27; CKV_AWS_16", HIGH, false, types(DATABASES), (s, r) -> concat(
                    when(!r.flag("storageEncrypted"), "storageEncrypted is not true"),
                    when(absent(r, "kmsKeyId"), "no customer KMS key (kmsKeyId)"))),
            check("LGW-KMS-001", "KMS keys rotate", "Yearly rotation limits how much data one key version protects.",
                    "FSBP KMS.4", MEDIUM, false, types("aws:kms/key:Key"),
                    (s, r) -> when(!r.flag("enableKeyRotation"), "enableKeyRotation is not true")),
            check("LGW-ENC-002", "Secrets encrypted with a customer KMS key",
                    "Reading a secret then also needs kms:Decrypt on the gateway's key, which is logged and scoped.",
                    "CKV_AWS_149", MEDIUM, false, types("aws:secretsmanager/secret:Secret"),
                    (s, r) -> when(absent(r, "kmsKeyId"), "no customer KMS key (kmsKeyId)")),
            check("LGW-LOG-001", "Log groups encrypted with a customer KMS key",
                    "Logs can carry request metadata and errors; encrypting them keeps access under the key policy.",
                    "CKV_AWS_158", MEDIUM, false, types(LOG_GROUP),
                    (s, r) -> when(absent(r, "kmsKeyId"), "no customer KMS key (kmsKeyId)")),
            check("LGW-LOG-002", "Log groups have a retention period",
                    "Logs kept forever cost money and keep personal data longer than needed.",
                    "CKV_AWS_66", LOW, false, types(LOG_GROUP),
                    (s, r) -> when(StackLinks.number(r, "retentionInDays").orElse(0.0) <= 0,
                            "no retentionInDays (kept forever)")),
            check("LGW-LOG-003", "WAF logs keep credentials out",
                    "WAF logs every header by default: a reader of the log group would find the gateway's API keys, the master key and UI sessions.",
                    "AWS WAF developer guide, \"Log fields for web ACL traffic\" and \"Data protection\"; LiteLLM SpecialHeaders (litellm/proxy/_types.py)",
                    HIGH, false, types(WAF_LOGGING), PolicyChecks::wafLogsCredentials),
            check("LGW-ENC-003", "SNS topics encrypted", "Alarm notifications can name resources and errors.",
                    "CKV_AWS_26", MEDIUM, false, types("aws:sns/topic:Topic"),
                    (s, r) -> when(absent(r, "kmsMasterKeyId"), "no KMS key (kmsMasterKeyId)")),
            check("LGW-S3-001", "S3 buckets encrypted with KMS",
                    "Config files and exports are encrypted under a key the account controls (ELB access-log buckets excepted: ELB writes only to SSE-S3).",
                    "FSBP S3.17; CKV_AWS_145", MEDIUM, false, types(BUCKETS), PolicyChecks::bucketEncryption),
            check("LGW-S3-002", "S3 buckets block public access",
                    "A bucket policy or ACL mistake must not publish the gateway's config or data.",
                    "FSBP S3.8", HIGH, false, types(BUCKETS), PolicyChecks::publicAccessBlock),
            check("LGW-NET-001", "Databases not publicly accessible",
                    "The database is reached only from the proxy's security group inside the VPC.",
                    "FSBP RDS.2; CKV_AWS_17", HIGH, false, types(DB_INSTANCE, DB_CLUSTER_INSTANCE),
                    (s, r) -> when(r.flag("publiclyAccessible"), "publiclyAccessible is true")),
            check("LGW-NET-002", "ECS tasks get no public IP",
                    "Tasks run in private subnets and are reached only through the load balancer.",
                    "FSBP ECS.2", HIGH, false, types("aws:ecs/service:Service"),
                    (s, r) -> when(r.flag("networkConfiguration.assignPublicIp"), "assignPublicIp is true")),
            check("LGW-NET-003", "No ingress from anywhere except HTTP(S) to a load balancer",
                    "Only the load balancer faces the internet, and only on 80 and 443.",
                    "FSBP EC2.18, EC2.19", HIGH, false, types(SECURITY_GROUP), PolicyChecks::openIngress),
            check(FLOWS, "Every intended network flow is allowed",
                    "Security groups start without egress and both sides must allow a flow: a blocked flow is an outage.",
                    "AWS VPC security group rules and route tables", HIGH, false, PolicyChecks::flowGroups,
                    PolicyChecks::blockedFlows),
            check("LGW-FLOW-002", "Every ingress rule serves an intended flow",
                    "An opening nobody declared is either dead or a way around a control (the header, the VPN, the load balancer).",
                    "AWS VPC security group rules", MEDIUM, false, types("aws:ec2/securityGroup:SecurityGroup"),
                    PolicyChecks::undeclaredIngress),
            check(QUOTAS, "Within AWS default quotas",
                    "AWS refuses a resource over its quota: the deploy stops half-way.",
                    "AWS service quotas", HIGH, false, stack -> stack.where(PlannedResource::custom),
                    (s, r) -> Quotas.usage(s).stream().filter(u -> u.over() && u.resource().equals(r.name()))
                            .map(u -> u.quota() + ": " + u.used() + " > " + u.limit() + " (" + u.source() + ")").toList()),
            check("LGW-TLS-001", "HTTPS listeners use a TLS 1.3 policy",
                    "Old protocol versions and ciphers are refused at the edge.",
                    "CKV_AWS_103", MEDIUM, false, listeners("HTTPS", "TLS"),
                    (s, r) -> when(!StackLinks.text(r, "sslPolicy").orElse("").contains("TLS13"),
                            "sslPolicy " + StackLinks.text(r, "sslPolicy").orElse("(default)") + " is not a TLS 1.3 policy")),
            check("LGW-TLS-002", "HTTP listeners only redirect to HTTPS",
                    "API keys travel in headers; plain HTTP exposes them (a dev-only HTTP listener is still reported).",
                    "FSBP ELB.1", HIGH, false, listeners("HTTP"), PolicyChecks::httpRedirectOnly),
            check("LGW-ELB-002", "A header-guarded listener forwards only requests with the header",
                    "Behind CloudFront the load balancer's DNS name is public: a path without the origin header bypasses CloudFront and its WAF.",
                    "AWS CloudFront developer guide, restricting access to Application Load Balancers", HIGH, false,
                    listeners("HTTPS", "HTTP"), PolicyChecks::headerGuard),
            check("LGW-ELB-001", "Load balancers drop invalid HTTP headers",
                    "Malformed headers are a request-smuggling vector.",
                    "FSBP ELB.4", MEDIUM, false, applicationLoadBalancers(),
                    (s, r) -> when(!r.flag("dropInvalidHeaderFields"), "dropInvalidHeaderFields is not true")),
            check("LGW-ECS-001", "Containers are not privileged", "A privileged container can take over its host.",
                    "FSBP ECS.4", HIGH, false, types(TASK_DEFINITION),
                    containers((name, c) -> when(bool(c, "privileged"), "container " + name + " is privileged"))),
            check("LGW-ECS-002", "Containers have a read-only root filesystem",
                    "An exploited process cannot modify the image's code.",
                    "FSBP ECS.5", MEDIUM, false, types(TASK_DEFINITION),
                    containers((name, c) -> when(!bool(c, "readonlyRootFilesystem"),
                            "container " + name + " has a writable root filesystem"))),
            check("LGW-ECS-003", "Containers send logs", "Without a log configuration, failures leave no trace.",
                    "FSBP ECS.9", MEDIUM, false, types(TASK_DEFINITION),
                    containers((name, c) -> when(!c.has("logConfiguration") || c.get("logConfiguration").isJsonNull(),
                            "container " + name + " has no logConfiguration"))),
            check("LGW-ECS-004", "Secrets reach containers only through valueFrom",
                    "Plain environment values are visible to anyone who can describe the task definition.",
                    "FSBP ECS.8", HIGH, false, types(TASK_DEFINITION), containers(PolicyChecks::plainSecrets)),
            check("LGW-IAM-001", "IAM policies name resources instead of \"*\"",
                    "Least privilege: a grant on \"*\" reaches every current and future resource of the service.",
                    "CKV_AWS_355", MEDIUM, false,
                    types("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/role:Role"),
                    PolicyChecks::starResources),
            check("LGW-IAM-002", "Roles an AWS service assumes are limited to this account",
                    "Without aws:SourceAccount (or aws:SourceArn) another account's resource could make the service act with this role: the confused deputy.",
                    "IAM user guide, \"The confused deputy problem\"", MEDIUM, false, types("aws:iam/role:Role"),
                    PolicyChecks::confusedDeputy),
            check("LGW-NET-004", "VPCs have flow logs", "Flow logs are the record of who talked to what during an incident.",
                    "FSBP EC2.6", MEDIUM, false, types(VPC),
                    (s, r) -> when(StackLinks.dependents(s, r, "aws:ec2/flowLog:FlowLog").isEmpty(), "no flow log")),
            check("LGW-NET-005", "Default security groups allow nothing",
                    "Resources launched without a group must not inherit open rules.",
                    "FSBP EC2.2", MEDIUM, false, types(VPC), PolicyChecks::defaultSecurityGroup),
            check("LGW-VPN-001", "Client VPN logs connections",
                    "Who connected when is the audit trail for private access to the gateway.",
                    "AWS Client VPN Administrator Guide, connection logging", MEDIUM, false, types(VPN_ENDPOINT),
                    (s, r) -> when(!r.flag("connectionLogOptions.enabled"), "connection logging disabled")),
            check("LGW-VPN-002", "Client VPN uses split tunnel",
                    "Only VPC-bound traffic crosses the VPN; users' internet traffic does not (nor its NAT cost).",
                    "AWS Client VPN Administrator Guide, split-tunnel", LOW, false, types(VPN_ENDPOINT),
                    (s, r) -> when(!r.flag("splitTunnel"), "splitTunnel is not true")),
            check("LGW-PROD-001", "Production databases have deletion protection",
                    "A mistaken destroy must not delete the keys and spend history. The standby of a restore (the copy"
                            + " being checked, or the database it replaced, which nothing reaches) is left unprotected on"
                            + " purpose so that retiring it is one setting.",
                    "FSBP RDS.7, RDS.8", HIGH, true, types(DATABASES),
                    (s, r) -> when(!r.flag("deletionProtection") && !standby(s, r), "deletionProtection is not true")),
            check("LGW-PROD-002", "Production databases keep backups for at least 7 days",
                    "A week of point-in-time recovery covers a bad migration found after a weekend.",
                    "FSBP RDS.11 (backupRetentionMinimum 7)", MEDIUM, true, types(DATABASES),
                    (s, r) -> {
                        double days = StackLinks.number(r, "backupRetentionPeriod").orElse(1.0);
                        return when(days < 7, "backupRetentionPeriod " + CostReport.number(days) + " < 7 days");
                    }),
            check("LGW-PROD-003", "Production databases span two AZs",
                    "One AZ failure must not stop the gateway (Aurora: a reader to fail over to; RDS: Multi-AZ).",
                    "FSBP RDS.5, RDS.15", MEDIUM, true, types(DATABASES), PolicyChecks::multiAz),
            check("LGW-PROD-004", "Production load balancers have deletion protection",
                    "Deleting the load balancer changes its DNS name and breaks every client.",
                    "FSBP ELB.6", LOW, true, applicationLoadBalancers(),
                    (s, r) -> when(!r.flag("enableDeletionProtection"), "enableDeletionProtection is not true")));

    private PolicyChecks() {
    }

    /** Whether {@code database} is the stack's standby database (its {@code standbyDatabaseIdentifier} output). */
    private static boolean standby(PlannedStack stack, PlannedResource database) {
        Object standby = stack.outputs().get("standbyDatabaseIdentifier");
        return standby != null && database.input(database.type().equals(DB_CLUSTER) ? "clusterIdentifier" : "identifier")
                .map(String::valueOf).filter(String.valueOf(standby)::equals).isPresent();
    }

    /** Every check, in report order. */
    public static List<PolicyCheck> all() {
        return ALL;
    }

    /** Runs every check on a stack under a profile. */
    public static PolicyReport evaluate(PlannedStack stack, PolicyProfile profile) {
        return new PolicyReport(profile, ALL.stream().map(c -> c.check(stack, profile)).toList());
    }

    private static PolicyCheck check(String id, String title, String rationale, String source, Severity severity,
                                     boolean productionOnly, Function<PlannedStack, List<PlannedResource>> scope,
                                     BiFunction<PlannedStack, PlannedResource, List<String>> problems) {
        return new PolicyCheck(id, title, rationale, source, severity, productionOnly, scope, problems);
    }

    private static Function<PlannedStack, List<PlannedResource>> types(String... types) {
        Set<String> wanted = Set.of(types);
        return stack -> stack.where(r -> wanted.contains(r.type()));
    }

    private static Function<PlannedStack, List<PlannedResource>> listeners(String... protocols) {
        List<String> wanted = Arrays.asList(protocols);
        return stack -> stack.ofType(LISTENER).stream()
                .filter(r -> wanted.contains(StackLinks.text(r, "protocol").orElse(""))).toList();
    }

    private static Function<PlannedStack, List<PlannedResource>> applicationLoadBalancers() {
        return stack -> stack.ofType(LOAD_BALANCER).stream()
                .filter(r -> StackLinks.text(r, "loadBalancerType").orElse("application").equals("application")).toList();
    }

    private static List<String> when(boolean violated, String problem) {
        return violated ? List.of(problem) : List.of();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static boolean absent(PlannedResource resource, String path) {
        return StackLinks.text(resource, path).isEmpty();
    }

    private static List<String> bucketEncryption(PlannedStack stack, PlannedResource bucket) {
        Stream<Object> algorithms = Stream.concat(
                bucket.input("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm")
                        .stream(),
                Stream.of("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                        .flatMap(type -> StackLinks.dependents(stack, bucket, type).stream())
                        .flatMap(config -> config.list("rules").stream())
                        .map(rule -> ((Map<?, ?>) rule).get("applyServerSideEncryptionByDefault"))
                        .filter(Map.class::isInstance).map(by -> ((Map<?, ?>) by).get("sseAlgorithm")));
        // ELB delivers access logs only to SSE-S3 buckets (ELB user guide): such a bucket is the documented exception.
        boolean elbLogBucket = StackLinks.dependents(stack, bucket, "aws:s3/bucketPolicy:BucketPolicy").stream()
                .anyMatch(policy -> policy.string("policy").contains("\"ElbLogDelivery\""));
        return when(!elbLogBucket && algorithms.noneMatch(a -> String.valueOf(a).startsWith("aws:kms")),
                "no server-side encryption configuration with aws:kms");
    }

    /**
     * Credential headers (and the query string, where LiteLLM's Gemini pass-through takes {@code ?key=}) that a WAF
     * logging configuration would write: neither its own redacted fields nor its web ACL's data protection hide them.
     */
    private static List<String> wafLogsCredentials(PlannedStack stack, PlannedResource logging) {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        boolean queryHidden = false;
        for (Object field : logging.list("redactedFields")) {
            Map<?, ?> redacted = (Map<?, ?>) field;
            if (redacted.get("singleHeader") instanceof Map<?, ?> header && header.get("name") != null) {
                hidden.add(String.valueOf(header.get("name")).toLowerCase(java.util.Locale.ROOT));
            }
            queryHidden |= redacted.containsKey("queryString");
        }
        String acl = StackLinks.text(logging, "resourceArn").orElse("");
        boolean allHeaders = false;
        for (PlannedResource webAcl : stack.ofType(WEB_ACL)) {
            if (!acl.equals(String.valueOf(webAcl.output("arn").orElse("")))) {
                continue;
            }
            for (Object entry : webAcl.list("dataProtectionConfig.dataProtections")) {
                if (!(((Map<?, ?>) entry).get("field") instanceof Map<?, ?> field)) {
                    continue;
                }
                List<?> keys = field.get("fieldKeys") instanceof List<?> list ? list : List.of();
                if ("SINGLE_HEADER".equals(field.get("fieldType"))) {
                    allHeaders |= keys.isEmpty();
                    keys.forEach(key -> hidden.add(String.valueOf(key).toLowerCase(java.util.Locale.ROOT)));
                }
                queryHidden |= "QUERY_STRING".equals(field.get("fieldType"));
            }
        }
        List<String> problems = new ArrayList<>();
        boolean everyHeader = allHeaders;
        List<String> logged = WebFirewallArgs.CREDENTIAL_HEADERS.stream()
                .filter(header -> !everyHeader && !hidden.contains(header)).toList();
        if (!logged.isEmpty()) {
            problems.add("logs the credential header(s) " + logged + " (no redactedFields singleHeader, no web ACL data protection)");
        }
        if (!queryHidden) {
            problems.add("logs the query string, where a client may send a key (?key=)");
        }
        return problems;
    }

    private static List<String> publicAccessBlock(PlannedStack stack, PlannedResource bucket) {
        List<String> flags = List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");
        boolean blocked = StackLinks.dependents(stack, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")
                .stream().anyMatch(block -> flags.stream().allMatch(block::flag));
        return when(!blocked, "no public access block with all four settings true");
    }

    /** One ingress permission, wherever it was declared. */
    private record Ingress(String where, List<String> cidrs, double from, double to, String protocol) {
        boolean open() {
            return cidrs.stream().anyMatch(OPEN_CIDRS::contains);
        }

        boolean webOnly() {
            return !protocol.equals("-1") && from == to && (from == 80 || from == 443);
        }
    }

    private static List<String> openIngress(PlannedStack stack, PlannedResource group) {
        List<Ingress> rules = new ArrayList<>();
        for (Object entry : group.list("ingress")) {
            Map<?, ?> rule = (Map<?, ?>) entry;
            rules.add(new Ingress("inline ingress", strings(rule.get("cidrBlocks"), rule.get("ipv6CidrBlocks")),
                    port(rule.get("fromPort")), port(rule.get("toPort")), String.valueOf(rule.get("protocol"))));
        }
        for (PlannedResource rule : StackLinks.dependents(stack, group,
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            rules.add(new Ingress("rule " + rule.name(), strings(rule.input("cidrIpv4").orElse(null),
                    rule.input("cidrIpv6").orElse(null)), port(rule.input("fromPort").orElse(null)),
                    port(rule.input("toPort").orElse(null)), String.valueOf(rule.input("ipProtocol").orElse("-1"))));
        }
        for (PlannedResource rule : StackLinks.dependents(stack, group, "aws:ec2/securityGroupRule:SecurityGroupRule")) {
            if ("ingress".equals(rule.input("type").orElse(null))) {
                rules.add(new Ingress("rule " + rule.name(), strings(rule.input("cidrBlocks").orElse(null),
                        rule.input("ipv6CidrBlocks").orElse(null)), port(rule.input("fromPort").orElse(null)),
                        port(rule.input("toPort").orElse(null)), String.valueOf(rule.input("protocol").orElse("-1"))));
            }
        }
        boolean loadBalancerGroup = !StackLinks.dependents(stack, group, LOAD_BALANCER).isEmpty();
        return rules.stream().filter(Ingress::open).filter(rule -> !(loadBalancerGroup && rule.webOnly()))
                .map(rule -> rule.where() + " allows " + rule.cidrs() + " on "
                        + (rule.protocol().equals("-1") ? "all ports" : "ports " + CostReport.number(rule.from())
                        + "-" + CostReport.number(rule.to()))
                        + (loadBalancerGroup ? "" : " (not a load balancer's group)"))
                .toList();
    }

    private static List<String> strings(Object... values) {
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof List<?> list) {
                list.forEach(v -> out.add(String.valueOf(v)));
            } else if (value != null) {
                out.add(String.valueOf(value));
            }
        }
        return out;
    }

    private static double port(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    /**
     * When any rule of a listener requires an HTTP header (CloudFront's secret origin header), every rule that
     * forwards must require it too and the default action must refuse: otherwise that path bypasses the edge.
     */
    private static List<String> headerGuard(PlannedStack stack, PlannedResource listener) {
        String arn = String.valueOf(listener.output("arn").orElse(""));
        List<PlannedResource> rules = stack.ofType("aws:lb/listenerRule:ListenerRule").stream()
                .filter(r -> arn.equals(r.input("listenerArn").map(String::valueOf).orElse(null))).toList();
        java.util.Set<Object> headers = new java.util.TreeSet<>();
        rules.forEach(r -> r.list("conditions").forEach(c -> headerName(c).ifPresent(headers::add)));
        if (headers.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        rules.stream().filter(r -> forwards(r.list("actions")))
                .filter(r -> r.list("conditions").stream().noneMatch(c -> headerName(c).filter(headers::contains).isPresent()))
                .forEach(r -> problems.add("rule " + r.name() + " forwards without the " + headers + " header"));
        if (forwards(listener.list("defaultActions"))) {
            problems.add("the default action forwards requests without the " + headers + " header");
        }
        return problems;
    }

    private static Optional<Object> headerName(Object condition) {
        return condition instanceof Map<?, ?> c && c.get("httpHeader") instanceof Map<?, ?> header
                ? Optional.ofNullable(header.get("httpHeaderName")) : Optional.empty();
    }

    private static boolean forwards(List<?> actions) {
        return actions.stream().anyMatch(a -> a instanceof Map<?, ?> action && "forward".equals(action.get("type")));
    }

    private static List<String> httpRedirectOnly(PlannedStack stack, PlannedResource listener) {
        List<?> actions = listener.list("defaultActions");
        boolean redirects = !actions.isEmpty() && actions.stream().map(a -> (Map<?, ?>) a).allMatch(a ->
                "redirect".equals(a.get("type")) && a.get("redirect") instanceof Map<?, ?> redirect
                        && "HTTPS".equals(redirect.get("protocol")));
        return when(!redirects, "plain HTTP listener on port " + CostReport.number(StackLinks.number(listener, "port")
                .orElse(80.0)) + " serves traffic instead of redirecting to HTTPS (only ever a dev exception)");
    }

    /** A task definition's containers as parsed JSON objects, checked one by one. */
    private static BiFunction<PlannedStack, PlannedResource, List<String>> containers(
            BiFunction<String, JsonObject, List<String>> rule) {
        return (stack, definition) -> StackLinks.json(definition, "containerDefinitions")
                .filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray).stream()
                .flatMap(array -> array.asList().stream()).filter(JsonElement::isJsonObject)
                .map(JsonElement::getAsJsonObject)
                .flatMap(c -> rule.apply(c.has("name") ? c.get("name").getAsString() : "?", c).stream())
                .toList();
    }

    private static boolean bool(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() && object.get(key).getAsBoolean();
    }

    private static List<String> plainSecrets(String container, JsonObject definition) {
        List<String> problems = new ArrayList<>();
        for (JsonElement entry : array(definition, "environment")) {
            JsonObject variable = entry.getAsJsonObject();
            String name = variable.has("name") ? variable.get("name").getAsString() : "";
            String value = variable.has("value") ? variable.get("value").getAsString() : "";
            boolean secretName = SECRET_WORDS.stream().anyMatch(name.toUpperCase()::contains)
                    && !NOT_SECRET_VARIABLES.contains(name);
            if (secretName && !value.isEmpty()) {
                problems.add("container " + container + " sets " + name + " in plain environment");
            }
        }
        for (JsonElement entry : array(definition, "secrets")) {
            JsonObject secret = entry.getAsJsonObject();
            String from = secret.has("valueFrom") ? secret.get("valueFrom").getAsString() : "";
            if (!from.matches("arn:aws[a-z-]*:(secretsmanager|ssm):.*")) {
                problems.add("container " + container + " secret " + secret.get("name")
                        + " has no Secrets Manager or SSM valueFrom");
            }
        }
        return problems;
    }

    private static List<JsonElement> array(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonArray() ? object.getAsJsonArray(key).asList() : List.of();
    }

    private static List<String> starResources(PlannedStack stack, PlannedResource resource) {
        List<Optional<JsonElement>> documents = resource.type().equals("aws:iam/role:Role")
                ? resource.list("inlinePolicies").stream().map(p -> ((Map<?, ?>) p).get("policy"))
                .map(p -> p == null ? Optional.<JsonElement>empty() : StackLinks.parse(String.valueOf(p))).toList()
                : List.of(StackLinks.json(resource, "policy"));
        List<String> problems = new ArrayList<>();
        documents.stream().flatMap(Optional::stream).filter(JsonElement::isJsonObject)
                .flatMap(document -> elements(document.getAsJsonObject().get("Statement")).stream())
                .filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(statement -> "Allow".equals(text(statement.get("Effect"))))
                .filter(statement -> elements(statement.get("Resource")).stream().anyMatch(r -> "*".equals(text(r))))
                .forEach(statement -> {
                    List<String> actions = elements(statement.get("Action")).stream().map(PolicyChecks::text)
                            .filter(action -> !STAR_RESOURCE_ACTIONS.contains(action)).toList();
                    if (!actions.isEmpty()) {
                        problems.add("allows " + actions + " on \"*\"");
                    }
                });
        return problems;
    }

    /** Trust statements that let a service principal assume the role without aws:SourceAccount or aws:SourceArn. */
    private static List<String> confusedDeputy(PlannedStack stack, PlannedResource role) {
        List<String> problems = new ArrayList<>();
        StackLinks.json(role, "assumeRolePolicy").filter(JsonElement::isJsonObject).stream()
                .flatMap(document -> elements(document.getAsJsonObject().get("Statement")).stream())
                .filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(statement -> "Allow".equals(text(statement.get("Effect")))
                        && statement.get("Principal") instanceof JsonObject principal && principal.has("Service"))
                .filter(statement -> {
                    String conditions = String.valueOf(statement.get("Condition"));
                    return !conditions.contains("aws:SourceAccount") && !conditions.contains("aws:SourceArn");
                })
                .forEach(statement -> problems.add(elements(statement.getAsJsonObject("Principal").get("Service")).stream()
                        .map(PolicyChecks::text).toList() + " may assume it without aws:SourceAccount or aws:SourceArn"));
        return problems;
    }

    /** A JSON value that may be one element or an array of them, as a list. */
    private static List<JsonElement> elements(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        return value instanceof JsonArray array ? array.asList() : List.of(value);
    }

    private static String text(JsonElement value) {
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    /** The security groups that declared flows end in. */
    private static List<PlannedResource> flowGroups(PlannedStack stack) {
        Set<String> ends = new java.util.HashSet<>();
        stack.flows().forEach(flow -> ends.add(owner(flow)));
        return stack.ofType(SECURITY_GROUP).stream().filter(g -> ends.contains(g.id())).toList();
    }

    /** The group a flow's verdict is reported on: where it enters, or where it leaves for an address outside. */
    private static String owner(PlannedFlow flow) {
        return flow.to().securityGroupId() != null ? flow.to().securityGroupId() : flow.from().securityGroupId();
    }

    private static List<String> blockedFlows(PlannedStack stack, PlannedResource group) {
        Map<String, PlannedFlow> byName = new java.util.HashMap<>();
        stack.flows().forEach(flow -> byName.put(flow.name(), flow));
        return Reachability.analyze(stack).stream()
                .filter(v -> !v.allowed() && group.id().equals(owner(byName.get(v.flow()))))
                .map(v -> "flow " + v.flow() + " (" + v.from() + " -> " + v.to() + ":" + v.port() + ") is blocked: "
                        + String.join("; ", v.decidedBy()))
                .toList();
    }

    private static List<String> undeclaredIngress(PlannedStack stack, PlannedResource group) {
        if (stack.flows().isEmpty()) {
            return List.of();
        }
        Set<String> used = new java.util.HashSet<>();
        Reachability.analyze(stack).stream().filter(Reachability.Verdict::allowed)
                .forEach(v -> v.decidedBy().stream().filter(d -> d.startsWith("in: ")).forEach(d -> used.add(d.substring(4))));
        return Reachability.ingressRuleNames(stack, group.id()).stream().filter(rule -> !used.contains(rule))
                .map(rule -> "ingress rule " + rule + " serves no intended flow").toList();
    }

    private static List<String> defaultSecurityGroup(PlannedStack stack, PlannedResource vpc) {
        List<PlannedResource> adopted = StackLinks.dependents(stack, vpc,
                "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        if (adopted.isEmpty()) {
            return List.of("default security group not adopted (aws:ec2/defaultSecurityGroup) to strip its rules");
        }
        return adopted.stream().filter(g -> !g.list("ingress").isEmpty() || !g.list("egress").isEmpty())
                .map(g -> "default security group " + g.name() + " has rules").toList();
    }

    private static List<String> multiAz(PlannedStack stack, PlannedResource database) {
        if (database.type().equals(DB_INSTANCE)) {
            return when(!database.flag("multiAz"), "multiAz is not true");
        }
        int members = StackLinks.dependents(stack, database, DB_CLUSTER_INSTANCE).size();
        return when(members < 2, members + " cluster instance(s); a reader in another AZ is needed");
    }
}

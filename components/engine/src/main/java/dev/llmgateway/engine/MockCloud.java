package dev.llmgateway.engine;

import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.Partition;
import dev.llmgateway.components.regions.ElbLogDelivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake AWS (plus the random and tls providers) for Pulumi's mock engine. It answers every
 * resource with its inputs plus the computed attributes the program reads (ARNs, endpoints,
 * DNS names, generated values) and answers the data sources the program calls with fixed,
 * plausible values, so plans are deterministic. Used by unit tests and the offline plan.
 *
 * <p>A resource created through an explicit provider lives in that provider's region (its ARNs and endpoints say so);
 * values the provider marks secret come back secret (the SSM parameter lookup's {@code value}). In preview mode it
 * answers as a provider answers a first {@code pulumi preview}: every attribute computed at create time (ids, ARNs,
 * endpoints, generated values) is unknown, while inputs and the names the provider derives before creating (auto-names)
 * stay known.
 */
public final class MockCloud implements Mocks {

    /** Account id every fake ARN carries. */
    public static final String ACCOUNT = "123456789012";

    /** Id prefixes of the EC2 resources whose ids AWS generates. */
    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
            Map.entry("aws:ec2/instance:Instance", "i-"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
            Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr-"),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "sgr-"),
            Map.entry("aws:ec2clientvpn/endpoint:Endpoint", "cvpn-endpoint-"));

    private static final String KMS_KEY = "aws:kms/key:Key";

    /** An AWS-managed prefix list: its id and the weight a rule that references it has against the rules quota. */
    public record ManagedPrefixList(String id, int weight) {
    }

    /**
     * AWS-managed prefix lists the program looks up. CloudFront's origin-facing list counts as 55
     * rules (VPC user guide, "AWS-managed prefix lists": its weight is 55).
     */
    public static final Map<String, ManagedPrefixList> PREFIX_LISTS = Map.of(
            "com.amazonaws.global.cloudfront.origin-facing", new ManagedPrefixList("pl-3b927c52", 55));

    private final String region;
    private final boolean preview;
    /** The region of each explicit aws provider, by its logical name. */
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    /** Explicit physical names already used, per type: AWS refuses a second one. */
    private final Map<String, Set<String>> taken = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, Map<String, Object>>> invokes =
            Collections.synchronizedList(new ArrayList<>());

    /** A fake cloud in the given region. */
    public MockCloud(String region) {
        this(region, false);
    }

    /** A fake cloud in the given region; {@code preview}: answer as to a first preview (computed attributes unknown). */
    public MockCloud(String region, boolean preview) {
        this.region = region;
        this.preview = preview;
    }

    /** The engine's unknown value, as a provider returns it for an attribute it computes only when creating. */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** Data-source calls seen so far, as type token and arguments, in a stable order. */
    public List<Map.Entry<String, Map<String, Object>>> invokes() {
        synchronized (invokes) {
            return invokes.stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Map<String, Object>> e) -> e.getKey())
                            .thenComparing(e -> new TreeMap<>(e.getValue()).toString()))
                    .toList();
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        String physical;
        try {
            physical = name(args.type, args.name, state);
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (args.type.equals("pulumi:providers:aws")) {
            providerRegions.put(args.name, String.valueOf(args.inputs.getOrDefault("region", region)));
        }
        Map<String, Object> known = new LinkedHashMap<>(state);
        String where = regionOf(args.provider);
        String service = service(args.type);
        String kind = kind(args.type);
        state.putIfAbsent("arn", "arn:" + Partition.of(where) + ":" + service + ":" + where + ":" + ACCOUNT + ":" + kind + "/" + physical);
        computed(args.type, args.name, physical, where, state);
        if (preview) {
            // A first preview knows the inputs and the auto-name; what the provider computes when creating is unknown.
            state.replaceAll((key, value) -> Objects.equals(known.get(key), value) || value.equals(physical) ? value : UNKNOWN);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        return CompletableFuture.completedFuture(
                ResourceResult.of(Optional.of(id(args.type, args.name, physical)), state));
    }

    /**
     * The region a resource lives in: its explicit provider's (a provider reference is
     * {@code urn:...::pulumi:providers:aws::<name>::<id>}), else the stack's.
     */
    private String regionOf(String providerReference) {
        if (providerReference == null || providerReference.isBlank()) {
            return region;
        }
        String[] parts = providerReference.split("::");
        return parts.length >= 2 ? providerRegions.getOrDefault(parts[parts.length - 2], region) : region;
    }

    /**
     * The physical name as the provider and AWS would settle it: an explicit name is checked against
     * AWS's rule; a missing one is auto-named like pulumi-aws (logical name, {@code -}, 7 hex
     * characters) and checked too. A refusal fails the registration, as {@code pulumi preview} would.
     */
    private String name(String type, String logicalName, Map<String, Object> state) {
        Optional<NameRule> rule = NameRule.forType(type);
        if (rule.isEmpty()) {
            return String.valueOf(state.getOrDefault("name", logicalName));
        }
        NameRule r = rule.get();
        Object explicit = state.get(r.property());
        String physical;
        if (explicit != null) {
            physical = String.valueOf(explicit);
        } else {
            physical = r.generate(type, logicalName, hex(type + "::" + logicalName, 26));
            state.put(r.property(), physical);
        }
        refuse(type, logicalName, r, physical);
        Object snapshot = state.get(NameRule.RDS_FINAL_SNAPSHOT.property());
        if (snapshot != null) {
            refuse(type, logicalName, NameRule.RDS_FINAL_SNAPSHOT, String.valueOf(snapshot));
        }
        if (explicit != null && !taken.computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet()).add(physical)) {
            throw new IllegalArgumentException(type + " " + logicalName + ": " + r.property() + " '" + physical
                    + "' already exists in this account and region (AWS refuses a second resource with the same name)");
        }
        return physical;
    }

    private static void refuse(String type, String logicalName, NameRule rule, String physical) {
        rule.violation(physical).ifPresent(why -> {
            throw new IllegalArgumentException(type + " " + logicalName + ": " + rule.property() + " " + why);
        });
    }

    /** Resource ids in AWS's shapes where the program or a reviewer sees them (sg-…, subnet-…). */
    private static String id(String type, String logicalName, String physical) {
        if (type.equals(KMS_KEY)) {
            return keyId(logicalName);
        }
        String prefix = ID_PREFIXES.get(type);
        return prefix == null ? physical : prefix + hex(type + "::" + logicalName, 17);
    }

    /** A KMS key id: a UUID, derived from the logical name. */
    private static String keyId(String logicalName) {
        String h = hex(KMS_KEY + "::" + logicalName, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** Deterministic stand-in for the provider's random characters: the first hex digits of a SHA-256. */
    static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Type-specific attributes that AWS (or random/tls) computes and the program reads, for a resource in {@code region}. */
    private static void computed(String type, String name, String physical, String region, Map<String, Object> state) {
        String partition = Partition.of(region);
        String arnPrefix = "arn:" + partition + ":%s:" + region + ":" + ACCOUNT + ":";
        switch (type) {
            case "random:index/randomPassword:RandomPassword", "random:index/randomString:RandomString" ->
                    state.put("result", "mock" + name.replaceAll("[^A-Za-z0-9]", "") + "0123456789abcdef");
            case "random:index/randomId:RandomId" -> {
                state.put("hex", "0123abcd");
                state.put("b64Url", "ASOrzQ");
            }
            case "tls:index/privateKey:PrivateKey" -> {
                state.put("privateKeyPem", pem("PRIVATE KEY", name));
                state.put("publicKeyPem", pem("PUBLIC KEY", name));
            }
            case "tls:index/selfSignedCert:SelfSignedCert", "tls:index/locallySignedCert:LocallySignedCert" ->
                    state.put("certPem", pem("CERTIFICATE", name));
            case "tls:index/certRequest:CertRequest" -> state.put("certRequestPem", pem("CERTIFICATE REQUEST", name));
            case KMS_KEY -> {
                state.put("arn", arnPrefix.formatted("kms") + "key/" + keyId(name));
                state.put("keyId", keyId(name));
            }
            case "aws:iam/role:Role", "aws:iam/policy:Policy" -> {
                state.put("arn", "arn:" + partition + ":iam::" + ACCOUNT + ":" + (type.endsWith("Role") ? "role/" : "policy/") + physical);
                state.putIfAbsent("name", physical);
            }
            case "aws:secretsmanager/secret:Secret" ->
                    state.put("arn", arnPrefix.formatted("secretsmanager") + "secret:" + physical + "-AbCdEf");
            case "aws:ssm/parameter:Parameter" ->
                    state.put("arn", arnPrefix.formatted("ssm") + "parameter" + physical);
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                state.put("arn", arnPrefix.formatted("logs") + "log-group:" + physical);
                state.putIfAbsent("name", physical);
            }
            case "aws:cloudwatch/logStream:LogStream" -> state.putIfAbsent("name", physical);
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                String bucket = String.valueOf(state.getOrDefault("bucket", physical));
                state.put("bucket", bucket);
                state.put("arn", "arn:" + partition + ":s3:::" + bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
            }
            case "aws:s3/bucketObjectv2:BucketObjectv2" -> state.put("versionId", "v1-" + name);
            case "aws:rds/cluster:Cluster", "aws:rds/instance:Instance" -> {
                // RDS ARNs: arn:aws:rds:<region>:<account>:cluster:<id> and ...:db:<id>.
                state.put("arn", arnPrefix.formatted("rds") + (type.endsWith("Cluster") ? "cluster:" : "db:") + physical);
                state.put("endpoint", physical + ".cluster-mock." + region + ".rds.amazonaws.com");
                state.put("readerEndpoint", physical + ".cluster-ro-mock." + region + ".rds.amazonaws.com");
                state.put("address", physical + ".mock." + region + ".rds.amazonaws.com");
                state.putIfAbsent("port", 5432.0);
                state.put("clusterResourceId", "cluster-" + name);
                state.put("resourceId", "db-" + name);
                state.put("masterUserSecrets", List.of(Map.of(
                        "secretArn", arnPrefix.formatted("secretsmanager") + "secret:rds!" + name + "-AbCdEf",
                        "secretStatus", "active",
                        "kmsKeyId", String.valueOf(state.getOrDefault("masterUserSecretKmsKeyId", "")))));
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("dnsName", physical + "-1234567890." + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
                state.put("arnSuffix", "app/" + physical + "/50dc6c495c0c9188");
            }
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arnSuffix", "targetgroup/" + physical + "/73e2d6bc24d8a067");
            case "aws:ec2clientvpn/endpoint:Endpoint" ->
                    state.put("dnsName", "*.cvpn-endpoint-" + name + ".prod.clientvpn." + region + ".amazonaws.com");
            case "aws:cloudfront/distribution:Distribution" -> {
                state.put("domainName", "d111111abcdef8.cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                state.put("primaryEndpointAddress", "master." + physical + ".cache.amazonaws.com");
                state.putIfAbsent("port", 6379.0);
            }
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                state.put("arn", arnPrefix.formatted("ecs") + "task-definition/" + state.getOrDefault("family", physical) + ":1");
                state.put("revision", 1.0);
            }
            case "aws:acm/certificate:Certificate" -> state.put("domainValidationOptions", List.of(Map.of(
                    "domainName", String.valueOf(state.getOrDefault("domainName", "example.com")),
                    "resourceRecordName", "_x1." + state.getOrDefault("domainName", "example.com"),
                    "resourceRecordType", "CNAME",
                    "resourceRecordValue", "_x2.acm-validations.aws")));
            case "aws:ec2/instance:Instance" -> {
                // arn:aws:ec2:<region>:<account>:instance/<instance id>
                state.put("arn", arnPrefix.formatted("ec2") + "instance/" + id(type, name, physical));
                state.put("primaryNetworkInterfaceId", "eni-" + name);
                state.put("privateIp", "10.0.0.10");
            }
            case "aws:ecr/repository:Repository" -> {
                state.put("registryId", ACCOUNT);
                state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + physical);
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                // A gateway endpoint's routes send its service's AWS-managed prefix list to it (VPC user guide,
                // "Gateway endpoints"); such a list weighs 1 rule in a security group ("AWS-managed prefix lists").
                if ("Gateway".equals(state.get("vpcEndpointType"))) {
                    state.put("prefixListId", "pl-" + hex(type + "::" + name + "::prefix-list", 8));
                }
            }
            case "aws:route53/record:Record" -> state.put("fqdn", String.valueOf(state.getOrDefault("name", physical)));
            case "aws:sns/topic:Topic" -> state.put("arn", arnPrefix.formatted("sns") + physical);
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> state.put("arn", arnPrefix.formatted("cloudwatch") + "alarm:" + physical);
            case "aws:cloudwatch/compositeAlarm:CompositeAlarm" -> state.put("arn", arnPrefix.formatted("cloudwatch") + "alarm:" + physical);
            // CLOUDFRONT-scope web ACLs are global (created in us-east-1): arn:aws:wafv2:us-east-1:<account>:global/webacl/...
            case "aws:wafv2/webAcl:WebAcl" -> state.put("arn", arnPrefix.formatted("wafv2")
                    + ("CLOUDFRONT".equals(state.get("scope")) ? "global" : "regional") + "/webacl/" + physical + "/"
                    + hex(type + "::" + name + "::id", 8) + "-" + hex(type + "::" + name + "::id2", 4));
            default -> {
                // the generic ARN above is enough
            }
        }
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        // A lookup through an explicit provider answers for that provider's region.
        String region = regionOf(args.provider);
        Map<String, Object> arguments = args.args == null ? Map.of() : new HashMap<>(args.args);
        invokes.add(Map.entry(args.token, arguments));
        if (args.token.equals("aws:elb/getServiceAccount:getServiceAccount")) {
            // The provider knows an account only for regions older than August 2022 and fails elsewhere.
            String asked = String.valueOf(arguments.getOrDefault("region", region));
            return ElbLogDelivery.account(asked).<CompletableFuture<Map<String, Object>>>map(account -> CompletableFuture.completedFuture(
                            Map.of("arn", "arn:" + Partition.of(asked) + ":iam::" + account + ":root", "id", account, "region", asked)))
                    .orElseGet(() -> CompletableFuture.failedFuture(new IllegalArgumentException(
                            "invoking aws:elb/getServiceAccount:getServiceAccount: unsupported AWS Region: " + asked)));
        }
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.of(
                    "names", List.of(region + "a", region + "b", region + "c", region + "d", region + "e", region + "f"),
                    "zoneIds", List.of("use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6", "use1-az3"),
                    "id", region);
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", ACCOUNT, "arn", "arn:" + Partition.of(region) + ":iam::" + ACCOUNT + ":user/mock", "userId", "AIDAMOCK",
                    "id", ACCOUNT);
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "region", region);
            case "aws:index/getPartition:getPartition" -> Map.of("partition", Partition.of(region),
                    "dnsSuffix", Partition.dnsSuffix(region), "id", Partition.of(region));
            // The provider marks the parameter's value secret (terraform-provider-aws data source aws_ssm_parameter:
            // value is Sensitive), so it reaches the program as a secret.
            case "aws:ssm/getParameter:getParameter" -> Map.of(
                    "name", String.valueOf(arguments.get("name")), "value", Output.ofSecret("ami-0mock0123456789"), "type", "String",
                    "id", String.valueOf(arguments.get("name")), "arn", "arn:" + Partition.of(region) + ":ssm:" + region + "::parameter/mock",
                    "version", 1.0, "insecureValue", "ami-0mock0123456789");
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> {
                String name = String.valueOf(arguments.getOrDefault("name", ""));
                ManagedPrefixList list = PREFIX_LISTS.getOrDefault(name, new ManagedPrefixList("pl-00000000", 1));
                yield Map.of("id", list.id(), "name", name, "addressFamily", "IPv4",
                        "arn", "arn:aws:ec2:" + region + ":aws:prefix-list/" + list.id(), "maxEntries", (double) list.weight(),
                        "ownerId", "AWS", "version", 1.0, "entries", List.of());
            }
            default -> arguments;
        };
        return CompletableFuture.completedFuture(result);
    }

    private static String pem(String label, String name) {
        return "-----BEGIN " + label + "-----\nMOCK" + name + "\n-----END " + label + "-----\n";
    }

    private static String service(String type) {
        String module = type.substring(type.indexOf(':') + 1, type.lastIndexOf(':'));
        return module.contains("/") ? module.substring(0, module.indexOf('/')) : module;
    }

    private static String kind(String type) {
        return type.substring(type.lastIndexOf(':') + 1).toLowerCase();
    }
}

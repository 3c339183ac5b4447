package dev.llmgateway.components.testing;

import com.pulumi.test.Mocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A fake AWS (plus the random and tls providers) for Pulumi's mock engine. It answers every
 * resource with its inputs plus the computed attributes the program reads (ARNs, endpoints,
 * DNS names, generated values) and answers the data sources the program calls with fixed,
 * plausible values, so plans are deterministic. Used by unit tests and the offline plan.
 */
public final class MockCloud implements Mocks {

    /** Account id every fake ARN carries. */
    public static final String ACCOUNT = "123456789012";

    private final String region;
    private final List<Map.Entry<String, Map<String, Object>>> invokes =
            Collections.synchronizedList(new ArrayList<>());

    /** A fake cloud in the given region. */
    public MockCloud(String region) {
        this.region = region;
    }

    /** Data-source calls seen so far, as type token and arguments. */
    public List<Map.Entry<String, Map<String, Object>>> invokes() {
        synchronized (invokes) {
            return List.copyOf(invokes);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        String service = service(args.type);
        String kind = kind(args.type);
        String physical = String.valueOf(state.getOrDefault("name", args.name));
        state.putIfAbsent("arn", "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + kind + "/" + physical);
        computed(args.type, args.name, physical, state);
        return CompletableFuture.completedFuture(
                ResourceResult.of(Optional.of(physical + "-id"), state));
    }

    /** Type-specific attributes that AWS (or random/tls) computes and the program reads. */
    private void computed(String type, String name, String physical, Map<String, Object> state) {
        String arnPrefix = "arn:aws:%s:" + region + ":" + ACCOUNT + ":";
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
            case "aws:kms/key:Key" -> {
                state.put("arn", arnPrefix.formatted("kms") + "key/" + name + "-key-id");
                state.put("keyId", name + "-key-id");
            }
            case "aws:iam/role:Role", "aws:iam/policy:Policy" -> {
                state.put("arn", "arn:aws:iam::" + ACCOUNT + ":" + (type.endsWith("Role") ? "role/" : "policy/") + physical);
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
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
            }
            case "aws:s3/bucketObjectv2:BucketObjectv2" -> state.put("versionId", "v1-" + name);
            case "aws:rds/cluster:Cluster", "aws:rds/instance:Instance" -> {
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
            case "aws:elasticache/serverlessCache:ServerlessCache" ->
                    state.put("endpoints", List.of(Map.of("address", physical + ".serverless.use1.cache.amazonaws.com", "port", 6379.0)));
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
                state.put("primaryNetworkInterfaceId", "eni-" + name);
                state.put("privateIp", "10.0.0.10");
            }
            case "aws:route53/record:Record" -> state.put("fqdn", String.valueOf(state.getOrDefault("name", physical)));
            case "aws:sns/topic:Topic" -> state.put("arn", arnPrefix.formatted("sns") + physical);
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> state.put("arn", arnPrefix.formatted("cloudwatch") + "alarm:" + physical);
            case "aws:wafv2/webAcl:WebAcl" -> state.put("arn", arnPrefix.formatted("wafv2") + "regional/webacl/" + physical + "/id");
            default -> {
                // the generic ARN above is enough
            }
        }
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> arguments = args.args == null ? Map.of() : new HashMap<>(args.args);
        invokes.add(Map.entry(args.token, arguments));
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.of(
                    "names", List.of(region + "a", region + "b", region + "c", region + "d", region + "e", region + "f"),
                    "zoneIds", List.of("use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6", "use1-az3"),
                    "id", region);
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", ACCOUNT, "arn", "arn:aws:iam::" + ACCOUNT + ":user/mock", "userId", "AIDAMOCK", "id", ACCOUNT);
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "region", region);
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "dnsSuffix", "amazonaws.com", "id", "aws");
            case "aws:ssm/getParameter:getParameter" -> Map.of(
                    "name", String.valueOf(arguments.get("name")), "value", "ami-0mock0123456789", "type", "String",
                    "id", String.valueOf(arguments.get("name")), "arn", "arn:aws:ssm:" + region + "::parameter/mock",
                    "version", 1.0, "insecureValue", "ami-0mock0123456789");
            case "aws:elb/getServiceAccount:getServiceAccount" -> Map.of(
                    "arn", "arn:aws:iam::127311923021:root", "id", "127311923021", "region", region);
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> Map.of(
                    "id", "pl-3b927c52", "name", String.valueOf(arguments.getOrDefault("name", "mock")), "addressFamily", "IPv4",
                    "arn", "arn:aws:ec2:" + region + ":aws:prefix-list/pl-3b927c52", "maxEntries", 50.0, "ownerId", "AWS",
                    "version", 1.0, "entries", List.of());
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

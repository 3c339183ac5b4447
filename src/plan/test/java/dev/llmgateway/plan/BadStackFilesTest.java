package dev.llmgateway.plan;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mistake a user can make in a stack file stops the plan with exit code 2 and a message that
 * names the key (or the file and line), before any resource is declared. Each case starts from the
 * committed {@code Pulumi.dev.yaml}, {@code Pulumi.prod.yaml} or an example and introduces exactly one fault. The
 * first column says whose rule it is: {@code cli} (what {@code pulumi preview} refuses before the program runs:
 * pulumi/pulumi {@code pkg/workspace/config.go}, {@code sdk/go/common/workspace/project.go}, the YAML reader
 * {@code gopkg.in/yaml.v3}), {@code aws} (what AWS or LiteLLM would refuse at deploy time; the table named in the
 * case), or {@code program} (this project's own rule).
 */
class BadStackFilesTest {

    private static final String P = "litellm-gateway:";
    /** The public-ALB dev variant, for faults that only a stack with a load balancer can have. */
    private static final String DEV_PUBLIC = "examples/dev-public-alb.yaml";

    /** One edit of a stack file's text. */
    private interface Edit extends UnaryOperator<String> {
        /** Whether the edit applies to {@code Pulumi.yaml} instead of the stack file. */
        default boolean project() {
            return false;
        }
    }

    /** An edit of {@code Pulumi.yaml}'s text (literal replacement). */
    private static Edit inProject(String from, String to) {
        return new Edit() {
            @Override
            public String apply(String text) {
                assertTrue(text.contains(from), "Pulumi.yaml contains " + from);
                return text.replace(from, to);
            }

            @Override
            public boolean project() {
                return true;
            }
        };
    }

    /** Sets {@code key} (project namespace unless qualified) to the YAML text {@code value}, replacing any earlier value. */
    private static Edit set(String key, String value) {
        String qualified = key.contains(":") ? key : P + key;
        return text -> {
            List<String> lines = new ArrayList<>(text.lines().toList());
            int at = remove(lines, qualified);
            lines.add(at < 0 ? lines.size() : at, "  " + qualified + ": " + value);
            return String.join("\n", lines) + "\n";
        };
    }

    /** Removes {@code key} and its list items. */
    private static Edit unset(String key) {
        String qualified = key.contains(":") ? key : P + key;
        return text -> {
            List<String> lines = new ArrayList<>(text.lines().toList());
            assertTrue(remove(lines, qualified) >= 0, "the base stack file sets " + qualified);
            return String.join("\n", lines) + "\n";
        };
    }

    /** Replaces literal text. */
    private static Edit replace(String from, String to) {
        return text -> {
            assertTrue(text.contains(from), "the base stack file contains " + from);
            return text.replace(from, to);
        };
    }

    private static int remove(List<String> lines, String qualified) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + qualified + ":")) {
                lines.remove(i);
                while (i < lines.size() && lines.get(i).startsWith("    ")) {
                    lines.remove(i);
                }
                return i;
            }
        }
        return -1;
    }

    /** A fault this program refuses. */
    private static Arguments bad(String base, String expected, Edit... edits) {
        return Arguments.of("program", base, expected, List.of(edits));
    }

    /** A fault the Pulumi CLI refuses before the program runs; {@code source} names the CLI's code or test. */
    private static Arguments cli(String source, String base, String expected, Edit... edits) {
        return Arguments.of("cli: " + source, base, expected, List.of(edits));
    }

    /** A value AWS or LiteLLM would refuse at deploy time; {@code source} names the table that knows it. */
    private static Arguments aws(String source, String base, String expected, Edit... edits) {
        return Arguments.of("aws: " + source, base, expected, List.of(edits));
    }

    private static final String CLI_TYPE = "with configuration key '%s' must be of type '%s'";

    private static String type(String key, String type) {
        return CLI_TYPE.formatted(key, type);
    }

    static Stream<Arguments> badStackFiles() {
        return Stream.of(
                // The file itself
                bad("dev", "started at line 6", replace("  litellm-gateway:azCount: 2", "  litellm-gateway:azCount: [2")),
                bad("prod", "Pulumi.bad.yaml at line 6, column 1", replace("  aws:region: us-east-1\n", "  aws:region: us-east-1\n\tlitellm-gateway:waf: true\n")),
                bad("dev", "config = '[a, b]'", text -> "config: [a, b]\n"),
                bad("prod", "found duplicate key litellm-gateway:azCount", text -> text + "  litellm-gateway:azCount: 2\n"),
                // Keys Pulumi.yaml does not declare
                bad("dev", P + "azCnt = '2'", set("azCnt", "2")),
                bad("prod", "did you mean " + P + "wafRateLimit?", set("wafRateLimt", "500")),
                // The region and values that must agree with it
                bad("dev", "aws:region = 'us-east-9'", set("aws:region", "us-east-9")),
                bad("prod", "aws:region = ''", unset("aws:region")),
                bad("prod", P + "certificateArn = 'arn:aws:acm:eu-west-1:", set("certificateArn",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                bad("prod", P + "certificateArn = 'arn:aws-cn:acm:us-east-1:", set("certificateArn",
                        "arn:aws-cn:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                bad("prod", P + "certificateArn = 'arn:aws:iam::123456789012:server-certificate/x'",
                        set("certificateArn", "arn:aws:iam::123456789012:server-certificate/x")),
                bad("prod", P + "certificateArn = ''", unset("certificateArn"), unset("albDomainName"), unset("albHostedZoneId")),
                // Database: single values and rules that combine keys
                bad("dev", P + "dbEngineVersion = '16.2'", set("dbEngineVersion", "\"16.2\"")),
                bad("prod", P + "dbEngineVersion = 'sixteen'", set("dbEngineVersion", "sixteen")),
                bad("prod", P + "dbEngineVersion = '12.22'", set("dbEngineVersion", "\"12.22\"")),
                bad("dev", P + "dbEngineVersion = '16.6'", set("dbEngine", "rds-instance"), set("dbEngineVersion", "\"16.6\"")),
                bad("dev", P + "dbEngine = 'mysql'", set("dbEngine", "mysql")),
                bad("dev", P + "dbMinCapacity = '0.7'", set("dbMinCapacity", "\"0.7\"")),
                bad("prod", P + "dbMaxCapacity = '0.5'", set("dbMaxCapacity", "\"0.5\"")),
                bad("dev", P + "dbAutoPauseSeconds = '100'", set("dbAutoPauseSeconds", "100")),
                bad("prod", P + "dbProtect = true", set("dbDeletionProtection", "false")),
                bad("prod", P + "dbReaders = '1'", set("dbEngine", "rds-instance")),
                bad(DEV_PUBLIC, P + "dbMultiAz = 'true'", set("dbMultiAz", "true")),
                bad("dev", P + "dbInstanceClass = 'db.x1.huge'", set("dbEngine", "rds-instance"), set("dbInstanceClass", "db.x1.huge")),
                bad("dev", P + "dbBackupRetentionDays = '36'", set("dbBackupRetentionDays", "36")),
                bad("prod", P + "databasePoolLimit (100)", set("dbMaxCapacity", "\"2\""), set("databasePoolLimit", "100")),
                // Network
                bad("dev", P + "azCount = '7'", set("azCount", "7")),
                cli("TestStackConfigIntegerTypeIsCorrectlyValidated", "dev", type("azCount", "integer"), set("azCount", "two")),
                bad("dev", P + "natStrategy = 'two-gateways'", set("natStrategy", "two-gateways")),
                bad("dev", P + "vpcCidr = '10.0.0.0/33'", set("vpcCidr", "10.0.0.0/33")),
                bad("prod", P + "vpcEndpoints = 'dynamodb'", set("vpcEndpoints", "[ecr.api, dynamodb]")),
                cli("TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped", "prod", type("vpcEndpoints", "array<string>"),
                        set("vpcEndpoints", "ecr.api")),
                bad("dev", P + "flowLogRetentionDays = '10'", set("flowLogRetentionDays", "10")),
                bad("dev", P + "litellmImage = 'ghcr.io/berriai/litellm-non_root:v1.108.26': an ECR image",
                        set("natStrategy", "none")),
                // Proxy
                bad("dev", P + "proxyMemory = '1024'", set("proxyMemory", "1024")),
                bad("prod", P + "proxyMinTasks = '7'", set("proxyMinTasks", "7")),
                bad("dev", P + "redis = true", set("proxyMaxTasks", "3")),
                bad("dev", P + "litellmImage = 'ghcr.io/berriai/litellm:main-latest'", set("litellmImage", "ghcr.io/berriai/litellm:main-latest")),
                bad("dev", P + "proxyArchitecture = 'sparc'", set("proxyArchitecture", "sparc")),
                // Access
                bad("dev", P + "accessMode = 'internet'", set("accessMode", "internet")),
                bad(DEV_PUBLIC, P + "allowedCidrs = '0.0.0.0/0'", set("allowedCidrs", "[0.0.0.0/0]")),
                cli("ValidateConfigValue (boolean)", "dev", type("allowPlainHttp", "boolean"), set("allowPlainHttp", "yes please")),
                bad("prod", P + "albIdleTimeoutSeconds = '60'", set("albIdleTimeoutSeconds", "60")),
                bad("prod", P + "wafRateLimit = '5'", set("wafRateLimit", "5")),
                bad("prod", P + "albIdleTimeoutSeconds = '300': more than " + P + "requestTimeoutSeconds (600)", set("albIdleTimeoutSeconds", "300")),
                bad("dev", P + "albIdleTimeoutSeconds = '660': more than " + P + "requestTimeoutSeconds (900)", set("requestTimeoutSeconds", "900")),
                bad(DEV_PUBLIC, P + "vpnSamlGroupId = 'admins'", set("accessMode", "vpn"), set("allowedCidrs", "[]"),
                        set("vpnSamlGroupId", "admins")),
                bad(DEV_PUBLIC, P + "vpnSamlProviderArn = 'arn:aws-cn:iam::123456789012:saml-provider/okta'", set("accessMode", "vpn"),
                        set("allowedCidrs", "[]"), set("vpnAuthentication", "saml"),
                        set("vpnSamlProviderArn", "arn:aws-cn:iam::123456789012:saml-provider/okta")),
                bad("prod", P + "dbBackupWindow = '3-4'", set("dbBackupWindow", "3-4")),
                bad("prod", P + "dbMaintenanceWindow = 'sun:03:30-sun:04:30': a window that does not overlap " + P
                        + "dbBackupWindow (03:00-04:00)", set("dbMaintenanceWindow", "sun:03:30-sun:04:30")),
                bad("prod", P + "dbMaintenanceWindow = 'sun:04:30-sun:04:45': a window of at least 30 minutes",
                        set("dbMaintenanceWindow", "sun:04:30-sun:04:45")),
                bad("examples/vpn-private-gateway.yaml", P + "vpnUsers = 'Alice Smith'", set("vpnUsers", "[Alice Smith]")),
                bad("examples/vpn-private-gateway.yaml", P + "vpnUsers = '[alice, alice]': each name once", set("vpnUsers", "[alice, alice]")),
                bad("examples/vpn-private-gateway.yaml", P + "vpnUsers = '[alice]': empty unless " + P + "vpnAuthentication is certificate",
                        set("vpnAuthentication", "saml"), set("vpnSamlProviderArn", "arn:aws:iam::123456789012:saml-provider/okta"),
                        set("vpnUsers", "[alice]")),
                // Observability and tags
                bad("prod", P + "alarmEmails = 'oncall'", set("alarmEmails", "[oncall]")),
                bad("prod", P + "alarmEmails = '[a@example.com, A@example.com]'", set("alarmEmails", "[a@example.com, A@example.com]")),
                bad("dev", P + "logRetentionDays = '0'", set("logRetentionDays", "0")),
                bad("dev", P + "alarmLevel = 'loud'", set("alarmLevel", "loud")),
                bad("dev", P + "tags = 'no-equals-sign'", set("tags", "[no-equals-sign]")),
                bad("dev", P + "policyProfile = 'lenient'", set("policyProfile", "lenient")),
                // What the CLI refuses before the program runs (CliConfigCheckTest has each rule against the CLI's own tests)
                cli("ValidateConfigValue (integer: a whole number)", "prod", type("proxyCpu", "integer"), set("proxyCpu", "2048.5")),
                cli("ValidateConfigValue (integer: text must parse with strconv.Atoi)", "dev", type("logRetentionDays", "integer"),
                        set("logRetentionDays", "\"14 \"")),
                cli("ValidateConfigValue (integer: a map is no number)", "dev", type("azCount", "integer"), set("azCount", "{count: 2}")),
                cli("yaml.v3 resolve.go: yes is text, not a boolean", "prod", type("waf", "boolean"), set("waf", "yes")),
                cli("yaml.v3 resolve.go: on is text, not a boolean", "prod", type("dbProtect", "boolean"), set("dbProtect", "on")),
                cli("ValidateConfigValue (boolean: only the text true or false)", "dev", type("dashboard", "boolean"),
                        set("dashboard", "\"False\"")),
                cli("object.go: an empty value is null, not a string", "prod", type("certificateArn", "string"), set("certificateArn", "")),
                cli("ValidateConfigValue (string: a list is not text)", "dev", type("vpcCidr", "string"), set("vpcCidr", "[10.0.0.0/16]")),
                cli("ValidateConfigValue (array items)", "prod", type("vpcEndpoints", "array<string>"), set("vpcEndpoints", "[ecr.api, 1]")),
                cli("ValidateConfigValue (array items: a boolean is not text)", "dev", type("tags", "array<string>"),
                        set("tags", "[environment=dev, true]")),
                cli("value.go: pulumi config set without --path stores list text as a string", "dev", type("models", "array<string>"),
                        set("models", "'[\"claude-haiku=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0\"]'")),
                cli("value.go: an encrypted value is text, never a list", "prod", type("alarmEmails", "array<string>"),
                        set("alarmEmails", "{secure: AAABAKz0VjXt8k4=}")),
                cli("key.go ParseKey", "dev", "litellm-gateway:azCount:x", set(P + "azCount:x", "2")),
                cli("TestStackConfigErrorsWhenMissingStackValueForConfigTypeWithNoDefault", "dev",
                        "Stack 'bad' is missing configuration value 'requestTimeoutSeconds'",
                        inProject("  requestTimeoutSeconds:\n    type: integer\n    default: 600\n", "  requestTimeoutSeconds:\n    type: integer\n")),
                cli("TestStackConfigSecretIsCorrectlyValidated (a secret declaration's default is checked too)", "dev",
                        "with configuration key 'openaiApiKey' must be encrypted as it's secret",
                        inProject("  openaiApiKey:\n    type: string\n", "  openaiApiKey:\n    type: string\n    secret: true\n")),
                cli("TestProjectValidationFailsForIncorrectDefaultValueType", "dev",
                        "The default value specified for configuration key 'azCount' is not of the expected type 'integer'",
                        inProject("  azCount:\n    type: integer\n    default: 2\n", "  azCount:\n    type: integer\n    default: two\n")),
                // What AWS or LiteLLM would refuse at deploy time, from the table that knows it
                aws("InstanceClasses: Aurora offers no micro class", "prod", P + "dbInstanceClass = 'db.t4g.micro': a class Aurora PostgreSQL"
                        + " offers", set("dbEngine", "aurora-provisioned"), set("dbInstanceClass", "db.t4g.micro")),
                aws("InstanceClasses: Aurora offers no db.m class", "prod", P + "dbInstanceClass = 'db.m7g.large'",
                        set("dbEngine", "aurora-provisioned"), set("dbInstanceClass", "db.m7g.large")),
                aws("InstanceClasses: Serverless v2 instances are db.serverless", "prod", P + "dbInstanceClass = 'db.r6g.large': db.serverless",
                        set("dbInstanceClass", "db.r6g.large")),
                aws("InstanceClasses: Graviton3 needs a newer Aurora minor", "prod", "db.r7g.large needs 14.7 or later",
                        set("dbEngine", "aurora-provisioned"), set("dbInstanceClass", "db.r7g.large"), set("dbEngineVersion", "\"14.6\"")),
                aws("FargateSizes: CPU units", "dev", P + "proxyCpu = '3000': Fargate CPU must be one of", set("proxyCpu", "3000")),
                aws("FargateSizes: memory for the CPU", "prod", P + "proxyMemory = '3072': with 2048 CPU units Fargate accepts memory",
                        set("proxyMemory", "3072")),
                aws("SubnetLayout: a VPC is /16 to /28", "dev", P + "vpcCidr = '10.0.0.0/8': VPC 10.0.0.0/8 is larger than AWS allows",
                        set("vpcCidr", "10.0.0.0/8")),
                aws("SubnetLayout: a subnet is /16 to /28", "dev", P + "privateSubnetCidrs = '[10.0.64.0/29, 10.0.64.8/29]'",
                        set("privateSubnetCidrs", "[10.0.64.0/29, 10.0.64.8/29]")),
                aws("ClientVpnArgs: client range /12 to /22", "examples/vpn-private-gateway.yaml", P + "vpnClientCidr = '172.16.0.0/24'",
                        set("vpnClientCidr", "172.16.0.0/24")),
                aws("ClientVpnArgs: target subnets of at least /27", "examples/vpn-private-gateway.yaml",
                        P + "vpcCidr = '10.0.0.0/23': private subnets of at least /27", set("vpcCidr", "10.0.0.0/23")),
                aws("BedrockModels: a us. profile does not exist in the EU", "dev", P + "models = 'claude-haiku=bedrock/us.anthropic"
                        + ".claude-haiku-4-5-20251001-v1:0': a model eu-west-1 can call", set("aws:region", "eu-west-1"),
                        set("availabilityZones", "[eu-west-1a, eu-west-1b]")),
                aws("BedrockModels: a jp. profile only from Japan", "dev", "the jp. inference profile exists only in ap-northeast-1",
                        set("models", "[claude=bedrock/jp.anthropic.claude-haiku-4-5-20251001-v1:0]")),
                aws("ServiceRegions: Bedrock regions", "dev", "a region with Amazon Bedrock; ap-east-1 has none", set("aws:region", "ap-east-1"),
                        set("availabilityZones", "[ap-east-1a, ap-east-1b]")),
                aws("ServiceRegions: CloudFront-scope WAF only in the aws partition", "examples/bedrock-budgets-metrics.yaml",
                        P + "accessMode = 'edge': public, vpn or private in us-gov-west-1", set("aws:region", "us-gov-west-1")),
                aws("LiteLlmParams: a misspelt parameter", "dev", "temprature is not a LiteLLM parameter; did you mean temperature?",
                        set("models", "[claude=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;temprature=0.2]")),
                aws("LiteLlmParams: a number", "dev", "temperature must be a number, got 'warm'",
                        set("models", "[claude=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;temperature=warm]")),
                aws("LiteLlmParams: set by the program", "dev", "aws_region_name is set by this project",
                        set("models", "[claude=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;aws_region_name=us-west-2]")),
                cli("TestProjectConfigCannotBeTypedArrayWithoutItems", "dev",
                        "The configuration key 'tags' declares an array but does not specify the underlying type via the 'items' attribute",
                        inProject("  tags:\n    type: array\n    items:\n      type: string\n", "  tags:\n    type: array\n")));
    }

    @ParameterizedTest(name = "[{index}] {0}, {1}: {2}")
    @MethodSource("badStackFiles")
    void aBadStackFileExitsTwoNamingTheKey(String rule, String base, String expected, List<Edit> edits, @TempDir Path project)
            throws IOException {
        String projectText = Files.readString(Path.of("Pulumi.yaml"));
        String text = Files.readString(Path.of(base.contains("/") ? base : "Pulumi." + base + ".yaml"));
        for (Edit edit : edits) {
            if (edit.project()) {
                projectText = edit.apply(projectText);
            } else {
                text = edit.apply(text);
            }
        }
        Files.writeString(project.resolve("Pulumi.yaml"), projectText);
        Files.writeString(project.resolve("Pulumi.bad.yaml"), text);
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int exit = PlanCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "--stack", "bad", "--project-dir", project.toString(), "--out", project.resolve("out").toString());
        String message = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(PlanCommand.BAD_SETTINGS, exit, () -> "stderr: " + message);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), () -> "no stack trace: " + message);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "nothing was planned");
    }
}

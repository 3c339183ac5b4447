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
 * committed {@code Pulumi.dev.yaml} or {@code Pulumi.prod.yaml} and introduces exactly one fault.
 */
class BadStackFilesTest {

    private static final String P = "litellm-gateway:";
    /** The public-ALB dev variant, for faults that only a stack with a load balancer can have. */
    private static final String DEV_PUBLIC = "examples/dev-public-alb.yaml";

    /** One edit of a stack file's text. */
    private interface Edit extends UnaryOperator<String> {
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

    private static Arguments bad(String base, String expected, Edit... edits) {
        return Arguments.of(base, expected, List.of(edits));
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
                bad("dev", P + "azCount = 'two'", set("azCount", "two")),
                bad("dev", P + "natStrategy = 'two-gateways'", set("natStrategy", "two-gateways")),
                bad("dev", P + "vpcCidr = '10.0.0.0/33'", set("vpcCidr", "10.0.0.0/33")),
                bad("prod", P + "vpcEndpoints = 'dynamodb'", set("vpcEndpoints", "[ecr.api, dynamodb]")),
                bad("prod", P + "vpcEndpoints = 'ecr.api': a list of strings", set("vpcEndpoints", "ecr.api")),
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
                bad("dev", P + "allowPlainHttp = 'yes please'", set("allowPlainHttp", "yes please")),
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
                bad("dev", P + "policyProfile = 'lenient'", set("policyProfile", "lenient")));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("badStackFiles")
    void aBadStackFileExitsTwoNamingTheKey(String base, String expected, List<Edit> edits, @TempDir Path project) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        String text = Files.readString(Path.of(base.contains("/") ? base : "Pulumi." + base + ".yaml"));
        for (Edit edit : edits) {
            text = edit.apply(text);
        }
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

package dev.llmgateway.gateway.settings;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No documentation placeholder reaches a production deployment, and no secret is deployed from plain text. */
class PlaceholdersTest {

    private static final String REAL_CERTIFICATE = "arn:aws:acm:us-east-1:204812345678:certificate/3f1c2a9e-7b4d-4e2a-9c1f-5a6b7c8d9e0f";

    private static String failure(StackFileConfigSource source) {
        return assertThrows(SettingsException.class, () -> StackSettings.read(source)).getMessage();
    }

    @Test
    void recognisesDocumentationRangesExampleAccountsIdsAndDomains() {
        for (String placeholder : List.of("203.0.113.0/24", "198.51.100.10/32", "192.0.2.7",
                "arn:aws:acm:us-east-1:123456789012:certificate/abc", "111122223333.dkr.ecr.us-east-1.amazonaws.com/litellm:v1",
                "arn:aws:acm:us-east-1:204812345678:certificate/00000000-0000-0000-0000-000000000000",
                "ops@example.com", "platform@EXAMPLE.org", "llm.example.net")) {
            assertTrue(Placeholders.why(placeholder).isPresent(), placeholder);
        }
        for (String real : List.of("10.0.0.0/16", "2203.0.113.5", "0.0.0.0/0", REAL_CERTIFICATE, "ops@acme.com",
                "oncall@myexample.com", "llm.example.company.io", "bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0")) {
            assertFalse(Placeholders.why(real).isPresent(), real);
        }
    }

    @Test
    void deployingTheProdTemplateFailsOnItsFirstPlaceholderNamingTheKey() {
        String message = failure(Stacks.load("prod").asDeployed());
        assertTrue(message.startsWith("Invalid stack setting litellm-gateway:certificateArn = 'arn:aws:acm:us-east-1:123456789012:"), message);
        assertTrue(message.contains("example AWS account ID") && message.contains("pulumi config set certificateArn <value>"), message);
    }

    @Test
    void eachPlaceholderIsNamedUntilAllAreReplaced() {
        StackFileConfigSource prod = Stacks.load("prod").asDeployed();
        String domain = failure(prod.with(Map.of("certificateArn", REAL_CERTIFICATE)));
        assertTrue(domain.contains("litellm-gateway:albDomainName") && domain.contains("RFC 2606"), domain);
        Map<String, Object> realName = Map.of("certificateArn", REAL_CERTIFICATE, "albDomainName", "llm.acme.com",
                "albHostedZoneId", "Z04412345ABCDEFGHIJK");
        String emails = failure(prod.with(realName));
        assertTrue(emails.contains("litellm-gateway:alarmEmails") && emails.contains("platform-oncall@example.com")
                && emails.contains("RFC 2606"), emails);
        String cidrs = failure(prod.with(realName).with(Map.of("allowedCidrs", List.of("198.51.100.0/24"))));
        assertTrue(cidrs.contains("litellm-gateway:allowedCidrs") && cidrs.contains("RFC 5737"), cidrs);
        StackSettings ready = assertDoesNotThrow(() -> StackSettings.read(prod.with(realName).with(Map.of(
                "alarmEmails", List.of("platform-oncall@acme.com")))));
        assertEquals(PolicyProfile.PROD, ready.policyProfile());
    }

    @Test
    void devStacksAndCommittedTemplatesMayKeepPlaceholders() {
        // Pulumi.dev.yaml allow-lists 203.0.113.0/24 under policyProfile dev: deployable as it stands.
        assertEquals(PolicyProfile.DEV, StackSettings.read(Stacks.load("dev").asDeployed()).policyProfile());
        // Tests and the offline plan read the committed prod template as it is.
        assertEquals(PolicyProfile.PROD, StackSettings.read(Stacks.load("prod")).policyProfile());
    }

    @Test
    void aProviderKeyInPlainTextIsRefusedWithTheCommandThatEncryptsIt() {
        Map<String, Object> plain = new HashMap<>();
        plain.put("openaiApiKey", "sk-live-do-not-echo");
        String message = failure(Stacks.example("vpn-private-gateway").with(plain));
        assertTrue(message.contains("litellm-gateway:openaiApiKey") && message.contains("pulumi config set --secret openaiApiKey <value>"), message);
        assertFalse(message.contains("sk-live-do-not-echo"), "the credential is never echoed: " + message);
        // Encrypted values (secure:) are what the stack file should hold.
        assertDoesNotThrow(() -> StackSettings.read(Stacks.example("vpn-private-gateway")));
    }

    @Test
    void underTheCliAKeyMissingFromTheEncryptedKeyListIsPlainText() {
        String secretKeys = "[\"litellm-gateway:anthropicApiKey\",\"aws:secretKey\"]";
        assertTrue(PulumiConfigSource.isPlainText(secretKeys, "litellm-gateway:openaiApiKey", true));
        assertFalse(PulumiConfigSource.isPlainText(secretKeys, "litellm-gateway:anthropicApiKey", true));
        assertFalse(PulumiConfigSource.isPlainText(secretKeys, "litellm-gateway:openaiApiKey", false), "unset is not plain text");
        assertFalse(PulumiConfigSource.isPlainText(null, "litellm-gateway:openaiApiKey", true), "without the list the source cannot tell");
    }
}

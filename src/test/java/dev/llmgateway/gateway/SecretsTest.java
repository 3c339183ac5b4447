package dev.llmgateway.gateway;

import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    private final PlannedStack prod = Plans.stack("prod");

    @Test
    void generatedSecretsAreStoredEncryptedWithTheRotatingStackKey() {
        PlannedResource key = prod.one("aws:kms/key:Key");
        assertTrue(key.flag("enableKeyRotation"));
        List<PlannedResource> secrets = prod.ofType("aws:secretsmanager/secret:Secret");
        assertTrue(secrets.size() >= 3);
        Object keyArn = key.output("arn").orElseThrow();
        assertTrue(secrets.stream().allMatch(s -> keyArn.equals(s.string("kmsKeyId"))), "every secret uses the stack key");
    }

    @Test
    void secretValuesReachTheEngineOnlyAsSecrets() {
        List<PlannedResource> versions = prod.ofType("aws:secretsmanager/secretVersion:SecretVersion");
        assertFalse(versions.isEmpty());
        assertTrue(versions.stream().allMatch(v -> v.isSecret("secretString")));
    }

    @Test
    void masterKeyHasTheLiteLlmPrefixAndRotatesWithItsVersionWhileTheSaltKeyIgnoresEveryChange() {
        PlannedResource masterVersion = prod.named("aws:secretsmanager/secretVersion:SecretVersion", "llm-prod-secrets-master-key");
        assertTrue(masterVersion.string("secretString").startsWith("sk-"));
        PlannedResource master = prod.named(RandomPassword.TYPE, "llm-prod-master-key");
        assertEquals(Map.of("version", "1"), master.input("keepers").orElseThrow());
        PlannedResource salt = prod.named(RandomPassword.TYPE, "llm-prod-salt-key");
        assertEquals(List.of("length", "special", "overrideSpecial", "keepers"), salt.ignoreChanges());
        assertTrue(salt.input("keepers").isEmpty(), "nothing can regenerate the salt key");
    }

    @Test
    void theRenderedConfigIsPublishedEncryptedWithTheStackKeyAndHoldsNoSecretValue() {
        PlannedResource object = prod.one("aws:s3/bucketObjectv2:BucketObjectv2");
        assertTrue(object.string("key").matches("litellm/config-[0-9a-f]{16}\\.yaml"), object.string("key"));
        assertEquals("aws:kms", object.string("serverSideEncryption"));
        assertTrue(object.string("kmsKeyId").contains(":key/"));
        assertFalse(object.string("content").contains("placeholder") || object.string("content").contains("mock"),
                "only os.environ references, no values");
    }

    @Test
    void keyPolicyLetsOnlyThisAccountsLogGroupsAndAlarmsUseTheKey() {
        String policy = prod.one("aws:kms/key:Key").string("policy");
        assertTrue(policy.contains("\"AWS\":\"arn:aws:iam::123456789012:root\""), policy);
        assertTrue(policy.contains("arn:aws:logs:us-east-1:123456789012:log-group:*"), policy);
        assertTrue(policy.contains("\"aws:SourceAccount\":\"123456789012\""), policy);
        assertTrue(policy.contains("arn:aws:cloudwatch:us-east-1:123456789012:alarm:llm-prod-monitoring-*"), "only this stack's alarms: " + policy);
    }

    @Test
    void everyResourceIsTaggedOnceThroughTheProvidersDefaultTags() {
        PlannedResource provider = prod.one("pulumi:providers:aws");
        assertEquals("us-east-1", provider.string("region"));
        assertTrue(String.valueOf(provider.input("defaultTags").orElseThrow()).contains("managed-by"), provider.inputs().toString());
        assertTrue(prod.where(r -> r.type().startsWith("aws:")).stream().allMatch(r -> r.provider().endsWith("pulumi:providers:aws::llm-prod")),
                "every AWS resource uses the tagged provider");
    }
}

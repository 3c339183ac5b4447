package dev.llmgateway.components.secrets;

import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretVaultTest {

    private static PlannedStack plan(SecretStore store) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var vault = new SecretVault("v", SecretVaultArgs.builder()
                    .store(store).kmsKeyArn(Output.of("arn:key")).pathPrefix("app/prod")
                    .entries(Map.of("api-key", new SecretVaultArgs.Entry(Output.of("plain-looking-value"), "an API key")))
                    .build(), null);
            ctx.export("arn", vault.arn("api-key"));
        }).orThrow();
    }

    @Test
    void secretsManagerEntriesUseTheCustomerKeyAndArriveAsSecretsEvenWhenGivenPlain() {
        PlannedStack plan = plan(SecretStore.SECRETS_MANAGER);
        assertEquals("arn:key", plan.one("aws:secretsmanager/secret:Secret").string("kmsKeyId"));
        assertTrue(plan.one("aws:secretsmanager/secretVersion:SecretVersion").isSecret("secretString"));
        assertTrue(String.valueOf(plan.outputs().get("arn")).startsWith("arn:aws:secretsmanager:"));
    }

    @Test
    void ssmEntriesAreSecureStringsUnderThePathPrefix() {
        PlannedResource parameter = plan(SecretStore.SSM).one("aws:ssm/parameter:Parameter");
        assertEquals("SecureString", parameter.string("type"));
        assertEquals("/app/prod/api-key", parameter.string("name"));
        assertEquals("arn:key", parameter.string("keyId"));
        assertTrue(parameter.isSecret("value"));
    }

    @Test
    void keysAndPrefixesAreValidated() {
        var badKey = assertThrows(IllegalArgumentException.class, () -> SecretVaultArgs.builder().kmsKeyArn(Output.of("k"))
                .entries(Map.of("Bad_Key", new SecretVaultArgs.Entry(Output.of("x"), "d"))).build());
        assertEquals("SecretVault key must be lower-case letters, digits and dashes: Bad_Key", badKey.getMessage());
        var error = assertThrows(IllegalArgumentException.class, () -> SecretVaultArgs.builder()
                .store(SecretStore.SSM).kmsKeyArn(Output.of("k")).build());
        assertEquals("SecretVaultArgs.pathPrefix is required for SSM", error.getMessage());
    }
}

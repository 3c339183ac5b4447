package dev.llmgateway.components.bindings.random;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The random binding as the engine receives it: plugin version, inputs, and a result that stays secret downstream. */
class RandomBindingTest {

    @Test
    void recordsSecretnessPluginVersionAndDependenciesAsTheEngineSeesThem() {
        PlannedStack plan = OfflineEngine.run("p", "s", "us-east-1", ctx -> {
            var password = new RandomPassword("pw", RandomPasswordArgs.builder().length(32).special(false).build(), null);
            var secret = new Secret("holder");
            new SecretVersion("holder-value", SecretVersionArgs.builder()
                    .secretId(secret.id()).secretString(password.result()).build(),
                    CustomResourceOptions.builder().build());
            ctx.export("password", password.result());
            ctx.export("secretArn", secret.arn());
        }).orThrow();

        PlannedResource pw = plan.one(RandomPassword.TYPE);
        assertEquals(RandomPassword.PLUGIN_VERSION, pw.version());
        assertEquals(32.0, pw.number("length"));
        PlannedResource version = plan.one("aws:secretsmanager/secretVersion:SecretVersion");
        assertTrue(version.isSecret("secretString"), "generated value reaches the engine as a secret");
        assertTrue(version.dependencies().contains(pw.urn()));
        assertTrue(plan.outputs().get("password") instanceof dev.llmgateway.engine.Secret);
        assertFalse(plan.outputs().get("secretArn") instanceof dev.llmgateway.engine.Secret);
    }
}

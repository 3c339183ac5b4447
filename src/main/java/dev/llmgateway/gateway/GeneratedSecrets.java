package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import dev.llmgateway.gateway.settings.SecretSettings;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;

import java.util.Map;

/**
 * The secrets the gateway generates for itself with the random provider. Values only ever leave
 * as secret outputs, to be stored in the stack's secret vault.
 *
 * @param masterKey  {@code LITELLM_MASTER_KEY}: admin API key, {@code sk-} prefixed as LiteLLM requires
 * @param saltKey    {@code LITELLM_SALT_KEY}: encrypts stored provider credentials; must never change
 * @param uiPassword {@code UI_PASSWORD}: admin UI login, so the master key is not also the UI password
 */
public record GeneratedSecrets(Output<String> masterKey, Output<String> saltKey, Output<String> uiPassword) {

    /**
     * Generates the three values under {@code parent}; a new {@code masterKeyVersion} replaces the master key only, a new
     * {@code uiPasswordVersion} the UI password only.
     */
    public static GeneratedSecrets generate(String prefix, SecretSettings versions, Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var master = new RandomPassword(prefix + "-master-key", RandomPasswordArgs.builder()
                .length(48).special(false).keepers(Map.of("version", Integer.toString(versions.masterKeyVersion()))).build(), child);
        // The salt key encrypts credentials stored in the database: a new value makes them unreadable.
        // Ignoring changes to every input means no edit of this code can regenerate it.
        var salt = new RandomPassword(prefix + "-salt-key",
                RandomPasswordArgs.builder().length(64).special(false).build(),
                CustomResourceOptions.builder().parent(parent)
                        .ignoreChanges("length", "special", "overrideSpecial", "keepers").build());
        var ui = new RandomPassword(prefix + "-ui-password",
                RandomPasswordArgs.builder().length(32).special(true).overrideSpecial("-_.~")
                        .keepers(Map.of("version", Integer.toString(versions.uiPasswordVersion()))).build(), child);
        return new GeneratedSecrets(master.result().applyValue(value -> "sk-" + value).asSecret(),
                salt.result(), ui.result());
    }
}

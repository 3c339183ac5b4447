package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;
import dev.llmgateway.components.secrets.SecretVault;
import dev.llmgateway.components.secrets.SecretVaultArgs;
import dev.llmgateway.components.secrets.SecretVaultArgs.Entry;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every secret the stack holds, in its vault: the generated master key, salt key and UI password,
 * the provider keys the model catalog needs, the cache password, and the CloudFront origin secret.
 *
 * @param vault       where they are stored
 * @param environment environment variable name to the ARN ECS resolves it from
 */
record GatewaySecrets(SecretVault vault, Map<String, Output<String>> environment) {

    /** Vault key of the master key. */
    static final String MASTER_KEY = "master-key";
    /** Vault key of the salt key (encrypts credentials stored in the database; must survive a restore). */
    static final String SALT_KEY = "salt-key";
    /** Vault key of the UI password. */
    static final String UI_PASSWORD = "ui-password";
    /** Vault key of the Grafana admin password (prometheus metrics only). */
    static final String GRAFANA_PASSWORD = "grafana-admin-password";

    /** Generates, collects and stores the secrets. */
    static GatewaySecrets create(String prefix, StackSettings s, Output<String> keyArn, Optional<Output<String>> cachePassword,
                                 Optional<Output<String>> originSecret, ComponentResourceOptions options) {
        var generated = GeneratedSecrets.generate(prefix, s.secrets().masterKeyVersion());
        Map<String, String> environmentByEntry = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put(MASTER_KEY, new Entry(generated.masterKey(), "LiteLLM master key (admin API key)"));
        entries.put(SALT_KEY, new Entry(generated.saltKey(), "LiteLLM salt key: encrypts stored credentials; never change"));
        entries.put(UI_PASSWORD, new Entry(generated.uiPassword(), "LiteLLM admin UI password"));
        environmentByEntry.put(MASTER_KEY, "LITELLM_MASTER_KEY");
        environmentByEntry.put(SALT_KEY, "LITELLM_SALT_KEY");
        environmentByEntry.put(UI_PASSWORD, "UI_PASSWORD");
        s.litellm().providerKeys().forEach((provider, value) -> {
            String entry = provider.name().toLowerCase(Locale.ROOT) + "-api-key";
            entries.put(entry, new Entry(value, provider.name() + " API key for LiteLLM"));
            environmentByEntry.put(entry, provider.environmentName().orElseThrow());
        });
        cachePassword.ifPresent(password -> {
            entries.put("cache-password", new Entry(password, "Password of the cache's default user"));
            environmentByEntry.put("cache-password", "REDIS_PASSWORD");
        });
        if (s.litellm().metrics() == MetricsMode.PROMETHEUS) {
            entries.put(GRAFANA_PASSWORD, new Entry(new RandomPassword(prefix + "-grafana-admin", RandomPasswordArgs.builder()
                    .length(32).special(false).build(), null).result(), "Grafana admin password"));
        }
        // Kept for operators (e.g. to test the origin directly); the tasks never read it.
        originSecret.ifPresent(secret -> entries.put("origin-verify", new Entry(secret, "Secret header CloudFront sends to the load balancer")));
        var vault = new SecretVault(prefix + "-secrets", SecretVaultArgs.builder()
                .store(s.secrets().store())
                .kmsKeyArn(keyArn)
                .pathPrefix(s.project() + "/" + s.stack())
                .entries(entries)
                .build(), options);
        Map<String, Output<String>> environment = new LinkedHashMap<>();
        environmentByEntry.forEach((entry, env) -> environment.put(env, vault.arn(entry)));
        return new GatewaySecrets(vault, environment);
    }
}

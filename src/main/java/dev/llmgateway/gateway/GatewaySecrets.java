package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;
import dev.llmgateway.components.secrets.SecretVault;
import dev.llmgateway.components.secrets.SecretVaultArgs;
import dev.llmgateway.components.secrets.SecretVaultArgs.Entry;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.access.Entrance;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.settings.DatabaseAuth;
import dev.llmgateway.gateway.settings.SecretSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every secret the stack holds, in its vault: the generated master key, salt key and UI password,
 * the provider keys the model catalog needs, the cache password, and the CloudFront origin secret.
 *
 * @param vault            where they are stored
 * @param environment      environment variable name to the ARN ECS resolves it from
 * @param databasePassword the ARN of litellm_app's generated password, with {@code dbAuth: password}
 */
record GatewaySecrets(SecretVault vault, Map<String, Output<String>> environment, Optional<Output<String>> databasePassword) {

    /** Vault key of the master key. */
    static final String MASTER_KEY = "master-key";
    /** Vault key of the salt key (encrypts credentials stored in the database; must survive a restore). */
    static final String SALT_KEY = "salt-key";
    /** Vault key of the UI password. */
    static final String UI_PASSWORD = "ui-password";
    /** Vault key of litellm_app's password ({@code dbAuth: password} only). */
    static final String DATABASE_PASSWORD = "database-password";
    /** Vault key of the Grafana admin password (prometheus metrics only). */
    static final String GRAFANA_PASSWORD = "grafana-admin-password";

    /**
     * Generates, collects and stores the secrets under {@code parent}: in the store {@code secrets} names, at
     * {@code pathPrefix}, the provider keys {@code litellm} needs, and what the access mode keeps for operators.
     */
    static GatewaySecrets create(String prefix, SecretSettings secrets, LiteLlmSettings litellm, DatabaseAuth databaseAuth,
                                 String pathPrefix, Output<String> keyArn, Optional<Output<String>> cachePassword,
                                 Map<String, Entrance.VaultEntry> accessSecrets, Resource parent,
                                 ComponentResourceOptions options) {
        var generated = GeneratedSecrets.generate(prefix, secrets, parent);
        Map<String, String> environmentByEntry = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put(MASTER_KEY, new Entry(generated.masterKey(), "LiteLLM master key (admin API key)"));
        entries.put(SALT_KEY, new Entry(generated.saltKey(), "LiteLLM salt key: encrypts stored credentials; never change"));
        entries.put(UI_PASSWORD, new Entry(generated.uiPassword(), "LiteLLM admin UI password"));
        environmentByEntry.put(MASTER_KEY, "LITELLM_MASTER_KEY");
        environmentByEntry.put(SALT_KEY, "LITELLM_SALT_KEY");
        environmentByEntry.put(UI_PASSWORD, "UI_PASSWORD");
        litellm.providerKeys().forEach((provider, value) -> {
            String entry = provider.name().toLowerCase(Locale.ROOT) + "-api-key";
            entries.put(entry, new Entry(value, provider.name() + " API key for LiteLLM"));
            environmentByEntry.put(entry, provider.environmentName().orElseThrow());
        });
        cachePassword.ifPresent(password -> {
            entries.put("cache-password", new Entry(password, "Password of the cache's default user"));
            environmentByEntry.put("cache-password", "REDIS_PASSWORD");
        });
        if (litellm.metrics() == MetricsMode.PROMETHEUS) {
            entries.put(GRAFANA_PASSWORD, new Entry(new RandomPassword(prefix + "-grafana-admin", RandomPasswordArgs.builder()
                    .length(32).special(false).build(), CustomResourceOptions.builder().parent(parent).build()).result(),
                    "Grafana admin password"));
        }
        if (databaseAuth == DatabaseAuth.PASSWORD) {
            // LiteLLM signs in as litellm_app with this; the bootstrap task sets it, so no serving container ever gets
            // the master secret. Letters and digits only: no quoting in a URL, no SASLprep in SCRAM.
            entries.put(DATABASE_PASSWORD, new Entry(new RandomPassword(prefix + "-database-password", RandomPasswordArgs.builder()
                    .length(40).special(false).build(), CustomResourceOptions.builder().parent(parent).build()).result(),
                    "Password of litellm_app, the PostgreSQL role LiteLLM signs in as (dbAuth password)"));
        }
        accessSecrets.forEach((key, secret) -> entries.put(key, new Entry(secret.value(), secret.description())));
        var vault = new SecretVault(prefix + "-secrets", SecretVaultArgs.builder()
                .store(secrets.store())
                .kmsKeyArn(keyArn)
                .pathPrefix(pathPrefix)
                .entries(entries)
                .build(), options);
        Map<String, Output<String>> environment = new LinkedHashMap<>();
        environmentByEntry.forEach((entry, env) -> environment.put(env, vault.arn(entry)));
        return new GatewaySecrets(vault, environment, databaseAuth == DatabaseAuth.PASSWORD
                ? Optional.of(vault.arn(DATABASE_PASSWORD)) : Optional.empty());
    }
}

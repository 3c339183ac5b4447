package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/** Settings read from the running deployment's Pulumi config ({@code pulumi up / preview}). */
public final class PulumiConfigSource implements ConfigSource {

    private final Context ctx;

    /** Reads the config of the deployment behind {@code ctx}. */
    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public String project() {
        return ctx.projectName();
    }

    @Override
    public String stack() {
        return ctx.stackName();
    }

    @Override
    public Optional<String> get(String key) {
        return config(key).get(local(key));
    }

    @Override
    public Optional<Output<String>> secret(String key) {
        Config config = config(key);
        // Presence decides which resources exist; the value itself is only ever read as a secret.
        // Pulumi.yaml declares these keys with an empty default, which counts as unset.
        return config.get(local(key)).filter(value -> !value.isBlank()).isPresent()
                ? Optional.of(config.requireSecret(local(key)))
                : Optional.empty();
    }

    /**
     * The CLI passes the fully qualified keys of encrypted values in {@code PULUMI_CONFIG_SECRET_KEYS}
     * (a JSON array; Pulumi's language hosts set it next to {@code PULUMI_CONFIG}); a set key missing
     * from it was stored without {@code --secret}. Without the variable the source cannot tell.
     */
    @Override
    public boolean isPlainText(String key) {
        return isPlainText(System.getenv("PULUMI_CONFIG_SECRET_KEYS"), qualified(key), get(key).filter(value -> !value.isBlank()).isPresent());
    }

    /** Whether a set key is missing from the CLI's list of encrypted keys (JSON array); false without the list. */
    static boolean isPlainText(String secretKeysJson, String qualifiedKey, boolean isSet) {
        if (secretKeysJson == null || secretKeysJson.isBlank() || !isSet) {
            return false;
        }
        return !List.of(new Gson().fromJson(secretKeysJson, String[].class)).contains(qualifiedKey);
    }

    private Config config(String key) {
        return key.contains(":") ? ctx.config(key.substring(0, key.indexOf(':'))) : ctx.config();
    }

    private static String local(String key) {
        return key.substring(key.indexOf(':') + 1);
    }
}

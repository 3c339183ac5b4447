package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Settings read from the running deployment's Pulumi config ({@code pulumi up / preview}). */
public final class PulumiConfigSource implements ConfigSource {

    private final Context ctx;
    private final ProjectConfig projectConfig;

    /**
     * Reads the config of the deployment behind {@code ctx}; the declarations come from {@code Pulumi.yaml} in the
     * working directory, the project directory where the language host runs the program.
     */
    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
        this.projectConfig = ProjectConfig.load(Stacks.PROJECT);
    }

    @Override
    public ProjectConfig projectConfig() {
        return projectConfig;
    }

    /** The keys of {@code PULUMI_CONFIG}, the JSON object of every config value the language host passes. */
    @Override
    public Set<String> keys() {
        return keys(System.getenv("PULUMI_CONFIG"));
    }

    /**
     * The keys of a {@code PULUMI_CONFIG} object, each as {@code namespace:name} (the SDK's {@code cleanKey} drops the
     * legacy {@code :config:} segment: pulumi-java {@code DeploymentImpl.Config}).
     */
    static Set<String> keys(String configJson) {
        if (configJson == null || configJson.isBlank()) {
            return Set.of();
        }
        return JsonParser.parseString(configJson).getAsJsonObject().keySet().stream()
                .map(key -> key.replaceFirst("^([^:]+):config:", "$1:"))
                .collect(Collectors.toCollection(TreeSet::new));
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
        // Pulumi.yaml declares these keys with an empty default (the CLI sets it), which counts as unset.
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

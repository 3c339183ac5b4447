package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings read from the committed project and stack files ({@code Pulumi.yaml} defaults, then
 * {@code Pulumi.<stack>.yaml} values), as the CLI would merge them. Encrypted values
 * ({@code secure:}) cannot be decrypted without the stack's key, so they stand in as a secret
 * placeholder. Used by tests and the offline plan, which read the committed files as templates: they
 * accept documentation placeholders ({@link #acceptsPlaceholders()}) unless {@link #asDeployed()} says otherwise.
 */
public final class StackFileConfigSource implements ConfigSource {

    /** Value that stands in for an encrypted stack-file value. */
    public static final String SECRET_PLACEHOLDER = "placeholder-for-encrypted-config";

    private final String project;
    private final String stack;
    private final Map<String, Object> values;
    private final boolean template;

    private StackFileConfigSource(String project, String stack, Map<String, Object> values, boolean template) {
        this.project = project;
        this.stack = stack;
        this.values = values;
        this.template = template;
    }

    /** Loads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} from {@code projectDir}. */
    public static StackFileConfigSource load(Path projectDir, String stack) {
        return load(projectDir, projectDir.resolve("Pulumi." + stack + ".yaml"), stack);
    }

    /** Loads the project defaults from {@code projectDir} and the stack values from {@code stackFile}. */
    public static StackFileConfigSource load(Path projectDir, Path stackFile, String stack) {
        Map<String, Object> project = yaml(projectDir.resolve("Pulumi.yaml"));
        String name = String.valueOf(project.get("name"));
        Map<String, Object> merged = new HashMap<>();
        asMap(project.get("config")).forEach((key, declaration) -> {
            Object fallback = declaration instanceof Map<?, ?> typed ? typed.get("default") : declaration;
            if (fallback != null) {
                merged.put(qualify(name, key), fallback);
            }
        });
        if (!Files.exists(stackFile)) {
            throw new SettingsException("stack file", stackFile.toString(), "an existing Pulumi.<stack>.yaml");
        }
        asMap(yaml(stackFile).get("config")).forEach((key, value) -> merged.put(qualify(name, key), value));
        return new StackFileConfigSource(name, stack, merged, true);
    }

    /** A source over explicit values, for tests: keys as in stack files, values as YAML would parse them. */
    public static StackFileConfigSource of(String project, String stack, Map<String, Object> values) {
        Map<String, Object> qualified = new HashMap<>();
        values.forEach((key, value) -> qualified.put(qualify(project, key), value));
        return new StackFileConfigSource(project, stack, qualified, true);
    }

    /** This source with some keys replaced (a null value removes the key): for tests of bad config. */
    public StackFileConfigSource with(Map<String, Object> overrides) {
        Map<String, Object> copy = new HashMap<>(values);
        overrides.forEach((key, value) -> {
            if (value == null) {
                copy.remove(qualify(project, key));
            } else {
                copy.put(qualify(project, key), value);
            }
        });
        return new StackFileConfigSource(project, stack, copy, template);
    }

    /** This source as a deployment reads it: documentation placeholders are refused under the prod profile. */
    public StackFileConfigSource asDeployed() {
        return new StackFileConfigSource(project, stack, values, false);
    }

    @Override
    public boolean acceptsPlaceholders() {
        return template;
    }

    @Override
    public boolean isPlainText(String key) {
        Object value = values.get(qualify(project, key));
        return value != null && !isEncrypted(value) && !String.valueOf(value).isBlank();
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public String stack() {
        return stack;
    }

    @Override
    public Optional<String> get(String key) {
        Object value = values.get(qualify(project, key));
        if (value == null) {
            return Optional.empty();
        }
        if (isEncrypted(value)) {
            return Optional.of(SECRET_PLACEHOLDER);
        }
        return Optional.of(value instanceof List<?> || value instanceof Map<?, ?>
                ? new Gson().toJson(value) : String.valueOf(value));
    }

    @Override
    public Optional<Output<String>> secret(String key) {
        return get(key).filter(value -> !value.isBlank()).map(Output::ofSecret);
    }

    private static boolean isEncrypted(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("secure");
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return parsed == null ? Map.of() : parsed;
        } catch (IOException e) {
            throw new SettingsException("file", file.toString(), "a readable YAML file (" + e.getMessage() + ")");
        }
    }
}

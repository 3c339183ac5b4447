package dev.llmgateway.gateway.settings;

import com.pulumi.core.Output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings read from the committed project and stack files as the Pulumi CLI reads them before it starts the program:
 * {@code Pulumi.yaml} checked by the CLI's project rules ({@link ProjectConfig}), {@code Pulumi.<stack>.yaml} parsed
 * by the CLI's YAML rules ({@link GoYaml}) into the values it stores ({@link StackConfigValue}), then the declared
 * defaults applied and the declared types and secrets checked ({@link CliConfigCheck}). Encrypted values cannot be
 * decrypted without the stack's key, so they stand in as a secret placeholder. Used by tests and the offline plan,
 * which read the committed files as templates: they accept documentation placeholders ({@link #acceptsPlaceholders()})
 * unless {@link #asDeployed()} says otherwise.
 */
public final class StackFileConfigSource implements ConfigSource {

    private final ProjectConfig project;
    private final String stack;
    private final Map<String, StackConfigValue> values;
    private final boolean template;

    private StackFileConfigSource(ProjectConfig project, String stack, Map<String, StackConfigValue> values, boolean template) {
        this.project = project;
        this.stack = stack;
        this.values = Collections.unmodifiableMap(values);
        this.template = template;
    }

    /** Loads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} from {@code projectDir}. */
    public static StackFileConfigSource load(Path projectDir, String stack) {
        return load(projectDir, projectDir.resolve("Pulumi." + stack + ".yaml"), stack);
    }

    /** Loads the project from {@code projectDir} and the stack values from {@code stackFile}. */
    public static StackFileConfigSource load(Path projectDir, Path stackFile, String stack) {
        ProjectConfig project = ProjectConfig.load(projectDir);
        if (!Files.exists(stackFile)) {
            throw new SettingsException("stack file", stackFile.toString(), "an existing Pulumi.<stack>.yaml");
        }
        Object document = GoYaml.load(stackFile);
        if (document != null && !(document instanceof Map<?, ?>)) {
            throw new SettingsException("file", stackFile.toString(), "a YAML mapping with a config: section");
        }
        Object config = document == null ? null : ((Map<?, ?>) document).get("config");
        if (config != null && !(config instanceof Map<?, ?>)) {
            throw new SettingsException("config", String.valueOf(config), "a mapping of keys to values in " + stackFile);
        }
        Map<String, StackConfigValue> values = new LinkedHashMap<>();
        if (config != null) {
            ((Map<?, ?>) config).forEach((key, value) -> values.put(key(project, stackFile, key), StackConfigValue.of(value)));
        }
        return new StackFileConfigSource(project, stack, CliConfigCheck.apply(project, stack, values), true);
    }

    /**
     * A stack key as the CLI parses it ({@code sdk/go/common/resource/config/key.go ParseKey}, and
     * {@code stackConfigNamespacedWithProject} for a key without a namespace): {@code namespace:name}, or the legacy
     * {@code namespace:config:name}.
     */
    private static String key(ProjectConfig project, Path stackFile, Object raw) {
        if (!(raw instanceof String key)) {
            throw new SettingsException("config key", String.valueOf(raw), "text (the CLI expects only string keys) in " + stackFile);
        }
        long colons = key.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return project.qualified(key);
        }
        if (colons == 1) {
            return key;
        }
        if (colons == 2 && key.split(":", -1)[1].equals("config") && !key.startsWith(":")) {
            String[] parts = key.split(":", -1);
            return parts[0] + ":" + parts[2];
        }
        throw new SettingsException("config key", key, "<namespace>:<name> (the CLI could not parse it as a configuration key) in "
                + stackFile);
    }

    /**
     * This source with some keys replaced, for tests of the program's own rules: values as YAML would parse them, a
     * null value removes the key (the declared default then applies, as the CLI would set it). The CLI's type checks
     * are {@link #load}'s, not repeated here.
     */
    public StackFileConfigSource with(Map<String, Object> overrides) {
        Map<String, StackConfigValue> copy = new LinkedHashMap<>(values);
        overrides.forEach((key, value) -> {
            if (value == null) {
                copy.remove(project.qualified(key));
            } else {
                copy.put(project.qualified(key), StackConfigValue.of(value instanceof Integer i ? (Object) i.longValue() : value));
            }
        });
        return new StackFileConfigSource(project, stack, copy, template);
    }

    /** This source as a deployment reads it: documentation placeholders are refused under the prod profile. */
    public StackFileConfigSource asDeployed() {
        return new StackFileConfigSource(project, stack, values, false);
    }

    /** The values as the CLI stores them, fully qualified, defaults applied. */
    public Map<String, StackConfigValue> values() {
        return values;
    }

    @Override
    public boolean acceptsPlaceholders() {
        return template;
    }

    @Override
    public boolean isPlainText(String key) {
        StackConfigValue value = values.get(project.qualified(key));
        return value != null && !value.secure() && !value.text().isBlank();
    }

    @Override
    public String project() {
        return project.name();
    }

    @Override
    public String stack() {
        return stack;
    }

    @Override
    public ProjectConfig projectConfig() {
        return project;
    }

    @Override
    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(project.qualified(key))).map(StackConfigValue::programText);
    }

    @Override
    public Optional<Output<String>> secret(String key) {
        return get(key).filter(value -> !value.isBlank()).map(Output::ofSecret);
    }
}

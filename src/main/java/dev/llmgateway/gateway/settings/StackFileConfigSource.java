package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings read from the committed project and stack files ({@code Pulumi.yaml} defaults, then
 * {@code Pulumi.<stack>.yaml} values), as the CLI would merge them. Encrypted values
 * ({@code secure:}) cannot be decrypted without the stack's key, so they stand in as a secret
 * placeholder. Used by tests and the offline plan, which read the committed files as templates: they
 * accept documentation placeholders ({@link #acceptsPlaceholders()}) unless {@link #asDeployed()} says otherwise.
 *
 * <p>Fails as the CLI would, before any setting is read: malformed YAML names the file and line, and
 * a key in the project's namespace that {@code Pulumi.yaml} does not declare is refused (the CLI
 * rejects such stack files too; here the nearest declared key is suggested).
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
        Set<String> declared = new TreeSet<>(asMap(project.get("config")).keySet());
        Object config = yaml(stackFile).get("config");
        if (config != null && !(config instanceof Map<?, ?>)) {
            throw new SettingsException("config", String.valueOf(config), "a mapping of keys to values in " + stackFile);
        }
        asMap(config).forEach((key, value) -> {
            String qualified = qualify(name, key);
            String local = qualified.substring(qualified.indexOf(':') + 1);
            if (qualified.startsWith(name + ":") && !declared.contains(local)) {
                throw new SettingsException(qualified, String.valueOf(value), "a key that Pulumi.yaml declares; " + stackFile
                        + " sets one the project does not know" + nearest(local, declared).map(k -> " (did you mean " + name + ":" + k + "?)").orElse(""));
            }
            merged.put(qualified, value);
        });
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

    /** The declared key closest to {@code key} by edit distance, if it is close enough to be a typo. */
    private static Optional<String> nearest(String key, Set<String> declared) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : declared) {
            int distance = distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file)) {
            // Like the CLI's YAML parser, a key given twice is an error, not a silent last-one-wins.
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            parsed = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new SettingsException("file", file.toString(), "a readable YAML file (" + e.getMessage() + ")");
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Mark context = e.getContextMark();
            throw new SettingsException("Malformed YAML in " + file + (mark == null ? "" : " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)) + ": " + (e.getProblem() != null ? e.getProblem() : e.getContext())
                    + (context != null && context != mark && e.getContext() != null
                    ? " (" + e.getContext() + " started at line " + (context.getLine() + 1) + ")" : ""));
        } catch (YAMLException e) {
            throw new SettingsException("Malformed YAML in " + file + ": " + e.getMessage());
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new SettingsException("file", file.toString(), "a YAML mapping with a config: section");
        }
        return (Map<String, Object>) map;
    }
}

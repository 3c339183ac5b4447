package dev.llmgateway.gateway.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project file {@code Pulumi.yaml} as the Pulumi CLI loads it: its name and its config declarations, checked by
 * the CLI's rules for projects (pulumi/pulumi {@code sdk/go/common/workspace/project.go Project.Validate} and the
 * project schema {@code project.json}). The one place the program and the offline plan learn what a setting's type
 * and default are.
 *
 * @param name         the project name, the namespace of unqualified keys
 * @param declarations the declarations by key, in file order
 */
public record ProjectConfig(String name, Map<String, ConfigDeclaration> declarations) {

    private static final Set<String> PROPERTIES = Set.of("type", "items", "description", "secret", "default", "value");

    /** Loads and checks {@code Pulumi.yaml} in {@code projectDir}. */
    public static ProjectConfig load(Path projectDir) {
        Path file = projectDir.resolve("Pulumi.yaml");
        Object document = GoYaml.load(file);
        if (!(document instanceof Map<?, ?> project) || !(project.get("name") instanceof String name) || name.isBlank()) {
            throw new SettingsException(file + ": project is missing a 'name' attribute");
        }
        Object config = project.get("config");
        Map<String, ConfigDeclaration> declarations = new LinkedHashMap<>();
        if (config instanceof Map<?, ?> map) {
            map.forEach((key, raw) -> declarations.put(String.valueOf(key), declaration(file, name, String.valueOf(key), raw)));
        } else if (config != null) {
            throw new SettingsException(file + ": config must be a map of keys to declarations");
        }
        return new ProjectConfig(name, Collections.unmodifiableMap(declarations));
    }

    /** The declaration of {@code key} (unqualified, or qualified with any namespace). */
    public Optional<ConfigDeclaration> declaration(String key) {
        String local = key.startsWith(name + ":") ? key.substring(name.length() + 1) : key;
        return Optional.ofNullable(declarations.get(local)).or(() -> Optional.ofNullable(declarations.get(key)));
    }

    /** The key as stack files and the CLI's messages qualify it: unqualified keys get the project's namespace. */
    public String qualified(String key) {
        return key.contains(":") ? key : name + ":" + key;
    }

    /** Whether {@code key} lives in the project's namespace ({@code configKeyIsNamespacedByProject}). */
    public boolean inProjectNamespace(String key) {
        return !key.contains(":") || key.startsWith(name + ":");
    }

    private static ConfigDeclaration declaration(Path file, String project, String key, Object raw) {
        boolean ownNamespace = !key.contains(":") || key.startsWith(project + ":");
        ConfigDeclaration declaration;
        if (raw instanceof Map<?, ?> map) {
            map.keySet().stream().filter(p -> !PROPERTIES.contains(String.valueOf(p))).findFirst().ifPresent(p -> {
                throw invalid(file, key, "has an unknown attribute '" + p + "' (the project schema allows " + PROPERTIES + ")");
            });
            ConfigType type = map.containsKey("type") ? type(file, key, map.get("type"), map.get("items")) : null;
            Object description = map.get("description");
            declaration = new ConfigDeclaration(key, type, map.get("default"), map.get("value"),
                    description == null ? "" : String.valueOf(description), Boolean.TRUE.equals(map.get("secret")));
        } else if (raw instanceof String || raw instanceof Long || raw instanceof Boolean || raw instanceof List<?>) {
            // RewriteShorthandConfigValues: a bare value is a default in the project's namespace, a value elsewhere.
            declaration = new ConfigDeclaration(key, null, ownNamespace ? raw : null, ownNamespace ? null : raw, "", false);
        } else {
            throw invalid(file, key, "must be a string, integer, boolean, array or a declaration (project schema)");
        }
        check(file, key, ownNamespace, declaration);
        return declaration;
    }

    /** {@code Project.Validate}, per key, with the CLI's messages. */
    private static void check(Path file, String key, boolean ownNamespace, ConfigDeclaration d) {
        if (d.defaultValue() != null && d.value() != null) {
            throw new SettingsException(file + ": project config '" + key + "' cannot have both a 'default' and 'value' attribute");
        }
        if (ownNamespace) {
            if (d.type() != null && d.defaultValue() != null && !d.type().accepts(d.defaultValue())) {
                throw new SettingsException(file + ": The default value specified for configuration key '" + key
                        + "' is not of the expected type '" + d.type().fullName() + "'");
            }
            return;
        }
        if (d.type() != null) {
            throw new SettingsException(file + ": Configuration key '" + key + "' is not namespaced by the project and should not define a type");
        }
        if (d.defaultValue() != null) {
            throw new SettingsException(file + ": Configuration key '" + key + "' is not namespaced by the project and should not"
                    + " define a default value. Did you mean to use the 'value' attribute instead of 'default'?");
        }
        if (d.value() == null) {
            throw new SettingsException(file + ": Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
        }
    }

    private static ConfigType type(Path file, String key, Object name, Object items) {
        if (!ConfigType.NAMES.contains(String.valueOf(name))) {
            throw invalid(file, key, "declares type '" + name + "'; the project schema allows " + ConfigType.NAMES);
        }
        if ("array".equals(name) && items == null) {
            throw new SettingsException(file + ": The configuration key '" + key
                    + "' declares an array but does not specify the underlying type via the 'items' attribute");
        }
        if (items == null) {
            return new ConfigType(String.valueOf(name), null);
        }
        if (!(items instanceof Map<?, ?> itemMap) || itemMap.get("type") == null) {
            throw invalid(file, key, "declares items without a type (project schema configItemsType)");
        }
        return new ConfigType(String.valueOf(name), type(file, key, itemMap.get("type"), itemMap.get("items")));
    }

    private static SettingsException invalid(Path file, String key, String problem) {
        return new SettingsException(file + ": configuration key '" + key + "' " + problem);
    }
}

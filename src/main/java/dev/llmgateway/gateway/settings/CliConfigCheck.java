package dev.llmgateway.gateway.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code pulumi preview} and {@code pulumi up} do with the stack's config before the program runs, reproduced
 * (pulumi/pulumi {@code pkg/workspace/config.go ValidateStackConfigAndApplyProjectConfig}, called by the preview, up,
 * refresh, destroy, import and watch commands): every declared key the stack does not set gets the declaration's
 * default (or value), so the program always sees one; a key of the project's namespace declared with neither is
 * missing and stops the run; then every typed key is checked: a {@code secret: true} key must be encrypted, and the
 * value must have the declared type ({@link ConfigType#accepts}). Keys are visited in sorted order and the first
 * failure is the CLI's error. Keys the project does not declare pass untouched: the CLI accepts them
 * ({@code pkg/workspace/config_project_test.go TestUntypedStackConfigValuesDoNeedProjectDeclaration},
 * {@code TestStackConfigDoesNotErrorWhenProjectHasNotDefinedConfig}).
 */
public final class CliConfigCheck {

    private CliConfigCheck() {
    }

    /**
     * The config the program receives for stack {@code stack}: {@code values} (fully qualified keys, as the stack
     * file holds them) with the project's defaults applied; fails with the CLI's message.
     */
    public static Map<String, StackConfigValue> apply(ProjectConfig project, String stack, Map<String, StackConfigValue> values) {
        Map<String, StackConfigValue> merged = new LinkedHashMap<>(values);
        List<String> missing = new ArrayList<>();
        Map<String, ConfigDeclaration> sorted = new TreeMap<>(project.declarations());
        sorted.forEach((key, declaration) -> {
            String qualified = project.qualified(key);
            if (merged.containsKey(qualified)) {
                return;
            }
            declaration.fallback().ifPresentOrElse(
                    fallback -> merged.put(qualified, StackConfigValue.of(fallback)),
                    () -> {
                        if (project.inProjectNamespace(key)) {
                            missing.add(key);
                        }
                    });
        });
        if (!missing.isEmpty()) {
            throw new SettingsException("validating stack config: Stack '" + stack + "' is missing configuration value"
                    + (missing.size() > 1 ? "s " : " ") + keys(missing) + " (Pulumi.yaml declares "
                    + (missing.size() > 1 ? "them" : "it") + " without a default; set "
                    + (missing.size() > 1 ? "them" : "it") + " in the stack file)");
        }
        sorted.forEach((key, declaration) -> {
            StackConfigValue value = merged.get(project.qualified(key));
            if (declaration.type() == null || value == null) {
                return;
            }
            if (declaration.secret() && !value.secure()) {
                throw new SettingsException("validating stack config: Stack '" + stack + "' with configuration key '" + key
                        + "' must be encrypted as it's secret (set it with: pulumi config set --secret " + key + " <value>)");
            }
            // An encrypted scalar is checked after decryption, which needs the stack's key: offline only its shape counts
            // (it is text, so never a list or a map).
            boolean decryptedText = value.secure() && !value.object();
            if (decryptedText ? List.of("array", "object").contains(declaration.type().name())
                    : !declaration.type().accepts(value.content())) {
                throw new SettingsException("validating stack config: Stack '" + stack + "' with configuration key '" + key
                        + "' must be of type '" + declaration.type().fullName() + "' (" + project.qualified(key) + " = "
                        + (value.secure() && !value.object() ? "<encrypted>" : value.text()) + ")");
            }
        });
        return merged;
    }

    /** {@code formatMissingKeys}: 'a', or 'a' and 'b', or 'a', 'b' and 'c'. */
    private static String keys(List<String> keys) {
        List<String> quoted = keys.stream().sorted().map(k -> "'" + k + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}

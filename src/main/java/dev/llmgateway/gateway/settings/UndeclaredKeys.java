package dev.llmgateway.gateway.settings;

import java.util.Set;
import java.util.TreeSet;

/**
 * The program's own rule (the CLI has none: it passes undeclared keys through, pulumi/pulumi
 * {@code pkg/workspace/config_project_test.go TestUntypedStackConfigValuesDoNeedProjectDeclaration}): a key in the
 * project's namespace that {@code Pulumi.yaml} does not declare is a typo or a setting this version does not have, and
 * would otherwise be ignored without a word. It is refused at start-up, with the nearest declared key suggested.
 */
final class UndeclaredKeys {

    private UndeclaredKeys() {
    }

    /** Fails on the first key of the project's namespace in {@code source} that the project does not declare. */
    static void reject(ConfigSource source) {
        ProjectConfig project = source.projectConfig();
        Set<String> declared = new TreeSet<>(project.declarations().keySet());
        for (String key : new TreeSet<>(source.keys())) {
            if (!key.startsWith(project.name() + ":")) {
                continue;
            }
            String local = key.substring(project.name().length() + 1);
            if (!declared.contains(local)) {
                throw new SettingsException(key, source.get(key).orElse(""), "a key that Pulumi.yaml declares; the stack sets one"
                        + " the project does not know (the CLI would pass it on, and the program would ignore it)"
                        + Spelling.nearest(local, declared).map(k -> "; did you mean " + project.name() + ":" + k + "?").orElse(""));
            }
        }
    }
}

package dev.llmgateway.gateway.settings;

import java.util.Locale;
import java.util.Optional;
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
                        + nearest(local, declared).map(k -> "; did you mean " + project.name() + ":" + k + "?").orElse(""));
            }
        }
    }

    /** The declared key closest to {@code key} by edit distance, if it is close enough to be a typo. */
    static Optional<String> nearest(String key, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
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
}

package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The runbooks and READMEs name only stack outputs, settings and log groups the program produces:
 * a renamed output or setting fails here instead of in an operator's terminal.
 */
class DocumentedCommandsTest {

    private static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("docs/runbooks.md"),
            Path.of("docs/ci-cd.md"), Path.of("docs/deploying.md"), Path.of("docs/offline-plan.md"), Path.of("docs/design.md"),
            Path.of("docs/using-the-gateway.md"), Path.of("docs/existing-network.md"), Path.of("litellm/README.md"));
    /** {@code pulumi stack output [-s X] [--show-secrets] NAME}. */
    private static final Pattern STACK_OUTPUT = Pattern.compile(
            "pulumi stack output((?:\\s+(?:-s|--stack)\\s+\\S+|\\s+--show-secrets|\\s+--json)*)\\s+([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])");
    /** {@code litellm-gateway:key}, and the short keys of {@code pulumi config set|rm [--secret] [--path] [-s X] key}. */
    private static final Pattern NAMESPACED_SETTING = Pattern.compile("litellm-gateway:([A-Za-z][A-Za-z0-9]*)");
    private static final Pattern CONFIG_SET = Pattern.compile(
            "pulumi config (?:set|rm)((?:\\s+--secret|\\s+--path|\\s+(?:-s|--stack)\\s+\\S+)*)\\s+'?([A-Za-z][A-Za-z0-9:-]*)");
    /** ECS container log groups as the docs spell them for the committed stacks. */
    private static final Pattern LOG_GROUP = Pattern.compile("/ecs/llm-[a-z0-9-]+/[a-z0-9-]+");

    private static String docs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path doc : DOCS) {
            all.append(Files.readString(Stacks.PROJECT.resolve(doc))).append('\n');
        }
        return all.toString();
    }

    private static Set<String> matches(Pattern pattern, int group, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static List<PlannedStack> everyPlan() {
        List<PlannedStack> plans = new ArrayList<>();
        Stacks.COMMITTED.forEach(stack -> plans.add(Plans.stack(stack)));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        plans.add(DatabaseSlotsTest.restoring());
        return plans;
    }

    @Test
    void everyStackOutputTheDocsReadIsExportedByAStack() throws IOException {
        Set<String> documented = matches(STACK_OUTPUT, 2, docs());
        Set<String> exported = new TreeSet<>();
        everyPlan().forEach(plan -> exported.addAll(plan.outputs().keySet()));
        // The bootstrap project (examples/bootstrap, compiled by BootstrapExampleTest) is a stack of its own.
        exported.addAll(matches(Pattern.compile("ctx\\.export\\(\"([A-Za-z]+)\""), 1,
                Files.readString(Path.of("examples/bootstrap/README.md"))));

        assertFalse(documented.isEmpty(), "the docs read stack outputs");
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "documented but never exported; exported: " + exported);
    }

    @Test
    void everySettingTheDocsNameIsDeclaredInPulumiYaml() throws IOException {
        String docs = docs();
        Set<String> documented = new TreeSet<>(matches(NAMESPACED_SETTING, 1, docs));
        matches(CONFIG_SET, 2, docs).stream()
                .map(key -> key.startsWith("litellm-gateway:") ? key.substring("litellm-gateway:".length()) : key)
                .filter(key -> !key.contains(":"))
                .forEach(documented::add);
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = (Map<String, Object>) new Yaml()
                .<Map<String, Object>>load(Files.readString(Stacks.PROJECT.resolve("Pulumi.yaml"))).get("config");

        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(declared.keySet());
        assertEquals(Set.of(), unknown, "documented settings missing from Pulumi.yaml");
    }

    @Test
    void everyLogGroupTheDocsTailIsCreatedByTheCommittedStacks() throws IOException {
        Set<String> documented = matches(LOG_GROUP, 0, docs());
        Set<String> created = new TreeSet<>();
        Stream.of(Plans.stack("dev"), Plans.stack("prod")).forEach(plan -> plan.ofType("aws:cloudwatch/logGroup:LogGroup")
                .forEach(group -> group.input("name").ifPresent(name -> created.add(name.toString()))));

        assertFalse(documented.isEmpty(), "the runbooks name the container log groups");
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(created);
        assertEquals(Set.of(), unknown, "documented log groups the stacks do not create; created: " + created);
    }
}

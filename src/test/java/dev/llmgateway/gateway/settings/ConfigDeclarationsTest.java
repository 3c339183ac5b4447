package dev.llmgateway.gateway.settings;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Pulumi.yaml} and the typed settings agree key by key: the reader holds no defaults (it reads the declared
 * ones), reads each key as the type it is declared with, and what it allows matches the default and the description.
 */
class ConfigDeclarationsTest {

    private static final ProjectConfig PROJECT = ProjectConfig.load(Stacks.PROJECT);
    /** How the program reads each key, over every committed stack and example. */
    private static final Map<String, SettingsReader.Use> USES = new LinkedHashMap<>();

    @BeforeAll
    static void readEveryStack() {
        List<StackFileConfigSource> sources = new ArrayList<>(List.of(Stacks.load("dev"), Stacks.load("prod")));
        Stacks.examples().forEach(name -> sources.add(Stacks.example(name)));
        for (var source : sources) {
            SettingsReader reader = new SettingsReader(source);
            StackSettings.read(reader);
            reader.uses().forEach(USES::putIfAbsent);
        }
    }

    @Test
    void everyKeyTheProgramReadsIsDeclaredInPulumiYamlAndNoDeclarationIsUnused() {
        Set<String> read = new TreeSet<>(USES.keySet());
        read.removeIf(key -> key.contains(":"));
        assertEquals(new TreeSet<>(PROJECT.declarations().keySet()), read);
    }

    @Test
    void everyDeclarationIsTypedDescribedAndHasTheDefaultTheCliApplies() {
        PROJECT.declarations().forEach((key, declaration) -> {
            assertTrue(declaration.type() != null, key + " is typed, so the CLI checks it");
            assertTrue(!declaration.description().isBlank(), key + " is described");
            assertTrue(declaration.fallback().isPresent(), key + " has a default: the CLI refuses every stack that leaves"
                    + " a declared key without one unset (pkg/workspace/config.go, 'is missing configuration value')");
            assertEquals(declaration.type().fullName(), USES.get(key).type(), key + " is read as the type it is declared");
        });
    }

    @Test
    void eachChoiceKeysDescriptionNamesExactlyTheValuesTheProgramAcceptsAndTheDefaultIsOne() {
        USES.forEach((key, use) -> {
            if (!use.allowed().startsWith("one of ")) {
                return;
            }
            List<String> choices = List.of(use.allowed().substring("one of ".length()).split(", "));
            String description = PROJECT.declaration(key).orElseThrow().description();
            choices.forEach(choice -> assertTrue(description.contains(choice), key + ": the description names " + choice));
            String fallback = String.valueOf(PROJECT.declaration(key).orElseThrow().fallback().orElseThrow());
            assertTrue(choices.contains(fallback.toLowerCase(java.util.Locale.ROOT).replace('_', '-')),
                    key + ": the default " + fallback + " is one of " + choices);
        });
    }

    @Test
    void eachIntegerDefaultIsInItsRangeAndADescribedRangeIsTheOneTheProgramChecks() {
        Pattern range = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
        USES.forEach((key, use) -> {
            Matcher code = range.matcher(use.allowed());
            if (!use.type().equals("integer") || !code.find()) {
                return;
            }
            long min = Long.parseLong(code.group(1));
            long max = Long.parseLong(code.group(2));
            long fallback = Long.parseLong(String.valueOf(PROJECT.declaration(key).orElseThrow().fallback().orElseThrow()));
            assertTrue(fallback >= min && fallback <= max || use.allowed().startsWith("0") && fallback == 0,
                    key + ": the default " + fallback + " is within " + use.allowed());
            Matcher described = range.matcher(PROJECT.declaration(key).orElseThrow().description());
            if (described.find()) {
                assertEquals(min + ".." + max, described.group(1) + ".." + described.group(2),
                        key + ": the description's range is the one the program checks");
            }
        });
    }
}

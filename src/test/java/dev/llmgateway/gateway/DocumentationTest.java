package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's first screen says what the project is, the two commands and where to go; every link resolves. */
class DocumentationTest {

    /** A screen: the first screen must fit in this many lines of at most {@link #COLUMNS} characters. */
    private static final int LINES = 30;
    private static final int COLUMNS = 120;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Stacks.PROJECT.resolve("README.md"), Stacks.PROJECT.resolve("CONTRIBUTING.md"),
                Stacks.PROJECT.resolve("litellm/README.md"), Stacks.PROJECT.resolve("examples/bootstrap/README.md")));
        try (Stream<Path> docs = Files.list(Stacks.PROJECT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void theFirstScreenSaysWhatItIsTheTwoCommandsAndWhereToGoNext() throws IOException {
        List<String> readme = Files.readAllLines(Stacks.PROJECT.resolve("README.md"));
        int end = readme.indexOf("## What one `pulumi up` creates");
        assertTrue(end > 0 && end <= LINES, "the first screen ends within " + LINES + " lines, at line " + end);
        List<String> screen = readme.subList(0, end);
        // As rendered: a link shows its text, not its target.
        screen.forEach(line -> assertTrue(line.replaceAll("\\]\\([^)]*\\)", "]").length() <= COLUMNS, "wider than a screen: " + line));
        String text = String.join("\n", screen);
        for (String needed : List.of("LiteLLM", "AWS", "./mvnw -q -Pplan -Dstack=dev compile exec:java", "./mvnw test",
                "fresh machine", "docs/deploying.md", "docs/using-the-gateway.md", "docs/ci-cd.md", "docs/configuration.md")) {
            assertTrue(text.contains(needed), "the first screen lacks " + needed);
        }
    }

    @Test
    void everyLinkResolvesToAFileAndHeadingOfTheRepositoryOrIsAWellFormedWebAddress() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents()) {
            String text = Files.readString(document);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                links++;
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    URI uri = URI.create(target);
                    if (uri.getHost() == null || !uri.getHost().contains(".")) {
                        broken.add(document.getFileName() + ": " + target);
                    }
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(Stacks.PROJECT.relativize(document) + ": " + target + " (no such file)");
                } else if (target.contains("#") && !anchors(Files.readString(resolved)).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(Stacks.PROJECT.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(links > 20, "the documents link to each other: " + links);
        assertEquals(List.of(), broken);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+\\s*", ""))
                .map(heading -> heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')).toList();
    }
}

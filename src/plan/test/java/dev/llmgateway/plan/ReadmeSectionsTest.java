package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadmeSectionsTest {

    @Test
    void generatedSectionsMatchTheCodeAndEachLivesInExactlyOneFile() throws Exception {
        Map<String, String> sections = ReadmeSections.sections(Stacks.PROJECT, Plans::stack, Plans::example);
        Map<String, Integer> homes = new TreeMap<>();
        for (Path file : ReadmeSections.files(Stacks.PROJECT)) {
            String text = Files.readString(file);
            Map<String, String> present = ReadmeSections.present(text, sections);
            present.keySet().forEach(name -> homes.merge(name, 1, Integer::sum));
            assertEquals(ReadmeSections.refresh(text, present), text, Stacks.PROJECT.relativize(file)
                    + " is stale: run ./mvnw -q -Pplan compile exec:java -DmainClass=dev.llmgateway.plan.ReadmeSections");
        }
        Map<String, Integer> once = new TreeMap<>();
        sections.keySet().forEach(name -> once.put(name, 1));
        assertEquals(once, homes, "every generated section appears in exactly one file");
    }
}

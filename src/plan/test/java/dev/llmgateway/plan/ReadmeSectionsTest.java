package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadmeSectionsTest {

    @Test
    void generatedReadmeSectionsMatchTheCode() throws Exception {
        String readme = Files.readString(Stacks.PROJECT.resolve("README.md"));
        assertEquals(ReadmeSections.refresh(readme, ReadmeSections.sections(Stacks.PROJECT)), readme,
                "README.md is stale: run ./mvnw -q -Pplan compile exec:java -DmainClass=dev.llmgateway.plan.ReadmeSections");
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.plan.Plans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForceNewTest {

    @Test
    void everyTypeTheCommittedStacksCreateHasAForceNewEntry() {
        Set<String> types = new TreeSet<>();
        List.of("dev", "prod").forEach(stack -> Plans.stack(stack).resources().stream().filter(PlannedResource::custom)
                .forEach(r -> types.add(r.type())));
        Stacks.examples().forEach(example -> Plans.example(example).resources().stream().filter(PlannedResource::custom)
                .forEach(r -> types.add(r.type())));
        types.removeAll(ForceNew.types());
        assertEquals(Set.of(), types, "add these types to ForceNew.TABLE with their provider source");
    }

    @Test
    void docsListEveryRowWithItsSource() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/offline-engine.md"));
        List<String> missing = ForceNew.TABLE.stream().filter(e -> !docs.contains("| `" + e.type() + "` |")).map(ForceNew.Entry::type).toList();
        assertEquals(List.of(), missing, "docs/offline-engine.md, Force-new properties and their sources");
    }

    @Test
    void everyForceNewPropertyIsAnInputOfItsTypeInThePinnedSdk() {
        List<String> unknown = new ArrayList<>();
        for (ForceNew.Entry entry : ForceNew.TABLE) {
            AwsSchema.inputs(entry.type()).ifPresent(inputs -> entry.properties().stream()
                    .map(property -> property.contains(".") ? property.substring(0, property.indexOf('.')) : property)
                    .filter(property -> !inputs.containsKey(property))
                    .forEach(property -> unknown.add(entry.type() + " " + property)));
        }
        assertEquals(List.of(), unknown);
        assertEquals(Boolean.FALSE, AwsSchema.inputs("aws:cloudwatch/logGroup:LogGroup").orElseThrow().get("name"),
                "a log group's name is optional: pulumi-aws auto-names it");
    }
}

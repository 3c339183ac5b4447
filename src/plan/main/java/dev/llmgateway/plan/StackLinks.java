package dev.llmgateway.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Relations between planned resources that the analyses need, read from what the engine
 * recorded: a resource that uses another's output depends on its URN.
 */
final class StackLinks {

    /** Stable order for anything printed: type, then logical name, then URN. */
    static final Comparator<PlannedResource> ORDER = Comparator.comparing(PlannedResource::type)
            .thenComparing(PlannedResource::name).thenComparing(PlannedResource::urn);

    private StackLinks() {
    }

    /** Resources of {@code type} that depend on {@code target} (use one of its outputs). */
    static List<PlannedResource> dependents(PlannedStack stack, PlannedResource target, String type) {
        return stack.ofType(type).stream().filter(r -> r.dependencies().contains(target.urn())).toList();
    }

    /** Resources of {@code type} that {@code source} depends on. */
    static List<PlannedResource> dependencies(PlannedStack stack, PlannedResource source, String type) {
        return stack.ofType(type).stream().filter(r -> source.dependencies().contains(r.urn())).toList();
    }

    /** An input as a string when present and non-blank. */
    static Optional<String> text(PlannedResource resource, String path) {
        return resource.input(path).map(String::valueOf).filter(s -> !s.isBlank());
    }

    /** An input as a number when present (numbers may arrive as strings, e.g. ECS cpu). */
    static Optional<Double> number(PlannedResource resource, String path) {
        return resource.input(path).flatMap(value -> {
            if (value instanceof Number n) {
                return Optional.of(n.doubleValue());
            }
            try {
                return Optional.of(Double.parseDouble(String.valueOf(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A JSON-string input (container definitions, IAM policies) parsed; empty when absent or unknown. */
    static Optional<JsonElement> json(PlannedResource resource, String path) {
        return text(resource, path).flatMap(StackLinks::parse);
    }

    /** Parses JSON text; empty when it is not JSON (e.g. an unknown value). */
    static Optional<JsonElement> parse(String text) {
        try {
            return Optional.of(JsonParser.parseString(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

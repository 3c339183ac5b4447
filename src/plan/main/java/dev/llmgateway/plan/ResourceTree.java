package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The planned resources as an indented tree, components first, like {@code pulumi preview}. */
public final class ResourceTree {

    private static final Comparator<PlannedResource> ORDER = Comparator
            .comparing((PlannedResource r) -> r.custom())
            .thenComparing(PlannedResource::type)
            .thenComparing(PlannedResource::name);

    private ResourceTree() {
    }

    /** Resources in tree order (each parent before its children, siblings sorted): stable across runs. */
    public static List<PlannedResource> ordered(PlannedStack plan) {
        Map<String, List<PlannedResource>> children = children(plan);
        List<PlannedResource> out = new ArrayList<>();
        roots(plan).forEach(root -> walk(root, children, 0, out, null));
        return out;
    }

    /** Text rendering: {@code + type name}, indented under the parent. */
    public static String render(PlannedStack plan) {
        Map<String, List<PlannedResource>> children = children(plan);
        StringBuilder text = new StringBuilder();
        roots(plan).forEach(root -> walk(root, children, 0, new ArrayList<>(), text));
        return text.toString();
    }

    private static void walk(PlannedResource resource, Map<String, List<PlannedResource>> children, int depth,
                             List<PlannedResource> out, StringBuilder text) {
        out.add(resource);
        if (text != null) {
            text.append("  ".repeat(depth)).append("+ ").append(resource.type()).append("  ").append(resource.name());
            if (resource.protect()) {
                text.append("  [protected]");
            }
            text.append('\n');
        }
        for (PlannedResource child : children.getOrDefault(resource.urn(), List.of())) {
            walk(child, children, depth + 1, out, text);
        }
    }

    private static Map<String, List<PlannedResource>> children(PlannedStack plan) {
        Map<String, List<PlannedResource>> children = new HashMap<>();
        plan.resources().forEach(r -> children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r));
        children.values().forEach(list -> list.sort(ORDER));
        return children;
    }

    private static List<PlannedResource> roots(PlannedStack plan) {
        Set<String> urns = new HashSet<>();
        plan.resources().forEach(r -> urns.add(r.urn()));
        return plan.resources().stream().filter(r -> !urns.contains(r.parentUrn())).sorted(ORDER).toList();
    }
}

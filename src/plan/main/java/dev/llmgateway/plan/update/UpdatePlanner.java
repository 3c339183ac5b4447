package dev.llmgateway.plan.update;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.plan.update.ResourceChange.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides, per resource, what the engine does when the program declares {@code goal} over the {@code deployed} state,
 * the way pulumi/pulumi's step generator and pulumi-terraform-bridge's {@code Diff} do:
 * <ul>
 *   <li>resources are matched by URN or by an alias of the goal's;</li>
 *   <li>inputs are compared top-level property by property after {@code ignoreChanges} puts the old values back;</li>
 *   <li>a changed property that is force-new for the type ({@link ForceNew}) or named in {@code replaceOnChanges}
 *       replaces the resource; any other change updates it in place;</li>
 *   <li>a replaced resource gets a new id and new computed outputs, which a preview does not know yet: every input of a
 *       later resource that carries one of them becomes unknown, differs, and may replace that resource in turn;</li>
 *   <li>a replacement deletes first when the program says so ({@code deleteBeforeReplace}) or when the program set
 *       the name the provider would otherwise generate (bridge {@code nameRequiresDeleteBeforeReplace}); otherwise
 *       it creates the new resource first and deletes the old one at the end of the update;</li>
 *   <li>a provider whose default tags change updates every tagged resource it manages ({@code tagsAll}).</li>
 * </ul>
 * Resources are visited in dependency order (dependencies, parent, provider), so every upstream replacement is
 * known before its dependents are judged.
 */
public final class UpdatePlanner {

    /** Outputs shorter than this are not identities worth following (booleans, ports, short codes). */
    private static final int MIN_IDENTITY_LENGTH = 8;
    private static final String PROVIDER_TYPE = "pulumi:providers:aws";

    private final PlannedStack deployed;
    private final PlannedStack goal;
    private final Map<String, PlannedResource> oldByUrn = new HashMap<>();
    private final Map<String, String> goalByOldUrn = new HashMap<>();
    /** Values of replaced resources that change, with the URN of the replaced resource that owns them. */
    private final Map<String, String> changing = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Set<String> shared;
    private final Set<String> replacedProviders = new HashSet<>();
    private final Set<String> retaggedProviders = new HashSet<>();

    private UpdatePlanner(PlannedStack deployed, PlannedStack goal) {
        this.deployed = deployed;
        this.goal = goal;
        deployed.resources().forEach(r -> oldByUrn.put(r.urn(), r));
        for (PlannedResource r : goal.resources()) {
            if (oldByUrn.containsKey(r.urn())) {
                goalByOldUrn.put(r.urn(), r.urn());
            } else {
                r.replacement().aliases().stream().filter(oldByUrn::containsKey).findFirst()
                        .ifPresent(alias -> goalByOldUrn.put(alias, r.urn()));
            }
        }
        this.shared = sharedOutputs(deployed);
    }

    /** What the engine does to each resource, goal resources in dependency order, then the deleted ones. */
    public static List<ResourceChange> changes(PlannedStack deployed, PlannedStack goal) {
        return new UpdatePlanner(deployed, goal).run();
    }

    private List<ResourceChange> run() {
        Map<String, String> components = components();
        List<ResourceChange> changes = new ArrayList<>();
        for (PlannedResource g : dependencyOrder(goal)) {
            Optional<PlannedResource> old = oldOf(g);
            changes.add(old.map(o -> compare(o, g, components)).orElseGet(() ->
                    new ResourceChange(Op.CREATE, g.urn(), g.type(), g.name(), components.get(g.urn()), Optional.empty(),
                            Optional.of(g), List.of(), List.of(), Map.of(), false)));
        }
        Set<String> kept = new HashSet<>(goalByOldUrn.keySet());
        for (PlannedResource o : reversed(dependencyOrder(deployed))) {
            if (!kept.contains(o.urn())) {
                changes.add(new ResourceChange(Op.DELETE, o.urn(), o.type(), o.name(), components.get(o.urn()), Optional.of(o),
                        Optional.empty(), List.of(), List.of(), Map.of(), false));
            }
        }
        return List.copyOf(changes);
    }

    private Optional<PlannedResource> oldOf(PlannedResource g) {
        if (oldByUrn.containsKey(g.urn())) {
            return Optional.of(oldByUrn.get(g.urn()));
        }
        return g.replacement().aliases().stream().filter(oldByUrn::containsKey).findFirst().map(oldByUrn::get);
    }

    private ResourceChange compare(PlannedResource o, PlannedResource g, Map<String, String> components) {
        String component = components.get(g.urn());
        if (!g.custom()) {
            return new ResourceChange(Op.SAME, g.urn(), g.type(), g.name(), component, Optional.of(o), Optional.of(g),
                    List.of(), List.of(), Map.of(), false);
        }
        Map<String, String> causes = new TreeMap<>();
        Map<String, Object> news = new LinkedHashMap<>();
        Set<String> upstream = new HashSet<>(g.dependencies());
        g.inputs().forEach((key, value) -> news.put(key, Values.rewrite(value, text -> unknownIfChanging(text, key, upstream, causes))));
        g.ignoreChanges().forEach(path -> Values.keep(o.inputs(), news, path));
        Set<String> changed = new TreeSet<>();
        Set<String> keys = new TreeSet<>(news.keySet());
        keys.addAll(o.inputs().keySet());
        for (String key : keys) {
            if (Values.differ(o.inputs().get(key), news.get(key))) {
                changed.add(key);
                causes.putIfAbsent(key, "new value");
            }
        }
        causes.keySet().retainAll(changed);
        Set<String> replaceKeys = new TreeSet<>(ForceNew.replaceKeys(g.type(), o.inputs(), news, changed));
        g.replacement().replaceOnChanges().stream().map(path -> path.split("[.\\[]")[0]).filter(changed::contains)
                .forEach(replaceKeys::add);
        if (g.type().equals(PROVIDER_TYPE)) {
            if (!replaceKeys.isEmpty()) {
                replacedProviders.add(g.urn());
            } else if (changed.contains("defaultTags")) {
                retaggedProviders.add(g.urn());
            }
        } else if (replacedProviders.contains(g.provider())) {
            replaceKeys.add("provider");
            causes.put("provider", "the provider is replaced");
        } else if (retaggedProviders.contains(g.provider()) && AwsSchema.tagged(g.type())) {
            changed.add("tagsAll");
            causes.put("tagsAll", "the provider's default tags change");
        }
        Op op = !replaceKeys.isEmpty() ? Op.REPLACE : changed.isEmpty() ? Op.SAME : Op.UPDATE;
        boolean deleteFirst = op == Op.REPLACE && deleteBeforeReplace(g);
        if (op == Op.REPLACE) {
            labels.put(g.urn(), o.type() + " " + o.name());
            identity(o).forEach(value -> changing.putIfAbsent(value, g.urn()));
        }
        return new ResourceChange(op, g.urn(), g.type(), g.name(), component, Optional.of(o), Optional.of(g),
                List.copyOf(changed), List.copyOf(replaceKeys), Map.copyOf(causes), deleteFirst);
    }

    /**
     * The text, or the unknown marker when it carries a value that the replacement of a resource it depends on changes
     * (noting which): during a preview the new resource's id and computed outputs are not known yet.
     */
    private String unknownIfChanging(String text, String key, Set<String> upstream, Map<String, String> causes) {
        for (Map.Entry<String, String> value : changing.entrySet()) {
            if (upstream.contains(value.getValue()) && text.contains(value.getKey())) {
                causes.putIfAbsent(key, labels.get(value.getValue()) + " is replaced");
                return OfflineEngine.UNKNOWN_MARK;
            }
        }
        return text;
    }

    /**
     * Delete-before-replace: the program's option when it set one; else the bridge's rule that a name the program set
     * where the provider would generate one must be freed first.
     */
    static boolean deleteBeforeReplace(PlannedResource g) {
        return g.replacement().deleteBeforeReplace().orElseGet(() -> explicitlyNamed(g));
    }

    /** Whether the program set the name that pulumi-aws would otherwise generate. */
    static boolean explicitlyNamed(PlannedResource g) {
        Optional<NameRule> rule = NameRule.forType(g.type());
        if (rule.isPresent()) {
            return rule.get().autoNamedByProvider() && g.inputs().containsKey(rule.get().property());
        }
        return AwsSchema.autoNamesName(g.type()) && g.inputs().containsKey("name");
    }

    /**
     * The deployed values a replacement changes: the id and the computed outputs unique to this resource, except values
     * the program itself set (an explicit name stays known).
     */
    private Set<String> identity(PlannedResource o) {
        Set<String> set = new HashSet<>();
        Values.strings(o.inputs(), set);
        Set<String> values = new LinkedHashSet<>();
        if (o.id() != null) {
            values.add(o.id());
        }
        o.outputs().forEach((key, value) -> {
            if (!o.inputs().containsKey(key)) {
                Values.strings(value, values);
            }
        });
        values.removeIf(s -> s.length() < MIN_IDENTITY_LENGTH || shared.contains(s) || set.contains(s));
        return values;
    }

    /** Computed output strings that more than one resource has (an account id, a hosted zone): no identity. */
    private static Set<String> sharedOutputs(PlannedStack stack) {
        Map<String, Integer> counts = new HashMap<>();
        for (PlannedResource r : stack.resources()) {
            Set<String> own = new HashSet<>();
            r.outputs().forEach((key, value) -> {
                if (!r.inputs().containsKey(key)) {
                    Values.strings(value, own);
                }
            });
            own.forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        Set<String> shared = new HashSet<>();
        counts.forEach((value, count) -> {
            if (count > 1) {
                shared.add(value);
            }
        });
        return shared;
    }

    /** The logical name of each resource's nearest component (the stack's name for top-level resources). */
    private Map<String, String> components() {
        Map<String, PlannedResource> all = new HashMap<>();
        deployed.resources().forEach(r -> all.put(r.urn(), r));
        goal.resources().forEach(r -> all.put(r.urn(), r));
        Map<String, String> components = new HashMap<>();
        for (PlannedResource r : all.values()) {
            PlannedResource at = r.custom() ? all.get(r.parentUrn()) : r;
            while (at != null && at.type().startsWith("pulumi:") && !at.type().equals("pulumi:pulumi:Stack")) {
                at = all.get(at.parentUrn());
            }
            components.put(r.urn(), at == null || at.type().equals("pulumi:pulumi:Stack") ? goal.stack() : at.name());
        }
        return components;
    }

    /** Resources with everything they depend on (dependencies, parent, provider) first; ties in URN order. */
    static List<PlannedResource> dependencyOrder(PlannedStack stack) {
        Map<String, PlannedResource> byUrn = new TreeMap<>();
        stack.resources().forEach(r -> byUrn.put(r.urn(), r));
        List<PlannedResource> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        byUrn.values().forEach(r -> visit(r, byUrn, visited, ordered));
        return ordered;
    }

    private static void visit(PlannedResource r, Map<String, PlannedResource> byUrn, Set<String> visited, List<PlannedResource> out) {
        if (!visited.add(r.urn())) {
            return;
        }
        List<String> before = new ArrayList<>(r.dependencies());
        before.add(r.parentUrn());
        before.add(r.provider());
        for (String urn : before) {
            PlannedResource first = urn == null ? null : byUrn.get(urn);
            if (first != null) {
                visit(first, byUrn, visited, out);
            }
        }
        out.add(r);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.plan.update.ResourceChange.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's steps for a list of changes, in the order {@code pulumi up} runs them (pulumi/pulumi
 * {@code step_generator.go}): creates, updates and the create half of replacements in dependency order; a
 * delete-before-replace replacement first deletes the resources that depend on the old one and would be replaced
 * with it, then the old one, then creates; every other delete (removed resources, and the old half of
 * create-before-delete replacements) runs at the end, dependents first.
 */
public final class Steps {

    /** A step name of the engine ({@code deploy.StepOp}) with the change it belongs to. */
    public record Step(String op, ResourceChange change) {
    }

    /** {@code create-replacement}. */
    public static final String CREATE_REPLACEMENT = "create-replacement";
    /** {@code delete-replaced}. */
    public static final String DELETE_REPLACED = "delete-replaced";

    private Steps() {
    }

    /** The steps, in execution order; unchanged resources have none. */
    public static List<Step> of(List<ResourceChange> changes) {
        Set<String> deletedEarly = deletedEarly(changes);
        List<Step> steps = new ArrayList<>();
        List<Step> atEnd = new ArrayList<>();
        Map<String, ResourceChange> byLabel = new HashMap<>();
        changes.forEach(c -> byLabel.put(c.label(), c));
        for (ResourceChange change : changes) {
            switch (change.op()) {
                case SAME -> {
                    // no step
                }
                case CREATE -> steps.add(new Step(Op.CREATE.engineName(), change));
                case UPDATE -> steps.add(new Step(Op.UPDATE.engineName(), change));
                case DELETE -> atEnd.add(new Step(Op.DELETE.engineName(), change));
                case REPLACE -> {
                    if (change.deleteBeforeReplace()) {
                        // Dependents that this replacement condemns are deleted first, dependents before their dependencies.
                        List<ResourceChange> condemned = condemnedBy(change, changes);
                        for (int i = condemned.size() - 1; i >= 0; i--) {
                            steps.add(new Step(DELETE_REPLACED, condemned.get(i)));
                        }
                        steps.add(new Step(DELETE_REPLACED, change));
                        steps.add(new Step(Op.REPLACE.engineName(), change));
                        steps.add(new Step(CREATE_REPLACEMENT, change));
                    } else {
                        steps.add(new Step(CREATE_REPLACEMENT, change));
                        steps.add(new Step(Op.REPLACE.engineName(), change));
                        if (!deletedEarly.contains(change.urn())) {
                            atEnd.add(0, new Step(DELETE_REPLACED, change));
                        }
                    }
                }
                default -> throw new IllegalStateException(change.op().name());
            }
        }
        // Old halves of replacements were added in reverse; removed resources are already dependents-first.
        List<Step> tail = new ArrayList<>(atEnd.stream().filter(s -> s.op().equals(DELETE_REPLACED)).toList());
        tail.addAll(atEnd.stream().filter(s -> !s.op().equals(DELETE_REPLACED)).toList());
        List<Step> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Step step : steps) {
            if (!step.op().equals(DELETE_REPLACED) || seen.add(step.change().urn())) {
                ordered.add(step);
            }
        }
        ordered.addAll(tail);
        return List.copyOf(ordered);
    }

    /** URNs of create-before-delete replacements whose old resource a delete-before-replace replacement deletes early. */
    static Set<String> deletedEarly(List<ResourceChange> changes) {
        Set<String> early = new HashSet<>();
        changes.stream().filter(c -> c.op() == Op.REPLACE && c.deleteBeforeReplace())
                .forEach(c -> condemnedBy(c, changes).forEach(d -> early.add(d.urn())));
        return early;
    }

    /**
     * Replacements that a delete-before-replace of {@code replaced} drags along: those replaced because they carry its
     * identity (pulumi/pulumi {@code calculateDependentReplacements}), transitively, in dependency order.
     */
    static List<ResourceChange> condemnedBy(ResourceChange replaced, List<ResourceChange> changes) {
        List<ResourceChange> condemned = new ArrayList<>();
        Set<String> labels = new HashSet<>(Set.of(replaced.label()));
        for (ResourceChange change : changes) {
            if (change.op() != Op.REPLACE || change == replaced) {
                continue;
            }
            boolean dragged = change.replaceReasons().stream().map(change.causes()::get)
                    .anyMatch(cause -> cause != null && labels.stream().anyMatch(label -> cause.equals(label + " is replaced")));
            if (dragged) {
                condemned.add(change);
                labels.add(change.label());
            }
        }
        return condemned;
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsReader;
import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.Consequences.DataLoss;
import dev.llmgateway.plan.update.Consequences.Interruption;
import dev.llmgateway.plan.update.ResourceChange.Op;
import dev.llmgateway.plan.update.Steps.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code pulumi up} would do to a deployed stack when its program or settings change: the steps with their
 * reasons, what AWS refuses in that order, the data lost and the serving paths interrupted, the update's wall time,
 * and the verdict. The JSON follows {@code pulumi preview --json --show-replacement-steps} for an update
 * (pulumi/pulumi {@code display.PreviewDigest}, {@code PreviewStep} with {@code oldState}, {@code newState},
 * {@code diffReasons}, {@code replaceReasons}, {@code detailedDiff}), with this project's sections beside it.
 *
 * @param stack         stack name
 * @param from          what the deployed state was planned from
 * @param to            what the goal was planned from
 * @param changes       the change of every resource
 * @param problems      what stops the update half-way
 * @param dataLoss      stateful data that goes away
 * @param interruptions serving paths the update interrupts
 * @param time          the update's expected wall time
 * @param consent       the data losses the goal's stack file accepts ({@code acceptDataLoss})
 */
public record UpdatePlan(String stack, String from, String to, List<ResourceChange> changes, List<Problem> problems,
                         List<DataLoss> dataLoss, List<Interruption> interruptions, UpdateTime.Estimate time,
                         Set<StatefulData> consent) {

    /** Plans the update from {@code deployed} to {@code goal}. */
    public static UpdatePlan of(String stack, String from, String to, PlannedStack deployed, PlannedStack goal, Set<StatefulData> consent) {
        List<ResourceChange> changes = UpdatePlanner.changes(deployed, goal);
        return new UpdatePlan(stack, from, to, changes, AwsConstraints.of(changes), Consequences.dataLoss(changes),
                Consequences.interruptions(changes), UpdateTime.of(changes), Set.copyOf(consent));
    }

    /** Losses that gate the update and that the goal's stack file does not accept. */
    public List<DataLoss> unaccepted() {
        return dataLoss.stream().filter(loss -> loss.category().consent().filter(c -> !consent.contains(c)).isPresent()).toList();
    }

    /** Whether the update would stop half-way or lose data without consent. */
    public boolean fails() {
        return !problems.isEmpty() || !unaccepted().isEmpty();
    }

    /** Custom resources changed, by logical operation. */
    public Map<String, Long> summary() {
        Map<String, Long> summary = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            long count = changes.stream().filter(c -> c.custom() && c.op() == op).count();
            if (count > 0) {
                summary.put(op.engineName(), count);
            }
        }
        return summary;
    }

    /** The changes that are not {@code same}. */
    public List<ResourceChange> changed() {
        return changes.stream().filter(c -> c.op() != Op.SAME).toList();
    }

    /** The replacements, each with its reasons. */
    public List<ResourceChange> replacements() {
        return changes.stream().filter(c -> c.op() == Op.REPLACE).toList();
    }

    // ---- JSON ----

    /** The preview-shaped document with this project's sections. */
    public Map<String, Object> toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", Map.of("stack", stack));
        document.put("steps", Steps.of(changes).stream().map(this::step).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        changes.stream().filter(ResourceChange::custom)
                .forEach(c -> summary.merge(c.op().engineName(), 1L, (a, b) -> (Long) a + (Long) b));
        document.put("changeSummary", summary);
        document.put("update", updateSection());
        return document;
    }

    private Map<String, Object> updateSection() {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("from", from);
        update.put("to", to);
        update.put("verdict", fails() ? "fails" : "applies");
        update.put("problems", problems.stream().map(p -> row("kind", p.kind().label(), "resource", p.resource(), "code", p.code(),
                "why", p.why(), "reference", p.reference())).toList());
        update.put("dataLoss", dataLoss.stream().map(l -> row("category", l.category().label(), "resource", l.resource(), "what", l.what(),
                "survives", l.survives().orElse(null), "accepted", l.category().consent().map(consent::contains).orElse(true))).toList());
        update.put("interruptions", interruptions.stream().map(i -> row("resource", i.resource(), "what", i.what(),
                "expected", i.expected())).toList());
        update.put("replacements", replacements().stream().map(c -> row("resource", c.label(), "order", order(c),
                "reasons", reasons(c))).toList());
        update.put("updateTime", time.toJson());
        update.put("acceptDataLoss", consent.stream().map(SettingsReader::spelling).sorted().toList());
        return update;
    }

    /**
     * The replacement's order: its own, or delete-first when a delete-before-replace replacement it depends on deletes it
     * early (pulumi/pulumi {@code calculateDependentReplacements}).
     */
    private String order(ResourceChange c) {
        if (!c.deleteBeforeReplace() && Steps.deletedEarly(changes).contains(c.urn())) {
            return "delete-replaced early (a delete-first replacement it depends on deletes it first), then create-replacement";
        }
        return c.order();
    }

    private static Map<String, Object> reasons(ResourceChange c) {
        Map<String, Object> reasons = new TreeMap<>();
        for (String key : c.replaceReasons()) {
            reasons.put(key, row("because", c.causes().getOrDefault(key, "new value"), "forceNewSource", ForceNew.source(c.type(), key)));
        }
        return reasons;
    }

    private Map<String, Object> step(Step step) {
        ResourceChange c = step.change();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("op", step.op());
        json.put("urn", c.urn());
        c.goal().or(c::old).map(UpdatePlan::providerReference).filter(p -> !p.isEmpty()).ifPresent(p -> json.put("provider", p));
        boolean removes = step.op().equals(Op.DELETE.engineName()) || step.op().equals(Steps.DELETE_REPLACED);
        c.old().ifPresent(old -> json.put("oldState", state(old, true)));
        if (!removes) {
            c.goal().ifPresent(goal -> json.put("newState", state(goal, c.op() == Op.SAME || c.op() == Op.UPDATE)));
        }
        if (c.op() == Op.UPDATE || c.op() == Op.REPLACE) {
            json.put("diffReasons", c.diffReasons());
            if (c.op() == Op.REPLACE) {
                json.put("replaceReasons", c.replaceReasons());
            }
            Map<String, Object> detailed = new TreeMap<>();
            for (String key : c.diffReasons()) {
                boolean added = c.old().flatMap(o -> o.input(key)).isEmpty();
                boolean removed = c.goal().flatMap(g -> g.input(key)).isEmpty() && !key.equals("tagsAll");
                String kind = added ? "add" : removed ? "delete" : "update";
                detailed.put(key, row("kind", c.replaceReasons().contains(key) ? kind + "-replace" : kind, "inputDiff", false));
            }
            json.put("detailedDiff", detailed);
        }
        return json;
    }

    /** A resource as {@code apitype.ResourceV3}: the id and outputs only when they are known (not for a new resource). */
    private static Map<String, Object> state(PlannedResource r, boolean known) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("urn", r.urn());
        state.put("custom", r.custom());
        if (known && r.custom() && r.id() != null && !r.id().isEmpty()) {
            state.put("id", r.id());
        }
        state.put("type", r.type());
        if (!r.inputs().isEmpty()) {
            state.put("inputs", r.inputs());
        }
        if (known && !r.outputs().isEmpty()) {
            state.put("outputs", r.outputs());
        }
        if (r.parentUrn() != null && !r.parentUrn().isEmpty()) {
            state.put("parent", r.parentUrn());
        }
        if (r.protect()) {
            state.put("protect", true);
        }
        if (!r.dependencies().isEmpty()) {
            state.put("dependencies", r.dependencies());
        }
        String provider = providerReference(r);
        if (!provider.isEmpty()) {
            state.put("provider", provider);
        }
        if (r.retainOnDelete()) {
            state.put("retainOnDelete", true);
        }
        if (!r.ignoreChanges().isEmpty()) {
            state.put("ignoreChanges", r.ignoreChanges());
        }
        if (!r.replacement().replaceOnChanges().isEmpty()) {
            state.put("replaceOnChanges", r.replacement().replaceOnChanges());
        }
        if (!r.replacement().aliases().isEmpty()) {
            state.put("aliases", r.replacement().aliases());
        }
        return state;
    }

    private static String providerReference(PlannedResource r) {
        return r.provider().isEmpty() ? "" : r.provider() + "::" + OfflineEngine.UNKNOWN_MARK;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                row.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
        }
        return row;
    }

    // ---- text ----

    /** The report for the terminal: changes grouped by component, then problems, data loss, interruptions, time, verdict. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Update plan of stack ").append(stack).append(": ").append(from).append(" -> ").append(to).append('\n');
        long same = changes.stream().filter(c -> c.custom() && c.op() == Op.SAME).count();
        out.append("  ").append(String.join(", ", summary().entrySet().stream().filter(e -> !e.getKey().equals("same"))
                .map(e -> e.getValue() + " to " + e.getKey()).toList())).append(summary().size() > 1 || same == 0 ? ", " : "")
                .append(same).append(" unchanged\n");
        Map<String, List<ResourceChange>> byComponent = new TreeMap<>();
        changed().stream().filter(ResourceChange::custom).forEach(c -> byComponent.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c));
        byComponent.forEach((component, list) -> {
            out.append('\n').append(component).append('\n');
            for (ResourceChange c : list) {
                out.append(String.format(Locale.ROOT, "  %-2s %-8s %s", symbol(c.op()), c.op().engineName(), c.label()));
                if (c.op() == Op.UPDATE) {
                    out.append("  [").append(String.join(", ", c.diffReasons())).append(']');
                }
                out.append('\n');
                if (c.op() == Op.REPLACE) {
                    out.append("       ").append(order(c)).append('\n');
                    for (String key : c.replaceReasons()) {
                        out.append("       ").append(key).append(": ").append(c.causes().getOrDefault(key, "new value"))
                                .append("  (force-new: ").append(ForceNew.source(c.type(), key)).append(")\n");
                    }
                }
            }
        });
        section(out, "Problems: the update would stop half-way", problems.stream().map(Problem::line).toList());
        section(out, "Data loss", dataLoss.stream().map(l -> l.line() + l.category().consent()
                .map(c -> consent.contains(c) ? " [accepted by acceptDataLoss]" : " [not accepted: acceptDataLoss lacks "
                        + SettingsReader.spelling(c) + "]").orElse("")).toList());
        section(out, "Interruptions", interruptions.stream().map(Interruption::line).toList());
        out.append('\n').append(time.text());
        out.append('\n').append(verdict()).append('\n');
        return out.toString();
    }

    /** One line: applies, or fails and why. */
    public String verdict() {
        if (!fails()) {
            return "Verdict: the update applies (" + (changed().isEmpty() ? "no changes" : changed().stream().filter(ResourceChange::custom).count()
                    + " resources change") + ").";
        }
        List<String> why = new ArrayList<>();
        if (!problems.isEmpty()) {
            why.add(problems.size() + " step(s) AWS or the engine would refuse");
        }
        if (!unaccepted().isEmpty()) {
            why.add(unaccepted().size() + " data loss(es) the stack file does not accept (litellm-gateway:acceptDataLoss)");
        }
        return "Verdict: the update fails: " + String.join("; ", why) + ".";
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n");
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
    }

    private static String symbol(Op op) {
        return switch (op) {
            case CREATE -> "+";
            case UPDATE -> "~";
            case REPLACE -> "+-";
            case DELETE -> "-";
            case SAME -> " ";
        };
    }
}

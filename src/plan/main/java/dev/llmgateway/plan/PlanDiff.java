package dev.llmgateway.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changes between two offline plans of one stack (the base branch's and a pull request's), read
 * from the JSON the plan writes ({@code target/plan/<stack>.json}): resources added, changed (inputs
 * differ) and removed, monthly cost before and after with the lines that changed, policy findings that
 * are new or resolved, and reachability changes. Every section tolerates its absence in either file
 * (older plans have no {@code reachability}); a missing plan counts as empty.
 *
 * @param stack         stack name
 * @param base          the base plan, empty when the stack is new or the base could not be planned
 * @param head          the pull request's plan, empty when it failed or the stack was removed
 * @param added         resources only in head, as {@code type name}
 * @param changed       resources in both whose inputs differ
 * @param removed       resources only in base
 * @param costBefore    typical monthly cost of base (0 without a plan)
 * @param costAfter     typical monthly cost of head
 * @param costLines     cost lines whose typical monthly amount changed: item to [before, after]
 * @param newFindings   policy findings only in head, rendered
 * @param resolved      policy findings only in base
 * @param reachability  reachability entries that appeared, disappeared or changed verdict, rendered
 */
public record PlanDiff(String stack, Optional<JsonObject> base, Optional<JsonObject> head, List<String> added, List<String> changed,
                       List<String> removed, double costBefore, double costAfter, Map<String, double[]> costLines,
                       List<String> newFindings, List<String> resolved, List<String> reachability) {

    /** Fields of a reachability entry that carry its verdict rather than its identity. */
    private static final Set<String> VERDICT_FIELDS = Set.of("reachable", "status", "verdict", "result", "allowed", "reason", "blockedBy");

    /** Compares the two plans of {@code stack}. */
    public static PlanDiff of(String stack, Optional<JsonObject> base, Optional<JsonObject> head) {
        Map<String, JsonElement> before = resources(base);
        Map<String, JsonElement> after = resources(head);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.forEach((urn, inputs) -> {
            if (!before.containsKey(urn)) {
                added.add(label(urn));
            } else if (!before.get(urn).equals(inputs)) {
                changed.add(label(urn));
            }
        });
        before.keySet().stream().filter(urn -> !after.containsKey(urn)).forEach(urn -> removed.add(label(urn)));

        Map<String, Double> linesBefore = costLines(base);
        Map<String, Double> linesAfter = costLines(head);
        Map<String, double[]> costLines = new TreeMap<>();
        Set<String> items = new TreeSet<>(linesBefore.keySet());
        items.addAll(linesAfter.keySet());
        for (String item : items) {
            double was = linesBefore.getOrDefault(item, 0.0);
            double is = linesAfter.getOrDefault(item, 0.0);
            if (Math.abs(was - is) >= 0.005) {
                costLines.put(item, new double[] {was, is});
            }
        }

        Set<String> findingsBefore = findings(base);
        Set<String> findingsAfter = findings(head);
        return new PlanDiff(stack, base, head, sorted(added), sorted(changed), sorted(removed), total(base), total(head), costLines,
                findingsAfter.stream().filter(f -> !findingsBefore.contains(f)).toList(),
                findingsBefore.stream().filter(f -> !findingsAfter.contains(f)).toList(),
                reachabilityChanges(reachability(base), reachability(head)));
    }

    /** True when nothing a reviewer would look at differs. */
    public boolean unchanged() {
        return base.isPresent() == head.isPresent() && added.isEmpty() && changed.isEmpty() && removed.isEmpty() && costLines.isEmpty()
                && newFindings.isEmpty() && resolved.isEmpty() && reachability.isEmpty();
    }

    private static Map<String, JsonElement> resources(Optional<JsonObject> plan) {
        Map<String, JsonElement> resources = new LinkedHashMap<>();
        plan.map(p -> p.getAsJsonArray("steps")).ifPresent(steps -> steps.forEach(step -> {
            JsonObject object = step.getAsJsonObject();
            JsonObject state = object.has("newState") ? object.getAsJsonObject("newState") : new JsonObject();
            resources.put(object.get("urn").getAsString(), state.has("inputs") ? state.get("inputs") : JsonNull.INSTANCE);
        }));
        return resources;
    }

    /** {@code type name} from a URN ({@code urn:pulumi:stack::project::parent$type::name}). */
    static String label(String urn) {
        int nameAt = urn.lastIndexOf("::");
        String typeChain = urn.substring(urn.lastIndexOf("::", nameAt - 1) + 2, nameAt);
        return typeChain.substring(typeChain.lastIndexOf('$') + 1) + " " + urn.substring(nameAt + 2);
    }

    private static double total(Optional<JsonObject> plan) {
        return section(plan, "cost").map(cost -> cost.getAsJsonObject("totals")).map(t -> t.get("typical").getAsDouble()).orElse(0.0);
    }

    private static Map<String, Double> costLines(Optional<JsonObject> plan) {
        Map<String, Double> lines = new LinkedHashMap<>();
        section(plan, "cost").map(cost -> cost.getAsJsonArray("lines")).ifPresent(array -> array.forEach(line -> {
            JsonObject object = line.getAsJsonObject();
            lines.merge(object.get("item").getAsString(), object.get("monthlyTypical").getAsDouble(), Double::sum);
        }));
        return lines;
    }

    private static Set<String> findings(Optional<JsonObject> plan) {
        Set<String> findings = new TreeSet<>();
        section(plan, "policy").map(policy -> policy.getAsJsonArray("checks")).ifPresent(checks -> checks.forEach(check -> {
            JsonObject object = check.getAsJsonObject();
            JsonArray list = object.has("findings") ? object.getAsJsonArray("findings") : new JsonArray();
            list.forEach(finding -> findings.add(object.get("severity").getAsString() + " " + object.get("id").getAsString() + " "
                    + finding.getAsJsonObject().get("resource").getAsString() + ": " + finding.getAsJsonObject().get("message").getAsString()));
        }));
        return findings;
    }

    /**
     * Reachability entries by identity (every field but the verdict fields), whatever the section's shape:
     * an array of entries, or an object holding such arrays.
     */
    private static Map<String, String> reachability(Optional<JsonObject> plan) {
        Map<String, String> entries = new TreeMap<>();
        plan.filter(p -> p.has("reachability")).map(p -> p.get("reachability")).ifPresent(section -> {
            List<JsonElement> list = new ArrayList<>();
            if (section.isJsonArray()) {
                section.getAsJsonArray().forEach(list::add);
            } else if (section.isJsonObject()) {
                section.getAsJsonObject().entrySet().stream().filter(e -> e.getValue().isJsonArray())
                        .forEach(e -> e.getValue().getAsJsonArray().forEach(list::add));
            }
            for (JsonElement entry : list) {
                if (!entry.isJsonObject()) {
                    entries.put(entry.toString(), "");
                    continue;
                }
                Map<String, String> identity = new TreeMap<>();
                Map<String, String> verdict = new TreeMap<>();
                entry.getAsJsonObject().entrySet().forEach(field -> (VERDICT_FIELDS.contains(field.getKey()) ? verdict : identity)
                        .put(field.getKey(), field.getValue().isJsonPrimitive() ? field.getValue().getAsString() : field.getValue().toString()));
                entries.put(String.join(", ", identity.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                        String.join(", ", verdict.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
        });
        return entries;
    }

    private static List<String> reachabilityChanges(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((flow, verdict) -> {
            if (!before.containsKey(flow)) {
                changes.add("new: " + flow + (verdict.isEmpty() ? "" : " (" + verdict + ")"));
            } else if (!Objects.equals(before.get(flow), verdict)) {
                changes.add("changed: " + flow + ": " + before.get(flow) + " → " + verdict);
            }
        });
        before.keySet().stream().filter(flow -> !after.containsKey(flow)).forEach(flow -> changes.add("gone: " + flow));
        return changes;
    }

    private static Optional<JsonObject> section(Optional<JsonObject> plan, String name) {
        return plan.filter(p -> p.has(name) && p.get(name).isJsonObject()).map(p -> p.getAsJsonObject(name));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** {@code $1,234.56}. */
    static String money(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    /** {@code +$1.20} / {@code -$0.50} / {@code ±$0.00}. */
    static String delta(double amount) {
        if (Math.abs(amount) < 0.005) {
            return "±$0.00";
        }
        return (amount > 0 ? "+" : "-") + money(Math.abs(amount));
    }
}

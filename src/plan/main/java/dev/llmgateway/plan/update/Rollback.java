package dev.llmgateway.plan.update;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.ResourceChange.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an update can be undone: the same planner run from the updated state back to the base (a revert of the pull
 * request), and the ECS deployment circuit breaker's own rollback, which starts the previous task definition revision
 * against everything else the update already changed.
 *
 * @param revert         the update head to base
 * @param circuitBreaker what the previous task definition meets in the new state, per service whose task definition
 *                       the update replaces
 */
public record Rollback(UpdatePlan revert, List<String> circuitBreaker) {

    /** The rollback of {@code forward}, which went from {@code base} to {@code head}. */
    public static Rollback of(UpdatePlan forward, PlannedStack base, PlannedStack head, Set<StatefulData> baseConsent) {
        UpdatePlan revert = UpdatePlan.of(forward.stack(), forward.to(), forward.from(), head, base, baseConsent);
        return new Rollback(revert, circuitBreaker(forward));
    }

    /** Whether reverting applies cleanly. */
    public boolean possible() {
        return !revert.fails();
    }

    /** The circuit breaker's rollback for every replaced task definition a service runs. */
    static List<String> circuitBreaker(UpdatePlan forward) {
        List<String> findings = new ArrayList<>();
        for (ResourceChange c : forward.changes()) {
            if (c.op() != Op.REPLACE || !c.type().equals("aws:ecs/taskDefinition:TaskDefinition")) {
                continue;
            }
            PlannedResource old = c.old().orElseThrow();
            PlannedResource now = c.goal().orElseThrow();
            String family = String.valueOf(old.input("family").orElse(c.name()));
            Map<String, String> oldImages = images(old);
            Map<String, String> newImages = images(now);
            oldImages.forEach((container, image) -> {
                String next = newImages.get(container);
                if (next != null && !next.equals(image)) {
                    findings.add(family + ": container " + container + " goes back from " + next + " to " + image);
                }
            });
            if (oldImages.containsKey("migrate") && !oldImages.equals(newImages)) {
                findings.add(family + ": the previous revision migrates at task start (container migrate). The new image's"
                        + " tasks migrate the database before they serve; once they did, a task of the previous revision (the"
                        + " circuit breaker's rollback, a scale-out, a replaced task) runs the older release's migration against the"
                        + " newer schema: its `prisma migrate status` gate (litellm/migrate.sh) finds migrations it does not know and"
                        + " exits 1, so no task of the previous revision starts. Move migrations to a one-off task before the service"
                        + " rolls (issue 25), or roll forward.");
            } else if (!oldImages.equals(newImages)) {
                findings.add(family + ": the previous revision's tasks do not migrate; they run the older release against the"
                        + " schema the newer one left (LiteLLM migrations add tables and columns; check the release notes for removals).");
            }
            findings.addAll(staleReferences(family, old, forward.changes()));
        }
        return List.copyOf(findings);
    }

    /** Resources the previous revision names (secrets, log groups, roles, endpoints) that the update replaces or deletes. */
    private static List<String> staleReferences(String family, PlannedResource oldDefinition, List<ResourceChange> changes) {
        Set<String> strings = new LinkedHashSet<>();
        Values.strings(oldDefinition.inputs(), strings);
        List<String> findings = new ArrayList<>();
        for (ResourceChange other : changes) {
            if (!other.removesOld() || !other.custom() || other.type().equals("aws:ecs/taskDefinition:TaskDefinition")) {
                continue;
            }
            PlannedResource gone = other.old().orElseThrow();
            if (gone.retainOnDelete()) {
                continue;
            }
            Optional<String> referenced = identities(gone).stream()
                    .filter(value -> strings.stream().anyMatch(s -> s.contains(value))).findFirst();
            referenced.ifPresent(value -> findings.add(family + ": the previous revision uses " + other.label() + ", which the update "
                    + (other.op() == Op.REPLACE ? "replaces" : "deletes") + ": " + consequence(other.type())));
        }
        return findings;
    }

    private static Set<String> identities(PlannedResource r) {
        Set<String> values = new LinkedHashSet<>();
        if (r.id() != null && r.id().length() >= 8) {
            values.add(r.id());
        }
        for (String key : List.of("arn", "name", "endpoint", "address", "primaryEndpointAddress")) {
            r.output(key).map(String::valueOf).filter(v -> v.length() >= 8).ifPresent(values::add);
        }
        return values;
    }

    private static String consequence(String type) {
        return switch (type) {
            case "aws:secretsmanager/secret:Secret", "aws:ssm/parameter:Parameter" ->
                    "its tasks cannot fetch that secret (ResourceInitializationError) and never start";
            case "aws:cloudwatch/logGroup:LogGroup" -> "its containers cannot log to the deleted group and fail to start";
            case "aws:iam/role:Role" -> "its tasks cannot assume the deleted role";
            case "aws:route53/record:Record" -> "it advertises a DNS name that no longer resolves (links, redirects it builds)";
            case "aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup" ->
                    "it connects to the old endpoint, which no longer serves this stack's data";
            default -> "its tasks refer to a resource that no longer exists";
        };
    }

    /** Container name to image, from a task definition's container definitions. */
    private static Map<String, String> images(PlannedResource definition) {
        Map<String, String> images = new LinkedHashMap<>();
        Object raw = definition.input("containerDefinitions").orElse("[]");
        try {
            JsonElement parsed = JsonParser.parseString(String.valueOf(raw));
            JsonArray containers = parsed.isJsonArray() ? parsed.getAsJsonArray() : new JsonArray();
            for (JsonElement element : containers) {
                JsonObject container = element.getAsJsonObject();
                if (container.has("name") && container.has("image")) {
                    images.put(container.get("name").getAsString(), container.get("image").getAsString());
                }
            }
        } catch (RuntimeException unknown) {
            // an unknown or malformed definition has no images to compare
        }
        return images;
    }

    /** The report as text. */
    public String text() {
        StringBuilder out = new StringBuilder("Rollback (the same planner, head -> base): ");
        out.append(possible() ? "possible" : "NOT clean").append('\n');
        out.append("  ").append(revert.verdict()).append('\n');
        revert.problems().forEach(p -> out.append("  - ").append(p.line()).append('\n'));
        revert.unaccepted().forEach(l -> out.append("  - data loss: ").append(l.line()).append('\n'));
        if (!circuitBreaker.isEmpty()) {
            out.append("ECS deployment circuit breaker (previous task definition against the new state):\n");
            circuitBreaker.forEach(line -> out.append("  - ").append(line).append('\n'));
        }
        return out.toString();
    }

    /** A structure for the update JSON. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("possible", possible());
        json.put("verdict", revert.verdict());
        json.put("problems", revert.problems().stream().map(Problem::line).toList());
        json.put("dataLoss", revert.unaccepted().stream().map(Consequences.DataLoss::line).toList());
        json.put("changeSummary", revert.summary());
        json.put("circuitBreaker", circuitBreaker);
        return json;
    }
}

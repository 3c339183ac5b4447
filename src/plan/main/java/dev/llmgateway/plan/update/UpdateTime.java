package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.plan.DeployTimeEstimate;
import dev.llmgateway.plan.update.ResourceChange.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The wall time of an update: the deploy-time estimate ({@link DeployTimeEstimate}) applied to the update's own steps.
 * Creates and the create half of replacements take their provisioning time, updates and deletes the times below;
 * unchanged resources take none. A step starts when the steps of everything it depends on are done; the deletes that
 * run at the end (removed resources, old halves of create-before-delete replacements) start after every other step,
 * dependents first, as the engine orders them.
 */
public final class UpdateTime {

    private static final int MINUTE = 60;
    private static final String ASSUMED = "assumption, not measured here: ";
    private static final Predicate<PlannedResource> ANY = r -> true;

    /**
     * How long an in-place update or a delete of a type takes.
     *
     * @param type        type token, {@code *} for any
     * @param when        condition on the resource (the goal for updates, the deployed one for deletes)
     * @param label       the case
     * @param lowSeconds  fastest
     * @param highSeconds slowest
     * @param basis       where the figure comes from
     */
    public record Duration(String type, Predicate<PlannedResource> when, String label, int lowSeconds, int highSeconds, String basis) {

        int expected() {
            return (lowSeconds + highSeconds) / 2;
        }
    }

    /** In-place updates; the first entry whose type and condition match applies. */
    public static final List<Duration> UPDATES = List.of(
            new Duration("aws:ecs/service:Service", r -> r.flag("waitForSteadyState"), "ECS rolling deployment to steady state",
                    2 * MINUTE, 5 * MINUTE, "working figure (docs/offline-engine.md, Provisioning times): ECS service to steady state 2-5 min"),
            new Duration("aws:cloudfront/distribution:Distribution", ANY, "CloudFront distribution update", 3 * MINUTE, 15 * MINUTE,
                    "working figure: CloudFront propagates a change to every edge location, 3-15 min"),
            new Duration("aws:elasticache/replicationGroup:ReplicationGroup", ANY, "ElastiCache modification", 5 * MINUTE, 15 * MINUTE,
                    ASSUMED + "online scaling of a small node takes minutes"),
            new Duration("aws:rds/cluster:Cluster", ANY, "Aurora cluster modification", MINUTE, 2 * MINUTE,
                    ASSUMED + "the provider waits for the cluster to be available again"),
            new Duration("aws:ec2clientvpn/endpoint:Endpoint", ANY, "Client VPN endpoint modification", MINUTE, 2 * MINUTE,
                    ASSUMED + "a modification applies within minutes"),
            new Duration("*", ANY, "any other update (one API call)", 10, 10, ASSUMED + "an update call and the provider's read-back"));

    /** Deletes; the first entry whose type and condition match applies. */
    public static final List<Duration> DELETES = List.of(
            new Duration("aws:rds/instance:Instance", r -> !r.flag("skipFinalSnapshot"), "RDS instance with a final snapshot",
                    5 * MINUTE, 10 * MINUTE, ASSUMED + "the final snapshot, then the delete"),
            new Duration("aws:rds/clusterInstance:ClusterInstance", ANY, "Aurora instance", 5 * MINUTE, 10 * MINUTE,
                    ASSUMED + "the provider waits until the instance is gone"),
            new Duration("aws:rds/cluster:Cluster", ANY, "Aurora cluster with a final snapshot", 2 * MINUTE, 5 * MINUTE,
                    ASSUMED + "the final snapshot, then the delete"),
            new Duration("aws:elasticache/replicationGroup:ReplicationGroup", ANY, "ElastiCache replication group", 5 * MINUTE, 10 * MINUTE,
                    ASSUMED + "the provider waits until the group is gone"),
            new Duration("aws:ec2/natGateway:NatGateway", ANY, "NAT gateway", MINUTE, 2 * MINUTE, ASSUMED + "deleting state, then deleted"),
            new Duration("aws:cloudfront/distribution:Distribution", ANY, "CloudFront distribution (disable, then delete)",
                    15 * MINUTE, 20 * MINUTE, ASSUMED + "a distribution must be disabled and deployed before it can be deleted"),
            new Duration("aws:ec2clientvpn/networkAssociation:NetworkAssociation", ANY, "Client VPN subnet disassociation",
                    5 * MINUTE, 10 * MINUTE, ASSUMED + "as slow as the association"),
            new Duration("aws:ecs/service:Service", ANY, "ECS service (draining its tasks)", MINUTE, 5 * MINUTE,
                    ASSUMED + "the tasks stop after the target group's deregistration delay"),
            new Duration("aws:lb/loadBalancer:LoadBalancer", ANY, "load balancer", MINUTE, 2 * MINUTE,
                    ASSUMED + "the provider waits for the load balancer's network interfaces to go"),
            new Duration("*", ANY, "any other delete (one API call)", 10, 10, ASSUMED + "a delete call"));

    /**
     * One step on the critical path.
     *
     * @param op     the engine's step name
     * @param change the change
     * @param what   the duration's case
     * @param start  seconds after the update began
     * @param finish seconds after the update began
     */
    public record PathStep(String op, ResourceChange change, String what, int start, int finish) {
    }

    /**
     * The estimate.
     *
     * @param seconds      expected wall time
     * @param upperSeconds wall time when every step is as slow as its range allows
     * @param path         the critical path, first step first
     */
    public record Estimate(int seconds, int upperSeconds, List<PathStep> path) {

        /** Expected minutes, rounded up. */
        public int minutes() {
            return DeployTimeEstimate.roundUp(seconds);
        }

        /** Upper minutes, rounded up. */
        public int upperMinutes() {
            return DeployTimeEstimate.roundUp(upperSeconds);
        }

        /** A structure for the update JSON. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = DeployTimeEstimate.totals(seconds, upperSeconds, "critical path through the update's"
                    + " own steps: provisioning times for creates (DeployTimeEstimate), update and delete times from UpdateTime;"
                    + " the deletes that run last start after every other step");
            json.put("criticalPath", path.stream().map(step -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("op", step.op());
                row.put("urn", step.change().urn());
                row.put("startSeconds", step.start());
                row.put("finishSeconds", step.finish());
                row.put("case", step.what());
                return row;
            }).toList());
            return json;
        }

        /** The estimate as text. */
        public String text() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "Estimated wall time of this update: %d min expected, %d min if every step is slow (critical path, %d steps):%n",
                    minutes(), upperMinutes(), path.size()));
            for (PathStep step : path) {
                out.append(String.format(Locale.ROOT, "  %2d:%02d  %-18s %s  (%s)%n", step.start() / 60, step.start() % 60, step.op(),
                        step.change().label(), step.what()));
            }
            return out.toString();
        }
    }

    private final List<ResourceChange> changes;
    private final boolean upper;
    private final Map<String, ResourceChange> byUrn = new HashMap<>();
    private final Map<String, Integer> finish = new HashMap<>();
    private final Map<String, String> predecessor = new HashMap<>();

    private UpdateTime(List<ResourceChange> changes, boolean upper) {
        this.changes = changes;
        this.upper = upper;
        changes.forEach(c -> byUrn.put(c.urn(), c));
    }

    /** The estimate for a list of changes. */
    public static Estimate of(List<ResourceChange> changes) {
        UpdateTime expected = new UpdateTime(changes, false);
        Optional<String> last = expected.last();
        List<PathStep> path = new ArrayList<>();
        for (String key = last.orElse(null); key != null; key = expected.predecessor.get(key)) {
            path.add(0, expected.step(key));
        }
        UpdateTime slow = new UpdateTime(changes, true);
        return new Estimate(last.map(expected::finishOf).orElse(0), slow.last().map(slow::finishOf).orElse(0), List.copyOf(path));
    }

    /** Keys are URNs for the main phase and {@code end:URN} for the deletes at the end. */
    private Optional<String> last() {
        String last = null;
        for (ResourceChange c : changes) {
            for (String key : keys(c)) {
                int done = finishOf(key);
                if (last == null || done > finishOf(last)) {
                    last = key;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    private List<String> keys(ResourceChange c) {
        List<String> keys = new ArrayList<>();
        if (!c.custom() || c.op() == Op.SAME) {
            return keys;
        }
        if (c.op() != Op.DELETE) {
            keys.add(c.urn());
        }
        if (c.op() == Op.DELETE || c.op() == Op.REPLACE && !c.deleteBeforeReplace()) {
            keys.add("end:" + c.urn());
        }
        return keys;
    }

    private int finishOf(String key) {
        Integer known = finish.get(key);
        if (known != null) {
            return known;
        }
        finish.put(key, 0);
        int start = 0;
        for (String waited : waitsFor(key)) {
            int done = finishOf(waited);
            if (done > start) {
                start = done;
                predecessor.put(key, waited);
            }
        }
        int done = start + duration(key);
        finish.put(key, done);
        return done;
    }

    /** What a step waits for: its goal dependencies' steps; a delete at the end waits for the main phase and its dependents' deletes. */
    private List<String> waitsFor(String key) {
        List<String> waited = new ArrayList<>();
        if (key.startsWith("end:")) {
            ResourceChange c = byUrn.get(key.substring(4));
            for (ResourceChange other : changes) {
                if (other.custom() && other.op() != Op.SAME && other.op() != Op.DELETE) {
                    waited.add(other.urn());
                }
                boolean dependsOnIt = other.old().map(o -> o.dependencies().contains(c.urn())).orElse(false);
                if (dependsOnIt && keys(other).contains("end:" + other.urn())) {
                    waited.add("end:" + other.urn());
                }
            }
            return waited;
        }
        ResourceChange c = byUrn.get(key);
        for (String urn : c.goal().map(PlannedResource::dependencies).orElse(List.of())) {
            ResourceChange dependency = byUrn.get(urn);
            if (dependency != null && keys(dependency).contains(urn)) {
                waited.add(urn);
            }
        }
        return waited;
    }

    private int duration(String key) {
        if (key.startsWith("end:")) {
            ResourceChange c = byUrn.get(key.substring(4));
            return seconds(match(DELETES, c.old().orElseThrow()));
        }
        ResourceChange c = byUrn.get(key);
        return switch (c.op()) {
            case CREATE -> seconds(DeployTimeEstimate.time(c.goal().orElseThrow()));
            case UPDATE -> seconds(match(UPDATES, c.goal().orElseThrow()));
            case REPLACE -> seconds(DeployTimeEstimate.time(c.goal().orElseThrow()))
                    + (c.deleteBeforeReplace() ? seconds(match(DELETES, c.old().orElseThrow())) : 0);
            default -> 0;
        };
    }

    private PathStep step(String key) {
        int end = finish.get(key);
        int length = duration(key);
        if (key.startsWith("end:")) {
            ResourceChange c = byUrn.get(key.substring(4));
            return new PathStep(c.op() == Op.DELETE ? "delete" : Steps.DELETE_REPLACED, c, match(DELETES, c.old().orElseThrow()).label(),
                    end - length, end);
        }
        ResourceChange c = byUrn.get(key);
        String what = switch (c.op()) {
            case UPDATE -> match(UPDATES, c.goal().orElseThrow()).label();
            case REPLACE -> DeployTimeEstimate.time(c.goal().orElseThrow()).label()
                    + (c.deleteBeforeReplace() ? " after deleting the old one" : "");
            default -> DeployTimeEstimate.time(c.goal().orElseThrow()).label();
        };
        return new PathStep(c.op() == Op.REPLACE ? "replace" : c.op().engineName(), c, what, end - length, end);
    }

    private int seconds(Duration duration) {
        return upper ? duration.highSeconds() : duration.expected();
    }

    private int seconds(DeployTimeEstimate.ProvisioningTime time) {
        return upper ? time.highSeconds() : time.expectedSeconds();
    }

    private static Duration match(List<Duration> table, PlannedResource r) {
        return table.stream().filter(d -> (d.type().equals(r.type()) || d.type().equals("*")) && d.when().test(r)).findFirst().orElseThrow();
    }
}

package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The wall time of a fresh {@code pulumi up}: the longest chain of provisioning times through the dependency
 * graph the engine recorded. A resource starts when everything it depends on is created (a dependency on a
 * component means on everything under it); its own time comes from {@link #TIMES}, one table with a source and a
 * range (fastest to slowest the source gives) per entry. The estimate takes the middle of every range, the
 * expected time of a run; the same graph with the upper end of every range is reported next to it, the time of a
 * run in which every slow step is slow. Pulumi's parallelism limit, API throttling and retries are not modelled.
 */
public final class DeployTimeEstimate {

    /**
     * How long creating one resource of a type takes, when it matches.
     *
     * @param type        Pulumi type token
     * @param when        what the inputs must satisfy (e.g. Multi-AZ)
     * @param label       the case, as the table prints it
     * @param lowSeconds  fastest time to create the source gives
     * @param highSeconds slowest time to create the source gives (the same as the fastest for a single figure)
     * @param source      where the figures come from
     */
    public record ProvisioningTime(String type, Predicate<PlannedResource> when, String label, int lowSeconds,
                                   int highSeconds, String source) {

        /** The expected time: the middle of the range. */
        public int expectedSeconds() {
            return (lowSeconds + highSeconds) / 2;
        }
    }

    /**
     * AWS publishes no creation times for most resource types: these ranges are the project's working figures from
     * deployments, each listed with its basis in docs/offline-engine.md ("Provisioning times").
     */
    private static final String OBSERVED = "working figure (docs/offline-engine.md, Provisioning times)";
    private static final Predicate<PlannedResource> ANY = r -> true;
    private static final int MINUTE = 60;

    /** Provisioning times by type; the first entry whose type and condition match applies. */
    public static final List<ProvisioningTime> TIMES = List.of(
            new ProvisioningTime("aws:rds/instance:Instance", r -> r.flag("multiAz"), "RDS instance, Multi-AZ",
                    15 * MINUTE, 20 * MINUTE, OBSERVED + ": RDS Multi-AZ 15-20+ min"),
            new ProvisioningTime("aws:rds/instance:Instance", ANY, "RDS instance, single-AZ", 5 * MINUTE, 10 * MINUTE,
                    OBSERVED + ": RDS single-AZ 5-10 min"),
            new ProvisioningTime("aws:rds/clusterInstance:ClusterInstance", ANY, "Aurora instance", 5 * MINUTE, 12 * MINUTE,
                    OBSERVED + ": Aurora instance 5-12 min"),
            new ProvisioningTime("aws:rds/cluster:Cluster", ANY, "Aurora cluster (storage, no instance)", 2 * MINUTE,
                    2 * MINUTE, "assumption, not measured here: the cluster without instances takes a few minutes"),
            new ProvisioningTime("aws:ec2/natGateway:NatGateway", ANY, "NAT gateway", MINUTE, 2 * MINUTE,
                    OBSERVED + ": NAT gateway 1-2 min"),
            new ProvisioningTime("aws:lb/loadBalancer:LoadBalancer", ANY, "load balancer", 2 * MINUTE, 3 * MINUTE,
                    OBSERVED + ": ALB 2-3 min"),
            new ProvisioningTime("aws:ecs/service:Service", r -> r.flag("waitForSteadyState"), "ECS service to steady state",
                    2 * MINUTE, 5 * MINUTE, OBSERVED + ": ECS service to steady state 2-5 min"),
            new ProvisioningTime("aws:ecs/service:Service", ANY, "ECS service (not waiting for steady state)", MINUTE, MINUTE,
                    "assumption: CreateService returns at once; tasks reach steady state 2-5 min later, after the update"),
            new ProvisioningTime("command:local:Command", ANY, "one-off ECS task run to completion (bootstrap, migrations)",
                    MINUTE, 2 * MINUTE, "assumption, not measured here: a Fargate task's start with its image pull (about a"
                    + " minute), then the bootstrap SQL (seconds) or LiteLLM's migrations (a fresh database applies all of them)"),
            new ProvisioningTime("aws:cloudfront/distribution:Distribution", ANY, "CloudFront distribution", 3 * MINUTE,
                    15 * MINUTE, OBSERVED + ": CloudFront 3-15 min"),
            new ProvisioningTime("aws:acm/certificateValidation:CertificateValidation", ANY, "certificate DNS validation",
                    5 * MINUTE, 5 * MINUTE,
                    "assumption: ACM validates a DNS record in minutes once the record exists (AWS allows up to 72 h)"),
            new ProvisioningTime("aws:ec2clientvpn/networkAssociation:NetworkAssociation", ANY, "Client VPN subnet association",
                    10 * MINUTE, 10 * MINUTE, OBSERVED + ": Client VPN subnet association often over 10 min (taken as 10)"),
            new ProvisioningTime("aws:elasticache/replicationGroup:ReplicationGroup", ANY, "ElastiCache replication group",
                    6 * MINUTE, 7 * MINUTE, OBSERVED + ": ElastiCache node 6-7 min"),
            new ProvisioningTime("aws:ec2/vpcEndpoint:VpcEndpoint", r -> "Interface".equals(r.input("vpcEndpointType").orElse(null)),
                    "interface VPC endpoint", MINUTE, 2 * MINUTE, "assumption: an interface endpoint becomes available in 1-2 min"),
            new ProvisioningTime("aws:ec2/instance:Instance", ANY, "EC2 instance (NAT instance)", MINUTE, MINUTE,
                    "assumption: the provider waits for the running state, under a minute"),
            new ProvisioningTime("*", ANY, "any other resource (one API call)", 10, 10,
                    "assumption: a create call and the provider's read-back"));

    private final ToIntFunction<ProvisioningTime> duration;
    private final Map<String, PlannedResource> byUrn = new HashMap<>();
    private final Map<String, List<PlannedResource>> childrenByParent = new HashMap<>();
    private final Map<String, Integer> finish = new HashMap<>();
    private final Map<String, String> predecessor = new HashMap<>();

    private DeployTimeEstimate(PlannedStack stack, ToIntFunction<ProvisioningTime> duration) {
        this.duration = duration;
        stack.resources().forEach(r -> {
            byUrn.put(r.urn(), r);
            if (r.parentUrn() != null) {
                childrenByParent.computeIfAbsent(r.parentUrn(), p -> new ArrayList<>()).add(r);
            }
        });
    }

    /**
     * One step of the critical path.
     *
     * @param resource the resource
     * @param time     its provisioning time
     * @param start    seconds after the update began when it starts (expected times)
     * @param finish   seconds after the update began when it is created (expected times)
     */
    public record Step(PlannedResource resource, ProvisioningTime time, int start, int finish) {
    }

    /**
     * The estimate: total wall time and the critical path, first resource first.
     *
     * @param seconds      expected wall time of a fresh {@code pulumi up} (the middle of every range)
     * @param upperSeconds wall time when every step takes the upper end of its range
     * @param criticalPath the chain of resources that decides the expected time
     */
    public record Report(int seconds, int upperSeconds, List<Step> criticalPath) {

        /** Expected minutes, rounded up. */
        public int minutes() {
            return roundUp(seconds);
        }

        /** Minutes when every step is at the upper end of its range, rounded up. */
        public int upperMinutes() {
            return roundUp(upperSeconds);
        }

        /** A structure for the plan JSON (Gson-serializable). */
        public Map<String, Object> toJson() {
            Map<String, Object> json = totals(seconds, upperSeconds, "critical path through the recorded dependencies with"
                    + " the middle of every provisioning range (upper: the upper end of every range); Pulumi parallelism and"
                    + " retries not modelled");
            json.put("criticalPath", criticalPath.stream().map(step -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("type", step.resource().type());
                row.put("name", step.resource().name());
                row.put("startSeconds", step.start());
                row.put("finishSeconds", step.finish());
                row.put("provisioning", step.time().label());
                row.put("source", step.time().source());
                return row;
            }).toList());
            json.put("provisioningTimes", TIMES.stream().map(t -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("type", t.type());
                row.put("case", t.label());
                row.put("lowSeconds", t.lowSeconds());
                row.put("highSeconds", t.highSeconds());
                row.put("expectedSeconds", t.expectedSeconds());
                row.put("source", t.source());
                return row;
            }).toList());
            return json;
        }

        /** The critical path as an aligned table, for the terminal. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "Estimated wall time of a fresh pulumi up: %d min expected, %d min if every step is as slow as its source"
                            + " allows (critical path, %d resources):%n",
                    minutes(), upperMinutes(), criticalPath.size()));
            int width = criticalPath.stream().mapToInt(s -> s.resource().type().length() + s.resource().name().length() + 1)
                    .max().orElse(0);
            for (Step step : criticalPath) {
                String what = step.resource().type() + " " + step.resource().name();
                out.append(String.format(Locale.ROOT, "  %s  %s  %s  (%s)%n", clock(step.start()),
                        what + " ".repeat(width - what.length()), clock(step.finish() - step.start()), step.time().source()));
            }
            return out.toString();
        }

        private static String clock(int seconds) {
            return String.format(Locale.ROOT, "%2d:%02d", seconds / 60, seconds % 60);
        }
    }

    /** Seconds as whole minutes, rounded up. */
    public static int roundUp(int seconds) {
        return (seconds + 59) / 60;
    }

    /**
     * The head of an estimate's JSON, the same for a fresh {@code pulumi up} and an update: expected and upper wall
     * time in seconds and minutes, and how they were computed.
     */
    public static Map<String, Object> totals(int seconds, int upperSeconds, String method) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("estimatedSeconds", seconds);
        json.put("estimatedMinutes", roundUp(seconds));
        json.put("upperSeconds", upperSeconds);
        json.put("upperMinutes", roundUp(upperSeconds));
        json.put("method", method);
        return json;
    }

    /** The estimate for a planned stack. */
    public static Report of(PlannedStack stack) {
        DeployTimeEstimate expected = new DeployTimeEstimate(stack, ProvisioningTime::expectedSeconds);
        PlannedResource last = expected.last(stack);
        List<Step> path = new ArrayList<>();
        for (String urn = last == null ? null : last.urn(); urn != null; urn = expected.predecessor.get(urn)) {
            PlannedResource r = expected.byUrn.get(urn);
            ProvisioningTime time = time(r);
            path.add(0, new Step(r, time, expected.finish(r) - time.expectedSeconds(), expected.finish(r)));
        }
        DeployTimeEstimate upper = new DeployTimeEstimate(stack, ProvisioningTime::highSeconds);
        PlannedResource lastUpper = upper.last(stack);
        return new Report(last == null ? 0 : expected.finish(last), lastUpper == null ? 0 : upper.finish(lastUpper),
                List.copyOf(path));
    }

    /** The custom resource created last (the first in URN order among equals), or null for an empty stack. */
    private PlannedResource last(PlannedStack stack) {
        PlannedResource last = null;
        for (PlannedResource r : stack.resources().stream().sorted(StackLinks.ORDER).toList()) {
            if (r.custom() && (last == null || finish(r) > finish(last))) {
                last = r;
            }
        }
        return last;
    }

    /** The provisioning time that applies to a resource. */
    public static ProvisioningTime time(PlannedResource r) {
        return TIMES.stream().filter(t -> (t.type().equals(r.type()) || t.type().equals("*")) && t.when().test(r))
                .findFirst().orElseThrow();
    }

    /** When a custom resource is created: its time after the latest of what it waits for. */
    private int finish(PlannedResource r) {
        Integer known = finish.get(r.urn());
        if (known != null) {
            return known;
        }
        int start = 0;
        for (PlannedResource waited : waitsFor(r)) {
            int done = finish(waited);
            if (done > start || done == start && !predecessor.containsKey(r.urn())) {
                start = done;
                predecessor.put(r.urn(), waited.urn());
            }
        }
        int done = start + duration.applyAsInt(time(r));
        finish.put(r.urn(), done);
        return done;
    }

    /** The custom resources {@code r} waits for: its dependencies, a component dependency meaning all below it. */
    private List<PlannedResource> waitsFor(PlannedResource r) {
        List<PlannedResource> waited = new ArrayList<>();
        for (String urn : r.dependencies()) {
            PlannedResource dependency = byUrn.get(urn);
            if (dependency != null && !dependency.urn().equals(r.urn())) {
                collectCustom(dependency, waited);
            }
        }
        PlannedResource parent = r.parentUrn() == null ? null : byUrn.get(r.parentUrn());
        if (parent != null && parent.custom()) {
            waited.add(parent);
        }
        return waited.stream().filter(w -> !w.type().startsWith("pulumi:")).sorted(StackLinks.ORDER).toList();
    }

    private void collectCustom(PlannedResource resource, List<PlannedResource> into) {
        if (resource.custom()) {
            into.add(resource);
            return;
        }
        childrenByParent.getOrDefault(resource.urn(), List.of()).forEach(child -> collectCustom(child, into));
    }
}

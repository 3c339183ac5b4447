package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.ResourceChange.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an update costs beyond its steps: stateful data that goes away with a replaced or deleted resource (and whether
 * a copy survives), and the serving paths a replacement interrupts, with the interruption to expect.
 */
public final class Consequences {

    /**
     * Data a replacement or delete takes away.
     *
     * @param resource  {@code type name}
     * @param category  the kind of data; with a {@link StatefulData} consent category when losing it gates the update
     * @param what      what is lost
     * @param survives  where a copy survives, if anywhere (a final snapshot, backups)
     */
    public record DataLoss(String resource, Category category, String what, Optional<String> survives) {

        /** One line for reports. */
        public String line() {
            return category.label() + ": " + resource + ": " + what + survives.map(s -> "; a copy survives: " + s).orElse("; no copy survives");
        }
    }

    /**
     * Kinds of data, each gated by the consent setting {@code acceptDataLoss} or reported only.
     *
     * @param consent the consent category, empty when losing this data is reported but does not gate
     * @param label   the kind as reports print it
     */
    public record Category(Optional<StatefulData> consent, String label) {
        static final Category DATABASE = new Category(Optional.of(StatefulData.DATABASE), "database");
        static final Category CACHE = new Category(Optional.of(StatefulData.CACHE), "cache");
        static final Category CONFIG_HISTORY = new Category(Optional.of(StatefulData.CONFIG_HISTORY), "config history");
        static final Category ENCRYPTION_KEY = new Category(Optional.of(StatefulData.ENCRYPTION_KEY), "encryption key");
        static final Category METRICS_HISTORY = new Category(Optional.of(StatefulData.METRICS_HISTORY), "metrics history");
        static final Category GENERATED_SECRETS = new Category(Optional.of(StatefulData.GENERATED_SECRETS), "generated secret");
        static final Category LOGS = new Category(Optional.empty(), "logs (reported, not gated)");
        static final Category IMAGES = new Category(Optional.empty(), "images (reported, not gated)");
    }

    /**
     * A serving path the update interrupts.
     *
     * @param resource {@code type name}
     * @param what     what stops or changes for clients
     * @param expected the interruption to expect
     */
    public record Interruption(String resource, String what, String expected) {

        /** One line for reports. */
        public String line() {
            return resource + ": " + what + " (expected: " + expected + ")";
        }
    }

    private Consequences() {
    }

    /** The data each replacement or delete takes away. */
    public static List<DataLoss> dataLoss(List<ResourceChange> changes) {
        List<DataLoss> losses = new ArrayList<>();
        for (ResourceChange c : changes) {
            if (!c.removesOld() || !c.custom()) {
                continue;
            }
            PlannedResource old = c.old().orElseThrow();
            String verb = c.op() == Op.REPLACE ? "replaced: the new one starts empty" : "deleted";
            Optional<String> retained = old.retainOnDelete()
                    ? Optional.of("the old resource is retained outside the stack (retainOnDelete) and keeps billing") : Optional.empty();
            switch (old.type()) {
                case "aws:rds/instance:Instance", "aws:rds/cluster:Cluster" -> losses.add(new DataLoss(c.label(), Category.DATABASE,
                        "PostgreSQL " + verb + " (virtual keys, teams, budgets, spend)",
                        retained.or(() -> old.flag("skipFinalSnapshot") ? Optional.empty()
                                : old.input("finalSnapshotIdentifier").map(id -> "final snapshot " + id + " (restore is a manual step)"))));
                case "aws:elasticache/replicationGroup:ReplicationGroup" -> losses.add(new DataLoss(c.label(), Category.CACHE,
                        "Redis " + verb + " (shared rate-limit and budget counters, response cache)",
                        retained.or(() -> old.input("finalSnapshotIdentifier").map(id -> "final snapshot " + id))));
                case "aws:s3/bucketV2:BucketV2" -> losses.add(new DataLoss(c.label(), versioned(old, changes) ? Category.CONFIG_HISTORY : Category.LOGS,
                        versioned(old, changes) ? "every published config version " + verb : "the objects in the bucket are " + verb,
                        retained));
                case "aws:kms/key:Key" -> {
                    if (retained.isEmpty()) {
                        losses.add(new DataLoss(c.label(), Category.ENCRYPTION_KEY, "the key is scheduled for deletion: after its window,"
                                + " everything encrypted with it (database snapshots, secrets, logs) is unreadable", Optional.empty()));
                    }
                }
                case "aws:efs/fileSystem:FileSystem" -> losses.add(new DataLoss(c.label(), Category.METRICS_HISTORY,
                        "the metrics history on the file system is " + verb,
                        retained.or(() -> backedUp(old, changes) ? Optional.of("AWS Backup recovery points of the file system") : Optional.empty())));
                case "random:index/randomPassword:RandomPassword" -> {
                    if (c.op() == Op.REPLACE && c.name().endsWith("salt-key")) {
                        losses.add(new DataLoss(c.label(), Category.GENERATED_SECRETS, "a new LiteLLM salt key: the provider"
                                + " credentials LiteLLM stored encrypted in the database can no longer be decrypted", Optional.empty()));
                    }
                }
                case "aws:cloudwatch/logGroup:LogGroup" -> losses.add(new DataLoss(c.label(), Category.LOGS,
                        "log events in " + old.output("name").orElse(c.name()) + " are deleted", retained));
                case "aws:ecr/repository:Repository" -> losses.add(new DataLoss(c.label(), Category.IMAGES,
                        "the images in the repository are deleted (CI can push them again)", retained));
                default -> {
                    // holds no data of its own
                }
            }
        }
        return List.copyOf(losses);
    }

    /** The serving paths each change interrupts. */
    public static List<Interruption> interruptions(List<ResourceChange> changes) {
        List<Interruption> interruptions = new ArrayList<>();
        for (ResourceChange c : changes) {
            if (!c.custom()) {
                continue;
            }
            String type = c.type();
            if (c.op() == Op.REPLACE || c.op() == Op.DELETE) {
                replacedPath(c).ifPresent(interruptions::add);
            } else if (c.op() == Op.UPDATE) {
                updatedPath(c).ifPresent(interruptions::add);
            }
            if (c.op() == Op.CREATE && type.equals("aws:cloudfront/distribution:Distribution")) {
                interruptions.add(new Interruption(c.label(), "a new distribution with a new domain name",
                        "clients reach it after it deploys to every edge location (3-15 min) and DNS points at it"));
            }
        }
        return List.copyOf(interruptions);
    }

    private static Optional<Interruption> replacedPath(ResourceChange c) {
        boolean replaced = c.op() == Op.REPLACE;
        String gap = c.deleteBeforeReplace() ? "deleted before its replacement exists" : "the new one takes over when dependents move";
        return Optional.ofNullable(switch (c.type()) {
            case "aws:lb/loadBalancer:LoadBalancer" -> new Interruption(c.label(), replaced
                    ? "a new load balancer with a new DNS name (" + gap + ")" : "the load balancer is deleted",
                    replaced && c.deleteBeforeReplace()
                            ? "no gateway from the delete until the new load balancer is active and its targets healthy: 3-4 min, plus the DNS"
                                    + " record's TTL for clients that use the stack's name"
                            : "clients using the old DNS name fail; the stack's own DNS name follows after its TTL");
            case "aws:lb/listener:Listener" -> new Interruption(c.label(), "the listener on port " + c.old().flatMap(o -> o.input("port"))
                    .map(port -> port instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(port)).orElse("?")
                    + (replaced ? " is recreated" : " is removed"), replaced ? "the port refuses connections between delete and create (seconds)"
                    : "clients of that port fail");
            case "aws:ecs/service:Service" -> new Interruption(c.label(), replaced ? "the ECS service is recreated (" + gap + ")" : "the ECS service is deleted",
                    replaced && !c.deleteBeforeReplace()
                            ? "no outage if the new service's tasks are healthy before the old service drains; double task cost meanwhile (2-5 min)"
                            : "no tasks serve from the delete until new tasks are healthy: 2-5 min");
            case "aws:ec2/natGateway:NatGateway" -> new Interruption(c.label(), "the NAT gateway " + (replaced ? "is replaced" : "is removed"),
                    "open outbound connections through it (model providers, registries) reset when the route moves; 1-2 min for a new gateway");
            case "aws:ec2/instance:Instance" -> new Interruption(c.label(), "the NAT instance " + (replaced ? "is replaced (new public address)" : "is removed"),
                    "outbound traffic of the private subnets stops until the new instance forwards: 1-2 min");
            case "aws:ec2clientvpn/endpoint:Endpoint" -> new Interruption(c.label(), "the Client VPN endpoint " + (replaced ? "is replaced" : "is removed"),
                    "every VPN session drops; users must import the new client configuration (it names the endpoint)");
            case "aws:cloudfront/distribution:Distribution" -> new Interruption(c.label(), "the distribution " + (replaced ? "is replaced" : "is removed"),
                    "its domain name stops answering; a replacement deploys in 3-15 min under a new domain name");
            case "aws:wafv2/webAclAssociation:WebAclAssociation" -> new Interruption(c.label(), "the web ACL is detached from the load balancer",
                    replaced ? "requests pass without WAF between disassociation and association (seconds)" : "requests pass without WAF from now on");
            case "aws:rds/clusterInstance:ClusterInstance" -> new Interruption(c.label(), "an Aurora instance " + (replaced ? "is replaced" : "is removed"),
                    "a writer replacement fails over to a reader (about 30-60 s of refused connections); a reader's removal moves reads to the writer");
            default -> null;
        });
    }

    private static Optional<Interruption> updatedPath(ResourceChange c) {
        List<String> diff = c.diffReasons();
        return Optional.ofNullable(switch (c.type()) {
            case "aws:rds/instance:Instance" -> diff.contains("instanceClass") || diff.contains("multiAz") || diff.contains("allocatedStorage")
                    ? new Interruption(c.label(), "the DB instance is modified (" + String.join(", ", diff) + ")",
                            "applied in the next maintenance window (applyImmediately is off); a class change restarts the instance:"
                                    + (c.goal().map(g -> g.flag("multiAz")).orElse(false) ? " a Multi-AZ failover, 60-120 s"
                                    : " several minutes without a database"))
                    : null;
            case "aws:rds/clusterInstance:ClusterInstance" -> diff.contains("instanceClass")
                    ? new Interruption(c.label(), "the Aurora instance class changes", "applied in the next maintenance window; the"
                            + " instance restarts (a failover to a reader where there is one, about 30-60 s)")
                    : null;
            case "aws:ecs/taskDefinition:TaskDefinition" -> null;
            case "aws:ecs/service:Service" -> diff.contains("taskDefinition") || diff.contains("capacityProviderStrategies")
                    || diff.contains("networkConfiguration") || diff.contains("loadBalancers")
                    ? new Interruption(c.label(), "a rolling deployment (" + String.join(", ", diff) + ")",
                            "none while new tasks pass their health checks before old ones stop (minimum healthy 100%); 2-5 min")
                    : null;
            case "aws:ec2/route:Route" -> diff.contains("natGatewayId") || diff.contains("networkInterfaceId")
                    ? new Interruption(c.label(), "the default route moves to another NAT", "open outbound connections reset")
                    : null;
            case "aws:route53/record:Record" -> new Interruption(c.label(), "the DNS record changes (" + String.join(", ", diff) + ")",
                    "clients follow after the record's TTL (an alias record: 60 s)");
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> diff.contains("nodeType") || diff.contains("numCacheClusters")
                    ? new Interruption(c.label(), "the cache is resized (" + String.join(", ", diff) + ")",
                            "online; a brief failover when the primary is replaced")
                    : null;
            default -> null;
        });
    }

    private static boolean versioned(PlannedResource bucket, List<ResourceChange> changes) {
        Optional<String> name = bucket.output("bucket").map(String::valueOf);
        return name.isPresent() && changes.stream().flatMap(c -> c.old().stream())
                .filter(r -> r.type().equals("aws:s3/bucketVersioningV2:BucketVersioningV2"))
                .anyMatch(r -> name.get().equals(r.input("bucket").map(String::valueOf).orElse(null))
                        && "Enabled".equals(r.input("versioningConfiguration.status").orElse(null)));
    }

    private static boolean backedUp(PlannedResource fileSystem, List<ResourceChange> changes) {
        return changes.stream().flatMap(c -> c.old().stream())
                .filter(r -> r.type().equals("aws:efs/backupPolicy:BackupPolicy"))
                .anyMatch(r -> fileSystem.id().equals(r.input("fileSystemId").map(String::valueOf).orElse(null))
                        && "ENABLED".equals(r.input("backupPolicy.status").orElse(null)));
    }
}

package dev.llmgateway.plan.update;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.plan.update.Problem.Kind;
import dev.llmgateway.plan.update.ResourceChange.Op;
import dev.llmgateway.plan.update.Steps.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What AWS (and the engine) does to the order {@code pulumi up} runs its steps in: a resource created while another
 * that AWS considers the same still exists (its own original in a create-before-delete replacement, or a renamed
 * twin deleted only at the end) is refused; a delete fails while something kept still uses the resource or while it
 * is protected. Every rule names the error a real run returns and the API reference that documents it.
 */
public final class AwsConstraints {

    private static final String EC2 = "Amazon EC2 API Reference, Error codes";
    private static final String ELB = "Elastic Load Balancing API Reference (v2015-12-01), ";

    /** The error CreateX returns for a name that exists, per type, with its reference. */
    private record NameClash(String code, String reference) {
    }

    private static final Map<String, NameClash> NAME_CLASHES = Map.ofEntries(
            Map.entry("aws:rds/cluster:Cluster", new NameClash("DBClusterAlreadyExistsFault", "Amazon RDS API Reference, CreateDBCluster")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", new NameClash("DBInstanceAlreadyExists", "Amazon RDS API Reference, CreateDBInstance")),
            Map.entry("aws:rds/instance:Instance", new NameClash("DBInstanceAlreadyExists", "Amazon RDS API Reference, CreateDBInstance")),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", new NameClash("DBSubnetGroupAlreadyExists", "Amazon RDS API Reference, CreateDBSubnetGroup")),
            Map.entry("aws:rds/parameterGroup:ParameterGroup", new NameClash("DBParameterGroupAlreadyExists", "Amazon RDS API Reference, CreateDBParameterGroup")),
            Map.entry("aws:rds/clusterParameterGroup:ClusterParameterGroup", new NameClash("DBParameterGroupAlreadyExists",
                    "Amazon RDS API Reference, CreateDBClusterParameterGroup")),
            Map.entry("aws:elasticache/replicationGroup:ReplicationGroup", new NameClash("ReplicationGroupAlreadyExists",
                    "Amazon ElastiCache API Reference, CreateReplicationGroup")),
            Map.entry("aws:elasticache/subnetGroup:SubnetGroup", new NameClash("CacheSubnetGroupAlreadyExists",
                    "Amazon ElastiCache API Reference, CreateCacheSubnetGroup")),
            Map.entry("aws:secretsmanager/secret:Secret", new NameClash("ResourceExistsException", "AWS Secrets Manager API Reference, CreateSecret")),
            Map.entry("aws:ssm/parameter:Parameter", new NameClash("ParameterAlreadyExists", "AWS Systems Manager API Reference, PutParameter")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", new NameClash("ResourceAlreadyExistsException", "Amazon CloudWatch Logs API Reference, CreateLogGroup")),
            Map.entry("aws:cloudwatch/logStream:LogStream", new NameClash("ResourceAlreadyExistsException", "Amazon CloudWatch Logs API Reference, CreateLogStream")),
            Map.entry("aws:iam/role:Role", new NameClash("EntityAlreadyExists", "AWS IAM API Reference, CreateRole")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", new NameClash("InvalidGroup.Duplicate", EC2)),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", new NameClash("DuplicateLoadBalancerName", ELB + "CreateLoadBalancer")),
            Map.entry("aws:lb/targetGroup:TargetGroup", new NameClash("DuplicateTargetGroupName", ELB + "CreateTargetGroup")),
            Map.entry("aws:kms/alias:Alias", new NameClash("AlreadyExistsException", "AWS KMS API Reference, CreateAlias")),
            Map.entry("aws:ecr/repository:Repository", new NameClash("RepositoryAlreadyExistsException", "Amazon ECR API Reference, CreateRepository")),
            Map.entry("aws:wafv2/webAcl:WebAcl", new NameClash("WAFDuplicateItemException", "AWS WAFV2 API Reference, CreateWebACL")),
            Map.entry("aws:efs/fileSystem:FileSystem", new NameClash("FileSystemAlreadyExists", "Amazon EFS API Reference, CreateFileSystem")),
            Map.entry("aws:scheduler/schedule:Schedule", new NameClash("ConflictException", "Amazon EventBridge Scheduler API Reference, CreateSchedule")),
            Map.entry("aws:servicediscovery/service:Service", new NameClash("ServiceAlreadyExists", "AWS Cloud Map API Reference, CreateService")),
            Map.entry("aws:ecs/service:Service", new NameClash("InvalidParameterException", "Amazon ECS API Reference, CreateService"
                    + " (\"Creation of service was not idempotent\")")),
            // These APIs overwrite (or return) the existing object: the create succeeds, and the delete of the old
            // resource at the end of the update then removes what the new one just wrote.
            Map.entry("aws:cloudwatch/dashboard:Dashboard", new NameClash("none: PutDashboard overwrites, then delete-replaced deletes it",
                    "Amazon CloudWatch API Reference, PutDashboard, DeleteDashboards")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", new NameClash("none: PutMetricAlarm overwrites, then delete-replaced deletes it",
                    "Amazon CloudWatch API Reference, PutMetricAlarm, DeleteAlarms")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", new NameClash("none: PutRule overwrites, then delete-replaced deletes it",
                    "Amazon EventBridge API Reference, PutRule, DeleteRule")),
            Map.entry("aws:sns/topic:Topic", new NameClash("none: CreateTopic returns the existing topic, then delete-replaced deletes it",
                    "Amazon SNS API Reference, CreateTopic")),
            Map.entry("aws:ecs/cluster:Cluster", new NameClash("none: CreateCluster returns the existing cluster, then delete-replaced deletes it",
                    "Amazon ECS API Reference, CreateCluster")));

    private final List<ResourceChange> changes;
    private final List<Step> steps;
    private final Map<String, ResourceChange> byUrn = new HashMap<>();
    /** Ids and ARNs to the URN of the resource that has them (the mock cloud gives both states the same values). */
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Integer> deletedAt = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private AwsConstraints(List<ResourceChange> changes) {
        this.changes = changes;
        this.steps = Steps.of(changes);
        for (ResourceChange change : changes) {
            byUrn.put(change.urn(), change);
            change.old().ifPresent(this::own);
            change.goal().ifPresent(this::own);
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.op().equals(Steps.DELETE_REPLACED) || step.op().equals(Op.DELETE.engineName())) {
                deletedAt.putIfAbsent(step.change().urn(), i);
            }
        }
    }

    /** Every problem a real update would hit, in step order. */
    public static List<Problem> of(List<ResourceChange> changes) {
        AwsConstraints constraints = new AwsConstraints(changes);
        constraints.protectedSteps();
        constraints.collisions();
        constraints.blockedDeletes();
        return List.copyOf(new LinkedHashSet<>(constraints.problems));
    }

    private void own(PlannedResource r) {
        if (r.id() != null && !r.id().isEmpty()) {
            owners.putIfAbsent(r.id(), r.urn());
        }
        r.output("arn").map(String::valueOf).ifPresent(arn -> owners.putIfAbsent(arn, r.urn()));
    }

    // ---- the engine: protect ----

    private void protectedSteps() {
        for (ResourceChange c : changes) {
            PlannedResource old = c.old().orElse(null);
            if (old == null || !old.protect()) {
                continue;
            }
            if (c.op() == Op.REPLACE && c.goal().map(PlannedResource::protect).orElse(false)) {
                problems.add(new Problem(Kind.PROTECTED, c.label(), "pulumi", "unable to replace resource as it is currently marked"
                        + " for protection (replaced for " + String.join(", ", c.replaceReasons()) + ")",
                        "pulumi/pulumi pkg/resource/deploy/step_generator.go"));
            } else if (c.op() == Op.DELETE) {
                problems.add(new Problem(Kind.PROTECTED, c.label(), "pulumi", "resource cannot be deleted because it is protected",
                        "pulumi/pulumi pkg/resource/deploy/step.go deleteProtectedError"));
            }
        }
    }

    // ---- collisions: a new resource against what still exists ----

    private void collisions() {
        for (int at = 0; at < steps.size(); at++) {
            Step step = steps.get(at);
            if (!step.op().equals(Op.CREATE.engineName()) && !step.op().equals(Steps.CREATE_REPLACEMENT)) {
                continue;
            }
            PlannedResource created = step.change().goal().orElseThrow();
            for (ResourceChange other : changes) {
                PlannedResource existing = other.old().orElse(null);
                if (existing == null || deletedAt.getOrDefault(other.urn(), Integer.MAX_VALUE) < at) {
                    continue;
                }
                if (other.op() == Op.SAME || other.op() == Op.UPDATE) {
                    if (other.urn().equals(created.urn())) {
                        continue;
                    }
                    // A kept resource as it is after its update; an updated one also as it was, because the engine does
                    // not order two resources neither of which depends on the other.
                    int found = problems.size();
                    clash(step.change(), created, other, other.goal().orElse(existing), "");
                    if (other.op() == Op.UPDATE && problems.size() == found) {
                        clash(step.change(), created, other, existing, " before its update (the engine orders neither first)");
                    }
                    continue;
                }
                clash(step.change(), created, other, existing, "");
            }
        }
    }

    private void clash(ResourceChange change, PlannedResource created, ResourceChange other, PlannedResource existing, String when) {
        boolean original = other.urn().equals(created.urn());
        String with = original ? "its original, which is deleted only after the replacement is created"
                : existing.type() + " " + existing.name() + (other.removesOld() ? ", deleted only at the end of the update" : "") + when;
        if (!created.type().equals(existing.type())) {
            return;
        }
        String type = created.type();
        newName(created).filter(name -> name.equals(deployedName(existing).orElse(null))).ifPresent(name -> {
            NameClash clash = NAME_CLASHES.get(type);
            if (clash != null) {
                add(Kind.COLLISION, change, clash.code(), "the name '" + name + "' is still taken by " + with, clash.reference());
            }
        });
        switch (type) {
            case "aws:ec2/subnet:Subnet" -> subnetOverlap(change, created, existing, with);
            case "aws:lb/listener:Listener" -> {
                if (same(created, "loadBalancerArn", existing, change) && equal(created, existing, "port")) {
                    add(Kind.COLLISION, change, "DuplicateListener", "port " + number(created, "port") + " on the same load balancer is"
                            + " still served by " + with, ELB + "CreateListener");
                }
            }
            case "aws:lb/listenerRule:ListenerRule" -> {
                if (same(created, "listenerArn", existing, change) && equal(created, existing, "priority")) {
                    add(Kind.COLLISION, change, "PriorityInUse", "priority " + number(created, "priority") + " on the same listener is"
                            + " still held by " + with, ELB + "CreateRule");
                }
            }
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> {
                if (same(created, "securityGroupId", existing, change) && equal(created, existing, "ipProtocol")
                        && equal(created, existing, "fromPort") && equal(created, existing, "toPort")
                        && equal(created, existing, "cidrIpv4") && equal(created, existing, "prefixListId")
                        && sameOrBothAbsent(created, "referencedSecurityGroupId", existing, change)) {
                    add(Kind.COLLISION, change, "InvalidPermission.Duplicate", "the same permission already exists in the group: " + with, EC2);
                }
            }
            case "aws:ec2/routeTableAssociation:RouteTableAssociation" -> {
                if (same(created, "subnetId", existing, change)) {
                    add(Kind.COLLISION, change, "Resource.AlreadyAssociated", "the subnet is still associated through " + with, EC2);
                }
            }
            case "aws:ec2/route:Route" -> {
                if (same(created, "routeTableId", existing, change) && equal(created, existing, "destinationCidrBlock")) {
                    add(Kind.COLLISION, change, "RouteAlreadyExists", "the route table still has that destination through " + with, EC2);
                }
            }
            case "aws:route53/record:Record" -> {
                if (equal(created, existing, "zoneId") && equal(created, existing, "name") && equal(created, existing, "type")) {
                    add(Kind.COLLISION, change, "InvalidChangeBatch", "the record set still exists as " + with,
                            "Amazon Route 53 API Reference, ChangeResourceRecordSets (CREATE of an existing record)");
                }
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                if (created.flag("privateDnsEnabled") && existing.flag("privateDnsEnabled") && same(created, "vpcId", existing, change)
                        && equal(created, existing, "serviceName")) {
                    add(Kind.COLLISION, change, "InvalidParameter", "private DNS for " + created.input("serviceName").orElse("")
                            + " is still held by " + with, EC2 + " (CreateVpcEndpoint: conflicting DNS domain)");
                }
            }
            default -> {
                // no uniqueness beyond the name
            }
        }
        if (type.equals("aws:lb/listener:Listener") || type.equals("aws:lb/listenerRule:ListenerRule")) {
            targetGroupOnTwoBalancers(change, created, existing, with);
        }
    }

    private void subnetOverlap(ResourceChange change, PlannedResource created, PlannedResource existing, String with) {
        Optional<Cidr> mine = created.input("cidrBlock").map(String::valueOf).map(Cidr::of);
        Optional<Cidr> theirs = existing.input("cidrBlock").map(String::valueOf).map(Cidr::of);
        if (mine.isPresent() && theirs.isPresent() && mine.get().overlaps(theirs.get()) && same(created, "vpcId", existing, change)) {
            add(Kind.COLLISION, change, "InvalidSubnet.Conflict", mine.get() + " overlaps " + theirs.get() + " of " + with, EC2);
        }
    }

    /** A listener or rule that forwards to a target group that another load balancer's listener still uses. */
    private void targetGroupOnTwoBalancers(ResourceChange change, PlannedResource created, PlannedResource existing, String with) {
        Optional<String> mine = balancer(created, true);
        Optional<String> theirs = balancer(existing, false);
        if (mine.isEmpty() || theirs.isEmpty() || mine.equals(theirs)) {
            return;
        }
        for (String group : targetGroups(created)) {
            if (targetGroups(existing).contains(group) && identity(group, true).equals(identity(group, false))) {
                add(Kind.COLLISION, change, "TargetGroupAssociationLimit", "target group " + label(group)
                        + " is still attached to another load balancer through " + with + " (a target group serves one load balancer)",
                        ELB + (created.type().endsWith("Listener") ? "CreateListener" : "CreateRule"));
                return;
            }
        }
    }

    /** The load balancer (URN and generation) a listener or listener rule belongs to. */
    private Optional<String> balancer(PlannedResource r, boolean goal) {
        if (r.type().equals("aws:lb/listener:Listener")) {
            return r.input("loadBalancerArn").map(String::valueOf).map(arn -> identity(arn, goal));
        }
        return r.input("listenerArn").map(String::valueOf).map(owners::get).map(byUrn::get)
                .flatMap(listener -> (goal ? listener.goal() : listener.old()).flatMap(l -> balancer(l, goal)));
    }

    private static Set<String> targetGroups(PlannedResource r) {
        Set<String> groups = new LinkedHashSet<>();
        Object actions = r.input(r.type().endsWith("Listener") ? "defaultActions" : "actions").orElse(List.of());
        Set<String> strings = new LinkedHashSet<>();
        Values.strings(actions, strings);
        strings.stream().filter(s -> s.contains(":targetgroup/")).forEach(groups::add);
        return groups;
    }

    // ---- blocked deletes ----

    private void blockedDeletes() {
        for (ResourceChange c : changes) {
            if (!c.removesOld() || !c.custom()) {
                continue;
            }
            PlannedResource old = c.old().orElseThrow();
            if (old.retainOnDelete()) {
                continue;
            }
            switch (old.type()) {
                case "aws:rds/instance:Instance", "aws:rds/cluster:Cluster" -> {
                    if (old.flag("deletionProtection")) {
                        add(Kind.BLOCKED_DELETE, c, "InvalidParameterCombination", "deletion protection is on (\"Cannot delete protected"
                                + " DB " + (old.type().endsWith("Cluster") ? "Cluster" : "Instance") + ", please disable deletion protection"
                                + " and try again\")", "Amazon RDS API Reference, DeleteDB" + (old.type().endsWith("Cluster") ? "Cluster" : "Instance"));
                    }
                }
                case "aws:lb/loadBalancer:LoadBalancer" -> {
                    if (old.flag("enableDeletionProtection")) {
                        add(Kind.BLOCKED_DELETE, c, "OperationNotPermitted", "deletion protection is on", ELB + "DeleteLoadBalancer");
                    }
                }
                case "aws:s3/bucketV2:BucketV2" -> {
                    if (!old.flag("forceDestroy")) {
                        add(Kind.BLOCKED_DELETE, c, "BucketNotEmpty", "the bucket holds objects and forceDestroy is off",
                                "Amazon S3 API Reference, DeleteBucket");
                    }
                }
                case "aws:ecr/repository:Repository" -> {
                    if (!old.flag("forceDelete")) {
                        add(Kind.BLOCKED_DELETE, c, "RepositoryNotEmptyException", "the repository holds the images CI pushed and forceDelete is off",
                                "Amazon ECR API Reference, DeleteRepository");
                    }
                }
                case "aws:ec2/subnet:Subnet" -> subnetInUse(c, old);
                case "aws:rds/subnetGroup:SubnetGroup" -> groupInUse(c, old, "dbSubnetGroupName", "InvalidDBSubnetGroupStateFault",
                        "Amazon RDS API Reference, DeleteDBSubnetGroup");
                case "aws:rds/parameterGroup:ParameterGroup" -> groupInUse(c, old, "parameterGroupName", "InvalidDBParameterGroupState",
                        "Amazon RDS API Reference, DeleteDBParameterGroup");
                case "aws:rds/clusterParameterGroup:ClusterParameterGroup" -> groupInUse(c, old, "dbClusterParameterGroupName",
                        "InvalidDBParameterGroupState", "Amazon RDS API Reference, DeleteDBClusterParameterGroup");
                case "aws:elasticache/subnetGroup:SubnetGroup" -> groupInUse(c, old, "subnetGroupName", "CacheSubnetGroupInUse",
                        "Amazon ElastiCache API Reference, DeleteCacheSubnetGroup");
                case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" -> keptUsers(old, "namespaceId").findFirst().ifPresent(user ->
                        add(Kind.BLOCKED_DELETE, c, "ResourceInUse", "service " + user.name() + " is still registered in the namespace",
                                "AWS Cloud Map API Reference, DeleteNamespace"));
                default -> {
                    // deletes AWS does not refuse
                }
            }
        }
        secretNamesInRecovery();
        parameterGroupFamilies();
    }

    /**
     * A kept database moved to a replaced parameter group of another family: its engine version is the deployed one (the
     * program leaves engine-version drift alone), and RDS refuses a group whose family is not the engine's.
     */
    private void parameterGroupFamilies() {
        for (ResourceChange db : changes) {
            String property = db.type().equals("aws:rds/instance:Instance") ? "parameterGroupName"
                    : db.type().equals("aws:rds/cluster:Cluster") ? "dbClusterParameterGroupName" : null;
            if (property == null || db.op() != Op.UPDATE || !db.diffReasons().contains(property)) {
                continue;
            }
            PlannedResource old = db.old().orElseThrow();
            Optional<String> major = old.input("engineVersion").map(String::valueOf).map(v -> v.split("\\.")[0]);
            Optional<String> oldGroup = old.input(property).map(String::valueOf);
            changes.stream().filter(g -> g.op() == Op.REPLACE && g.type().contains("arameterGroup")
                            && g.old().flatMap(o -> o.output("name")).map(String::valueOf).equals(oldGroup))
                    .map(g -> String.valueOf(g.goal().flatMap(n -> n.input("family")).orElse("")))
                    .filter(family -> major.isPresent() && !family.endsWith(major.get()))
                    .findFirst().ifPresent(family -> add(Kind.COLLISION, db, "InvalidParameterCombination", "the new parameter group's"
                            + " family " + family + " does not match the running engine version " + old.input("engineVersion").orElse("?")
                            + " (engine-version changes are ignored after creation)", "Amazon RDS API Reference, ModifyDB"
                            + (db.type().endsWith("Cluster") ? "Cluster" : "Instance")));
        }
    }

    /**
     * A subnet cannot be deleted while network interfaces remain in it. Load balancers, endpoints and services move to the
     * new subnets in place, but an RDS or ElastiCache node stays where it runs: its subnet group cannot drop the subnet,
     * and the subnet keeps the node's interface.
     */
    private void subnetInUse(ResourceChange c, PlannedResource subnet) {
        for (ResourceChange group : changes) {
            PlannedResource deployedGroup = group.old().orElse(null);
            if (deployedGroup == null || !(deployedGroup.type().equals("aws:rds/subnetGroup:SubnetGroup")
                    || deployedGroup.type().equals("aws:elasticache/subnetGroup:SubnetGroup"))
                    || !deployedGroup.list("subnetIds").contains(subnet.id())) {
                continue;
            }
            String property = deployedGroup.type().startsWith("aws:rds") ? "dbSubnetGroupName" : "subnetGroupName";
            keptNodes(deployedGroup, property).forEach(node -> add(Kind.BLOCKED_DELETE, c, "DependencyViolation",
                    node.type() + " " + node.name() + " stays where AWS placed it, in any subnet of its group "
                            + deployedGroup.name() + " (a standby, a reader or a failover may be in this one); while its network"
                            + " interface is there the group cannot drop the subnet and the subnet has dependencies",
                    EC2 + ", DeleteSubnet"));
        }
    }

    private void groupInUse(ResourceChange c, PlannedResource group, String property, String code, String reference) {
        keptUsers(group, property).findFirst().ifPresent(user -> add(Kind.BLOCKED_DELETE, c, code,
                user.type() + " " + user.name() + " still uses it after the update", reference));
    }

    /** Resources that reference {@code used} (its id or name) in {@code property} and still do after the update. */
    private java.util.stream.Stream<PlannedResource> keptUsers(PlannedResource used, String property) {
        return users(used, property).filter(u -> !u.diffReasons().contains(property)).map(u -> u.goal().orElseThrow());
    }

    /** RDS and ElastiCache nodes kept by the update that run in subnets of {@code group}: they stay where they run. */
    private java.util.stream.Stream<PlannedResource> keptNodes(PlannedResource group, String property) {
        return users(group, property).filter(u -> u.type().startsWith("aws:rds/") || u.type().startsWith("aws:elasticache/"))
                .map(u -> u.goal().orElseThrow());
    }

    /** Kept resources (same or updated) whose deployed {@code property} references {@code used}. */
    private java.util.stream.Stream<ResourceChange> users(PlannedResource used, String property) {
        Set<String> identities = identities(used);
        return changes.stream().filter(u -> u.op() == Op.SAME || u.op() == Op.UPDATE)
                .filter(u -> u.old().flatMap(o -> o.input(property)).map(String::valueOf).filter(identities::contains).isPresent());
    }

    private static Set<String> identities(PlannedResource r) {
        Set<String> identities = new LinkedHashSet<>();
        identities.add(r.id());
        r.output("name").map(String::valueOf).ifPresent(identities::add);
        return identities;
    }

    /**
     * A Secrets Manager secret deleted first and created again under the same name: the deleted one waits out its
     * recovery window under that name.
     */
    private void secretNamesInRecovery() {
        for (ResourceChange c : changes) {
            if (c.op() != Op.REPLACE || !c.deleteBeforeReplace() || !c.type().equals("aws:secretsmanager/secret:Secret")) {
                continue;
            }
            PlannedResource old = c.old().orElseThrow();
            Object window = old.input("recoveryWindowInDays").orElse(30.0);
            if (!(window instanceof Number n && n.intValue() == 0)) {
                add(Kind.COLLISION, c, "InvalidRequestException", "the deleted secret keeps its name for its " + window
                        + "-day recovery window (\"a secret with this name is already scheduled for deletion\")",
                        "AWS Secrets Manager API Reference, CreateSecret, DeleteSecret");
            }
        }
    }

    // ---- helpers ----

    private void add(Kind kind, ResourceChange change, String code, String why, String reference) {
        problems.add(new Problem(kind, change.label(), code, why, reference));
    }

    /** The name a created resource asks for: only an explicit one (a generated name is new). */
    private static Optional<String> newName(PlannedResource r) {
        return nameProperty(r.type()).flatMap(r::input).map(String::valueOf);
    }

    private static Optional<String> deployedName(PlannedResource r) {
        return nameProperty(r.type()).flatMap(p -> r.output(p).or(() -> r.input(p))).map(String::valueOf);
    }

    private static Optional<String> nameProperty(String type) {
        return NameRule.forType(type).map(NameRule::property).or(() -> NAME_CLASHES.containsKey(type) ? Optional.of("name") : Optional.empty());
    }

    /** Whether a reference property names the same resource on both sides: a replaced or new resource is another one. */
    private boolean same(PlannedResource created, String property, PlannedResource existing, ResourceChange change) {
        Optional<String> mine = created.input(property).map(String::valueOf);
        Optional<String> theirs = existing.input(property).map(String::valueOf);
        return mine.isPresent() && theirs.isPresent() && identity(mine.get(), true).equals(identity(theirs.get(), false));
    }

    private boolean sameOrBothAbsent(PlannedResource created, String property, PlannedResource existing, ResourceChange change) {
        boolean mine = created.input(property).isPresent();
        boolean theirs = existing.input(property).isPresent();
        return !mine && !theirs || mine && theirs && same(created, property, existing, change);
    }

    /** A referenced value as resource identity: its owner's URN and whether the goal side refers to a new instance. */
    private String identity(String value, boolean goal) {
        String owner = owners.get(value);
        if (owner == null) {
            return value;
        }
        ResourceChange change = byUrn.get(owner);
        boolean renewed = goal && change != null && (change.op() == Op.REPLACE || change.op() == Op.CREATE);
        return owner + (renewed ? "#new" : "#old");
    }

    private String label(String value) {
        String owner = owners.get(value);
        ResourceChange change = owner == null ? null : byUrn.get(owner);
        return change == null ? value : change.name();
    }

    private static boolean equal(PlannedResource a, PlannedResource b, String property) {
        return Objects.equals(Values.normal(a.input(property).orElse(null)), Values.normal(b.input(property).orElse(null)));
    }

    private static String number(PlannedResource r, String property) {
        Object value = Secret.reveal(r.input(property).orElse(""));
        return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
    }
}

package dev.llmgateway.plan;

import com.google.gson.JsonElement;
import dev.llmgateway.components.network.DeclaredNetwork;
import dev.llmgateway.engine.PlannedFlow;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a planned stack as a Mermaid {@code flowchart LR} laid out in tiers from left to right: clients, the
 * entry (CloudFront, WAF, Client VPN, load balancer), the service (ECS), the data (database, cache, secrets,
 * config), with the network (VPC and its subnets, NAT, endpoints) and keys and alarms in their own groups, a node
 * for each resource a reader cares about (summarised where there are many: subnets per tier in the VPC's box,
 * secrets, keys, alarms) named after its component, and edges. Network edges come from the stack's
 * declared flows ({@link PlannedFlow}): each end is drawn where its security group is used (load
 * balancer, ECS service, database, cache, VPN endpoint, interface endpoints), its address range
 * (clients; the internet through the NAT to the LLM providers) or its prefix list (CloudFront),
 * labelled with the port; nothing is guessed. Other edges follow the resources' own links
 * (the one-off tasks a deploy runs before the services, what WAF protects, secrets read).
 * The output is deterministic: the same stack gives the same bytes.
 */
public final class MermaidDiagram {

    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String COMMAND = "command:local:Command";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String CLOUDFRONT = "aws:cloudfront/distribution:Distribution";
    private static final String VPN_ENDPOINT = "aws:ec2clientvpn/endpoint:Endpoint";
    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    /** Node ids of the secret stores, in drawing order. */
    private static final List<String> VAULTS = List.of("secrets", "parameters");
    /** Inputs through which a resource joins security groups. */
    private static final List<String> GROUP_INPUTS = List.of("securityGroups", "securityGroupIds", "vpcSecurityGroupIds",
            "networkConfiguration.securityGroups");
    private static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    private static final String ROUTE_TABLE_ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String INTERNET_GATEWAY = "aws:ec2/internetGateway:InternetGateway";
    private static final String ANYWHERE = "0.0.0.0/0";

    /** A box: id and Mermaid shape with the quoted label. */
    private record Node(String id, String shape) {
    }

    private final PlannedStack stack;
    private final Map<String, PlannedResource> byUrn = new HashMap<>();
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Set<String> edges = new TreeSet<>();
    /** Node ids per security group id: the drawn resources that use the group. */
    private final Map<String, Set<String>> nodesOfGroup = new HashMap<>();
    /** Node id per resource URN, for the resources drawn one by one. */
    private final Map<String, String> idOf = new HashMap<>();
    /** What the network tier's box is titled with: the VPC and its subnets per tier. */
    private final List<String> networkTitles = new ArrayList<>();

    private MermaidDiagram(PlannedStack stack) {
        this.stack = stack;
        stack.resources().forEach(r -> byUrn.put(r.urn(), r));
    }

    /** The diagram of a planned stack, as Mermaid source. */
    public static String render(PlannedStack stack) {
        MermaidDiagram diagram = new MermaidDiagram(stack);
        diagram.collect();
        return diagram.text();
    }

    private void collect() {
        network();
        each(LOAD_BALANCER, "alb", lb -> "ALB " + lb.name() + "<br/>" + (lb.flag("internal") ? "internal" : "internet-facing")
                + StackLinks.dependents(stack, lb, LISTENER).stream().sorted(StackLinks.ORDER).map(l -> "<br/>" + listenerLabel(l))
                .collect(Collectors.joining()));
        each(SERVICE, "svc", s -> "ECS service " + s.name() + "<br/>desired " + CostReport.number(
                StackLinks.number(s, "desiredCount").orElse(0.0))
                + StackLinks.dependencies(stack, s, TASK_DEFINITION).stream().map(t -> "<br/>" + taskLabel(t)).collect(Collectors.joining()));
        // The deploy's one-off tasks: pulumi up runs each once per change of its inputs, before the services.
        each(COMMAND, "run", c -> "pulumi up runs " + StackLinks.text(c, "environment.FAMILY").orElse(c.name()) + " once per deploy"
                + StackLinks.dependencies(stack, c, TASK_DEFINITION).stream().map(t -> "<br/>" + taskLabel(t)).collect(Collectors.joining()));
        store(CLUSTER, "db", c -> "Aurora " + c.name() + "<br/>"
                + StackLinks.text(c, "engine").orElse("?") + ", "
                + StackLinks.dependents(stack, c, CLUSTER_INSTANCE).size() + " instance(s)");
        store("aws:rds/instance:Instance", "db", db -> "RDS " + db.name() + "<br/>"
                + StackLinks.text(db, "instanceClass").orElse("?") + (db.flag("multiAz") ? ", Multi-AZ" : ""));
        store("aws:elasticache/replicationGroup:ReplicationGroup", "cache",
                c -> "ElastiCache " + c.name() + "<br/>" + StackLinks.text(c, "engine").orElse("redis"));
        each(VPN_ENDPOINT, "vpn", v -> "Client VPN " + v.name() + "<br/>"
                + StackLinks.dependents(stack, v, "aws:ec2clientvpn/networkAssociation:NetworkAssociation").size()
                + " subnet association(s)");
        each(CLOUDFRONT, "cdn", d -> "CloudFront " + d.name());
        each("aws:wafv2/webAcl:WebAcl", "waf", w -> "WAF " + w.name() + "<br/>" + w.list("rules").size() + " rules");
        summary("endpoints", "%d interface endpoint%s", stack.ofType(VPC_ENDPOINT).stream()
                .filter(e -> "Interface".equals(e.input("vpcEndpointType").orElse(null))).toList());
        vault("secrets", "Secrets Manager", stack.ofType("aws:secretsmanager/secret:Secret"));
        vault("parameters", "Parameter Store", stack.ofType("aws:ssm/parameter:Parameter"));
        List<PlannedResource> buckets = sorted(BUCKET);
        if (!buckets.isEmpty()) {
            add("buckets", "[(\"" + escape(buckets.stream().map(this::bucketLabel).collect(Collectors.joining("<br/>"))) + "\")]");
        }
        summary("kms", "KMS (%d key%s)", stack.ofType("aws:kms/key:Key"));
        List<PlannedResource> monitoring = stack.where(r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                || r.type().equals("aws:sns/topic:Topic"));
        if (!monitoring.isEmpty()) {
            add("alarms", box(count(monitoring, "aws:cloudwatch/metricAlarm:MetricAlarm") + " alarm(s) → SNS ("
                    + count(monitoring, "aws:sns/topic:Topic") + " topic(s))"));
        }
        requestPath();
    }

    private static long count(List<PlannedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }

    /**
     * VPCs with their subnets counted per tier in their box, the NAT (gateways or instances), and an existing network
     * the stack deploys into with its declared route out.
     */
    private void network() {
        for (PlannedResource vpc : sorted("aws:ec2/vpc:Vpc")) {
            Map<String, Long> tiers = StackLinks.dependents(stack, vpc, SUBNET).stream()
                    .collect(Collectors.groupingBy(this::tier, TreeMap::new, Collectors.counting()));
            networkTitles.add("VPC " + vpc.name() + " " + StackLinks.text(vpc, "cidrBlock").orElse("") + ": " + subnetCounts(tiers));
        }
        for (DeclaredNetwork existing : stack.networks()) {
            Map<String, Long> tiers = existing.subnets().stream()
                    .collect(Collectors.groupingBy(DeclaredNetwork.Subnet::tier, TreeMap::new, Collectors.counting()));
            networkTitles.add("existing VPC " + existing.vpcId() + " " + existing.cidr() + ": " + subnetCounts(tiers) + " (declared)");
            existing.subnets().stream().filter(sn -> sn.tier().equals("private")).flatMap(sn -> sn.routes().stream())
                    .map(DeclaredNetwork.Route::target).distinct().sorted()
                    .forEach(target -> single(id("egress", target), box("route out: " + target + " (declared)")));
        }
        summary("nat", "%d NAT gateway%s", stack.ofType("aws:ec2/natGateway:NatGateway"));
        List<PlannedResource> natInstances = stack.ofType("aws:ec2/instance:Instance").stream()
                .filter(i -> i.input("sourceDestCheck").map(Boolean.FALSE::equals).orElse(false)).toList();
        if (!natInstances.isEmpty()) {
            add("natinstance", box(natInstances.size() + " NAT instance(s)<br/>"
                    + StackLinks.text(natInstances.get(0), "instanceType").orElse("")));
        }
    }

    private static String subnetCounts(Map<String, Long> tiers) {
        return tiers.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + " subnets";
    }

    /**
     * A subnet's tier as AWS routes it, whatever its name: the route table associated with it (else the VPC's main
     * table, which routes only inside the VPC) sends 0.0.0.0/0 to an internet gateway (public), to a NAT gateway or a
     * NAT instance's interface (private), or nowhere (isolated).
     */
    private String tier(PlannedResource subnet) {
        Optional<Object> table = stack.ofType(ROUTE_TABLE_ASSOCIATION).stream()
                .filter(a -> a.input("subnetId").map(subnet.id()::equals).orElse(false))
                .findFirst().flatMap(a -> a.input("routeTableId"));
        if (table.isEmpty()) {
            return "isolated";
        }
        List<Map<?, ?>> defaultRoutes = new ArrayList<>();
        stack.ofType(ROUTE).stream()
                .filter(r -> r.input("routeTableId").equals(table) && r.input("destinationCidrBlock").map(ANYWHERE::equals).orElse(false))
                .forEach(r -> defaultRoutes.add(r.inputs()));
        stack.ofType(ROUTE_TABLE).stream().filter(t -> table.get().equals(t.id()))
                .flatMap(t -> t.input("routes").map(routes -> (List<?>) routes).orElse(List.of()).stream())
                .filter(route -> route instanceof Map<?, ?> map && ANYWHERE.equals(map.get("cidrBlock")))
                .forEach(route -> defaultRoutes.add((Map<?, ?>) route));
        Set<String> internetGateways = stack.ofType(INTERNET_GATEWAY).stream().map(PlannedResource::id).collect(Collectors.toSet());
        if (defaultRoutes.stream().anyMatch(route -> internetGateways.contains(String.valueOf(route.get("gatewayId"))))) {
            return "public";
        }
        return defaultRoutes.stream().anyMatch(route -> route.get("natGatewayId") != null || route.get("networkInterfaceId") != null)
                ? "private" : "isolated";
    }

    private String listenerLabel(PlannedResource listener) {
        String protocol = StackLinks.text(listener, "protocol").orElse("?");
        String port = CostReport.number(StackLinks.number(listener, "port").orElse(0.0));
        return protocol + " :" + port + (redirects(listener) ? " → HTTPS" : "");
    }

    private static boolean redirects(PlannedResource listener) {
        return listener.list("defaultActions").stream()
                .allMatch(a -> a instanceof Map<?, ?> action && "redirect".equals(action.get("type")));
    }

    private String taskLabel(PlannedResource task) {
        List<String> containers = StackLinks.json(task, "containerDefinitions").filter(JsonElement::isJsonArray)
                .map(json -> json.getAsJsonArray().asList().stream().filter(JsonElement::isJsonObject)
                        .map(c -> c.getAsJsonObject().has("name") ? c.getAsJsonObject().get("name").getAsString() : "?")
                        .toList())
                .orElse(List.of());
        return "task: " + (containers.isEmpty() ? "no containers" : String.join(", ", containers));
    }

    /** Edges: the declared network flows, then the links between resources that are not network flows. */
    private void requestPath() {
        groups();
        List<PlannedResource> cdns = sorted(CLOUDFRONT);
        if (!cdns.isEmpty()) {
            single("clients", "((\"Clients\"))");
            cdns.forEach(cdn -> link("clients", cdn));
        }
        List<PlannedResource> vpns = sorted(VPN_ENDPOINT);
        if (!vpns.isEmpty()) {
            single("vpnusers", "((\"VPN users\"))");
            vpns.forEach(vpn -> link("vpnusers", vpn));
        }
        stack.flows().forEach(this::flow);
        List<PlannedResource> lbs = sorted(LOAD_BALANCER);
        for (PlannedResource acl : sorted("aws:wafv2/webAcl:WebAcl")) {
            boolean edge = "CLOUDFRONT".equals(acl.input("scope").orElse(null));
            (edge ? cdns : lbs).forEach(target -> edges.add(idOf.get(acl.urn()) + " -.->|protects| " + idOf.get(target.urn())));
        }
        for (PlannedResource run : sorted(COMMAND)) {
            StackLinks.dependencies(stack, run, COMMAND).forEach(before -> edges.add(idOf.get(before.urn()) + " -.->|then| " + idOf.get(run.urn())));
        }
        for (PlannedResource service : sorted(SERVICE)) {
            String serviceId = idOf.get(service.urn());
            StackLinks.dependencies(stack, service, COMMAND).forEach(run -> edges.add(idOf.get(run.urn()) + " -.->|before| " + serviceId));
            VAULTS.stream().filter(nodes::containsKey).forEach(vault -> edges.add(serviceId + " -.->|reads| " + vault));
            if (nodes.containsKey("alarms")) {
                edges.add("alarms -.->|watch| " + serviceId);
            }
            if (service.flag("enableExecuteCommand")) {
                single("operators", "((\"Operators\"))");
                edges.add("operators -.->|SSM port forwarding| " + serviceId);
            }
        }
        if (nodes.containsKey("kms")) {
            VAULTS.stream().filter(nodes::containsKey).forEach(vault -> edges.add("kms -.->|encrypts| " + vault));
        }
    }

    /** Which drawn nodes stand for each security group: the resources that join it. */
    private void groups() {
        idOf.forEach((urn, id) -> GROUP_INPUTS.forEach(input -> byUrn.get(urn).list(input)
                .forEach(group -> nodesOfGroup.computeIfAbsent(String.valueOf(group), g -> new TreeSet<>()).add(id))));
        // A one-off task's run names its groups in the command's environment (run-task.sh passes them to ECS).
        stack.ofType(COMMAND).forEach(run -> StackLinks.text(run, "environment.SECURITY_GROUPS").ifPresent(groups ->
                java.util.Arrays.stream(groups.split(",")).forEach(group ->
                        nodesOfGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(idOf.get(run.urn())))));
        if (nodes.containsKey("endpoints")) {
            stack.ofType(VPC_ENDPOINT).forEach(e -> e.list("securityGroupIds")
                    .forEach(group -> nodesOfGroup.computeIfAbsent(String.valueOf(group), g -> new TreeSet<>()).add("endpoints")));
        }
    }

    /** One edge per pair of drawn ends of a declared flow, labelled with its port. */
    private void flow(PlannedFlow flow) {
        String port = Integer.toString(flow.port());
        List<String> to = ends(flow.to(), false);
        ends(flow.from(), true).forEach(from -> to.forEach(end -> edges.add(from + " -->|" + port + "| " + end)));
    }

    /**
     * The nodes of one end of a flow: where its security group is used, the clients for an address range it
     * comes from, CloudFront for CloudFront's prefix list, a gateway endpoint for its service's list, the NAT (then
     * the providers) for the internet.
     */
    private List<String> ends(PlannedFlow.End end, boolean source) {
        if (end.securityGroupId() != null) {
            return List.copyOf(nodesOfGroup.getOrDefault(end.securityGroupId(), Set.of()));
        }
        if (end.prefixListId() != null) {
            List<PlannedResource> gatewayEndpoints = stack.ofType(VPC_ENDPOINT).stream()
                    .filter(e -> end.prefixListId().equals(e.output("prefixListId").map(String::valueOf).orElse(null)))
                    .toList();
            List<PlannedResource> targets = gatewayEndpoints.isEmpty() ? sorted(CLOUDFRONT) : gatewayEndpoints;
            return targets.stream().map(r -> idOf.get(r.urn())).filter(java.util.Objects::nonNull).toList();
        }
        if (source) {
            single("clients", "((\"Clients\"))");
            return List.of("clients");
        }
        single("providers", "((\"LLM providers\"))");
        List<String> exits = nodes.keySet().stream().filter(id -> id.equals("nat") || id.equals("natinstance")
                || id.startsWith("egress")).toList();
        exits.forEach(exit -> edges.add(exit + " --> providers"));
        return exits.isEmpty() ? List.of("providers") : exits;
    }

    private void link(String fromId, PlannedResource to) {
        edges.add(fromId + " --> " + idOf.get(to.urn()));
    }

    private void link(PlannedResource from, PlannedResource to) {
        edges.add(idOf.get(from.urn()) + " --> " + idOf.get(to.urn()));
    }

    private void each(String type, String kind, Function<PlannedResource, String> label) {
        each(type, kind, "[\"", "\"]", label);
    }

    /** Like {@link #each}, in the cylinder shape of a data store. */
    private void store(String type, String kind, Function<PlannedResource, String> label) {
        each(type, kind, "[(\"", "\")]", label);
    }

    /** One node per resource of a type, in the shape given by its opening and closing brackets. */
    private void each(String type, String kind, String open, String close, Function<PlannedResource, String> label) {
        for (PlannedResource resource : sorted(type)) {
            idOf.put(resource.urn(), add(id(kind, resource.name()), open + escape(label.apply(resource)) + close));
        }
    }

    /**
     * One node standing for all resources of a kind, placed in their component if they share one;
     * {@code label} takes the count and a plural "s".
     */
    private void summary(String id, String label, List<PlannedResource> members) {
        if (!members.isEmpty()) {
            add(id, box(label.formatted(members.size(), members.size() == 1 ? "" : "s")));
        }
    }

    /** One node for a store of secrets, naming what it holds (the secrets' names within their component). */
    private void vault(String id, String store, List<PlannedResource> members) {
        if (!members.isEmpty()) {
            add(id, "[(\"" + escape(store + ": " + members.stream().map(this::shortName).sorted().distinct()
                    .collect(Collectors.joining(", "))) + "\")]");
        }
    }

    /** A bucket and what it holds: its objects' keys, or the load balancer access logs delivered to it. */
    private String bucketLabel(PlannedResource bucket) {
        List<String> keys = stack.ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream()
                .filter(o -> bucket.id().equals(StackLinks.text(o, "bucket").orElse(null)))
                // A content hash in a key changes with every edit; the diagram names the kind of object.
                .map(o -> StackLinks.text(o, "key").orElse("?").replaceAll("[0-9a-f]{12,}", "*")).sorted().toList();
        boolean accessLogs = stack.ofType(LOAD_BALANCER).stream()
                .anyMatch(lb -> bucket.id().equals(lb.input("accessLogs.bucket").map(String::valueOf).orElse(null)));
        String holds = accessLogs ? "load balancer access logs"
                : keys.isEmpty() ? "nothing yet" : String.join(", ", keys);
        return "S3 " + shortName(bucket) + ": " + holds;
    }

    /** A resource's name without its component's name in front ({@code llm-prod-secrets-master-key} is {@code master-key}). */
    private String shortName(PlannedResource resource) {
        String parent = Optional.ofNullable(byUrn.get(resource.parentUrn())).map(PlannedResource::name).orElse("");
        String name = resource.name();
        return !parent.isEmpty() && name.startsWith(parent + "-") ? name.substring(parent.length() + 1) : name;
    }

    private static String box(String label) {
        return "[\"" + escape(label) + "\"]";
    }

    /** Adds a node that exists once (clients, providers), if not there yet. */
    private void single(String id, String shape) {
        nodes.putIfAbsent(id, new Node(id, shape));
    }

    /** Adds a node under a unique id (a numeric suffix on collision) and returns the id. */
    private String add(String id, String shape) {
        String unique = id;
        for (int n = 2; nodes.containsKey(unique); n++) {
            unique = id + n;
        }
        nodes.put(unique, new Node(unique, shape));
        return unique;
    }

    private List<PlannedResource> sorted(String type) {
        return stack.ofType(type).stream().sorted(StackLinks.ORDER).toList();
    }

    /** The columns of the drawing, left to right, each with the node-id prefixes it holds. */
    private static final List<Map.Entry<String, List<String>>> TIERS = List.of(
            Map.entry("People", List.of("clients", "vpnusers", "operators")),
            Map.entry("Entry", List.of("cdn", "waf", "vpn", "alb", "listener")),
            Map.entry("Service", List.of("svc", "run")),
            Map.entry("Data", List.of("db", "cache", "secrets", "parameters")),
            Map.entry("Network", List.of("nat", "endpoints", "egress")),
            Map.entry("Supporting", List.of("kms", "alarms", "buckets")));

    private String text() {
        Map<String, List<Node>> byTier = new LinkedHashMap<>();
        List<Node> outside = new ArrayList<>();
        for (Node node : nodes.values()) {
            String tier = TIERS.stream().filter(t -> t.getValue().stream().anyMatch(prefix -> node.id().startsWith(prefix)))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (tier == null) {
                outside.add(node);
            } else {
                byTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(node);
            }
        }
        // Wider labels than Mermaid's 200 px default keep boxes low, so the drawing fits a screen's height.
        StringBuilder out = new StringBuilder("%%{init: {\"flowchart\": {\"wrappingWidth\": 280, \"nodeSpacing\": 30}}}%%\nflowchart LR\n");
        for (Map.Entry<String, List<String>> tier : TIERS) {
            List<Node> members = byTier.get(tier.getKey());
            boolean network = tier.getKey().equals("Network");
            if (members == null && !(network && !networkTitles.isEmpty())) {
                continue;
            }
            String title = network && !networkTitles.isEmpty() ? String.join("; ", networkTitles) : tier.getKey();
            if (members == null) {
                // A network with no way out drawn: its description stands alone.
                out.append("    ").append(id("tier", tier.getKey())).append(box(title)).append('\n');
                continue;
            }
            out.append("    subgraph ").append(id("tier", tier.getKey())).append("[\"").append(escape(title)).append("\"]\n");
            out.append("        direction TB\n");
            members.forEach(node -> out.append("        ").append(node.id()).append(node.shape()).append('\n'));
            out.append("    end\n");
        }
        outside.forEach(node -> out.append("    ").append(node.id()).append(node.shape()).append('\n'));
        edges.forEach(edge -> out.append("    ").append(edge).append('\n'));
        return out.toString();
    }

    /** An alphanumeric id: the kind, then the name in camel case without other characters. */
    private static String id(String kind, String name) {
        StringBuilder id = new StringBuilder(kind);
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return id.toString();
    }

    /** A label safe inside Mermaid double quotes. */
    private static String escape(String label) {
        return label.replace("\"", "#quot;");
    }
}

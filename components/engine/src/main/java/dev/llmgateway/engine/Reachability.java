package dev.llmgateway.engine;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.DeclaredNetwork;
import dev.llmgateway.components.network.FlowEnd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides each declared flow ({@link PlannedFlow}) of a plan as AWS would: a security group created by the
 * provider has no egress (terraform-provider-aws {@code resourceSecurityGroupCreate} revokes the default allow-all
 * rule), so the source group needs an egress rule and the destination group an ingress rule that both match the
 * peer and the port. Routes decide too: a flow to an address outside the VPC needs a route for it in every subnet
 * its source lives in (through a NAT instance, that instance's group must pass it as well), and a flow from outside
 * the VPC needs a route back to its source in every subnet its destination lives in, through a gateway that carries
 * replies (an internet gateway, a peering or transit gateway attachment; not a NAT, which answers only connections
 * opened from inside). Traffic within the VPC always has its local route. In an existing network the stack does not
 * create ({@link DeclaredNetwork}), the VPC's block, each subnet's routes and what an existing group admits are the
 * owner's declarations: verdicts that rest on them say {@code declared}, since AWS alone knows whether they hold.
 */
public final class Reachability {

    private static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    /** Verdict on one declared flow. */
    public record Verdict(String flow, String from, String to, int port, boolean allowed, List<String> decidedBy,
                          String why) {
        /** {@code ALLOWED} or {@code BLOCKED}. */
        public String status() {
            return allowed ? "ALLOWED" : "BLOCKED";
        }
    }

    /** One rule as AWS evaluates it, wherever it was declared (rule resource or inline block). */
    record Rule(String name, String groupId, boolean ingress, String protocol, int fromPort, int toPort,
                        String peerGroup, String cidr, String prefixList) {
        boolean coversPort(int port) {
            return "-1".equals(protocol) || ("tcp".equals(protocol) && fromPort <= port && port <= toPort);
        }
    }

    private final PlannedStack plan;
    private final List<Rule> rules;

    private Reachability(PlannedStack plan) {
        this.plan = plan;
        this.rules = rules(plan);
    }

    /** Verdicts for every declared flow of {@code plan}, sorted by flow name. */
    public static List<Verdict> analyze(PlannedStack plan) {
        Reachability r = new Reachability(plan);
        return plan.flows().stream().map(r::decide).sorted(Comparator.comparing(Verdict::flow)).toList();
    }

    /** Names of the ingress rules of one security group (rule resources and inline blocks). */
    public static List<String> ingressRuleNames(PlannedStack plan, String groupId) {
        return rules(plan).stream().filter(r -> r.ingress() && r.groupId().equals(groupId)).map(Rule::name)
                .distinct().sorted().toList();
    }

    private Verdict decide(PlannedFlow flow) {
        PlannedFlow.End from = flow.from();
        PlannedFlow.End to = flow.to();
        int port = flow.port();
        List<String> decided = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!from.outside()) {
            side(from.securityGroupId(), false, port, r -> matchesPeer(r, to), decided, missing);
        }
        if (!to.outside()) {
            side(to.securityGroupId(), true, port, r -> matchesPeer(r, from), range -> within(from, range), decided, missing);
        }
        if (!from.outside() && leavesVpc(to, from.securityGroupId())) {
            from.subnetIds().forEach(subnet -> route(subnet, to, port, false, decided, missing));
        }
        if (!to.outside() && leavesVpc(from, to.securityGroupId())) {
            to.subnetIds().forEach(subnet -> route(subnet, from, port, true, decided, missing));
        }
        return new Verdict(flow.name(), from.label(), to.label(), port, missing.isEmpty(),
                missing.isEmpty() ? decided.stream().distinct().toList() : missing, flow.why());
    }

    /** Whether an outside end lies beyond the VPC of {@code groupId} (a prefix list always does). */
    private boolean leavesVpc(PlannedFlow.End end, String groupId) {
        if (!end.outside()) {
            return false;
        }
        if (end.prefixListId() != null) {
            return true;
        }
        return vpcCidr(groupId).map(vpc -> !contains(vpc, end.cidr())).orElse(true);
    }

    /** Finds the rule on {@code groupId} that passes the flow, or notes what is missing. */
    private void side(String groupId, boolean ingress, int port, Predicate<Rule> peer, List<String> decided,
                      List<String> missing) {
        side(groupId, ingress, port, peer, range -> false, decided, missing);
    }

    /**
     * Like {@link #side(String, boolean, int, Predicate, List, List)}; {@code peerWithin} says whether the peer lies in
     * a range, for an existing group the stack does not own, whose ingress is declared rather than planned.
     */
    private void side(String groupId, boolean ingress, int port, Predicate<Rule> peer, Predicate<Cidr> peerWithin,
                      List<String> decided, List<String> missing) {
        Optional<Rule> rule = rules.stream()
                .filter(r -> r.groupId().equals(groupId) && r.ingress() == ingress && r.coversPort(port) && peer.test(r))
                .min(Comparator.comparing(Rule::name));
        if (rule.isPresent()) {
            decided.add((ingress ? "in: " : "out: ") + rule.get().name());
            return;
        }
        Optional<DeclaredNetwork.Group> declared = declaredGroup(groupId)
                .filter(g -> ingress && g.ports().contains(port) && peerWithin.test(g.from()));
        if (declared.isPresent()) {
            decided.add("declared in: " + declared.get().label() + " admits " + port + " from " + declared.get().from());
        } else {
            missing.add("no " + (ingress ? "ingress" : "egress") + " rule on " + groupName(groupId) + " for port " + port);
        }
    }

    /** Whether an end lies inside a range: its range does, or its group's whole VPC does. */
    private boolean within(PlannedFlow.End end, Cidr range) {
        if (end.cidr() != null) {
            return Cidr.parse(end.cidr()).map(range::contains).orElse(false);
        }
        return end.securityGroupId() != null && vpcCidr(end.securityGroupId()).flatMap(Cidr::parse).map(range::contains).orElse(false);
    }

    /** Whether a rule names the peer: its group, a range containing its range, or its prefix list. */
    private boolean matchesPeer(Rule rule, PlannedFlow.End peer) {
        if (peer.securityGroupId() != null) {
            if (peer.securityGroupId().equals(rule.peerGroup())) {
                return true;
            }
            // A CIDR rule passes a group's members when it spans the whole VPC they live in.
            return rule.cidr() != null && vpcCidr(peer.securityGroupId()).map(vpc -> contains(rule.cidr(), vpc)).orElse(false);
        }
        if (peer.cidr() != null) {
            return rule.cidr() != null && contains(rule.cidr(), peer.cidr());
        }
        return peer.prefixListId() != null && peer.prefixListId().equals(rule.prefixList());
    }

    /**
     * The route in {@code subnetId}'s table that carries traffic to {@code remote} (out), or the replies to it
     * ({@code back}): a route whose destination block contains the remote range, the route a gateway endpoint adds
     * for its prefix list, or, for a prefix list without its own route (CloudFront's addresses are on the internet),
     * a default route. Replies need a gateway that carries them, never a NAT.
     */
    private void route(String subnetId, PlannedFlow.End remote, int port, boolean back, List<String> decided,
                       List<String> missing) {
        String what = back ? "no route back to " : "no route to ";
        String destination = remote.cidr() != null ? remote.cidr() : remote.prefixListId();
        Optional<String> table = plan.ofType(ASSOCIATION).stream()
                .filter(a -> subnetId.equals(a.input("subnetId").map(String::valueOf).orElse(null)))
                .map(a -> a.string("routeTableId")).findFirst();
        if (table.isEmpty()) {
            Optional<DeclaredNetwork.Subnet> declared = declaredSubnet(subnetId);
            if (declared.isPresent()) {
                declaredRoute(declared.get(), remote, back, decided, missing);
            } else {
                missing.add(what + destination + " from subnet " + resourceName(subnetId) + " (no route table)");
            }
            return;
        }
        if (remote.prefixListId() != null) {
            Optional<PlannedResource> endpoint = plan.ofType(ENDPOINT).stream()
                    .filter(e -> remote.prefixListId().equals(e.output("prefixListId").map(String::valueOf).orElse(null)))
                    .filter(e -> e.list("routeTableIds").contains(table.get()))
                    .findFirst();
            if (endpoint.isPresent()) {
                decided.add("route: " + endpoint.get().name());
                return;
            }
        }
        String block = remote.cidr() != null ? remote.cidr() : FlowEnd.ANYWHERE;
        Optional<PlannedResource> route = plan.ofType(ROUTE).stream()
                .filter(r -> table.get().equals(r.string("routeTableId")))
                .filter(r -> r.input("destinationCidrBlock").map(c -> contains(String.valueOf(c), block)).orElse(false))
                .min(Comparator.comparing(PlannedResource::name));
        if (route.isEmpty()) {
            missing.add(what + destination + " from subnet " + resourceName(subnetId));
            return;
        }
        boolean throughNat = route.get().input("natGatewayId").isPresent() || route.get().input("networkInterfaceId").isPresent();
        if (back && throughNat) {
            missing.add("replies to " + destination + " from subnet " + resourceName(subnetId) + " go through a NAT ("
                    + route.get().name() + "), which answers only connections opened from inside");
            return;
        }
        decided.add("route: " + route.get().name());
        if (!back) {
            route.get().input("networkInterfaceId").map(String::valueOf)
                    .ifPresent(eni -> natInstance(eni, block, port, decided, missing));
        }
    }

    /**
     * The route an existing subnet is declared to have for {@code remote} (the most specific destination that contains
     * it; a prefix list's addresses are on the internet, so the default route), and for replies a target that carries
     * them. A NAT instance or appliance behind an {@code eni-} target is not the stack's: its own rules are AWS's to know.
     */
    private void declaredRoute(DeclaredNetwork.Subnet subnet, PlannedFlow.End remote, boolean back, List<String> decided,
                               List<String> missing) {
        String destination = remote.cidr() != null ? remote.cidr() : remote.prefixListId();
        Cidr block = Cidr.parse(remote.cidr() != null ? remote.cidr() : FlowEnd.ANYWHERE).orElseThrow();
        Optional<DeclaredNetwork.Route> route = subnet.routes().stream()
                .filter(r -> r.destination().contains(block))
                .max(Comparator.comparingInt(r -> r.destination().prefix()));
        String where = " from subnet " + subnet.id() + " (existing, " + subnet.tier() + ")";
        if (route.isEmpty()) {
            missing.add((back ? "no declared route back to " : "no declared route to ") + destination + where);
        } else if (back && !route.get().carriesReplies()) {
            missing.add("replies to " + destination + where + " go through " + route.get().target()
                    + ", which answers only connections opened from inside");
        } else {
            decided.add("declared route: " + subnet.id() + " " + route.get().destination() + " -> " + route.get().target());
        }
    }

    private Optional<DeclaredNetwork.Subnet> declaredSubnet(String subnetId) {
        return plan.networks().stream().flatMap(n -> n.subnet(subnetId).stream()).findFirst();
    }

    private Optional<DeclaredNetwork.Group> declaredGroup(String groupId) {
        return plan.networks().stream().flatMap(n -> n.groups().stream()).filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** Through a NAT instance the instance's own group must admit the VPC and reach the destination. */
    private void natInstance(String eni, String destination, int port, List<String> decided, List<String> missing) {
        plan.ofType(INSTANCE).stream()
                .filter(i -> eni.equals(i.output("primaryNetworkInterfaceId").map(String::valueOf).orElse(null)))
                .findFirst()
                .ifPresent(instance -> instance.list("vpcSecurityGroupIds").forEach(group -> {
                    String id = String.valueOf(group);
                    side(id, true, port, r -> vpcCidr(id).map(vpc -> r.cidr() != null && contains(r.cidr(), vpc)).orElse(false),
                            decided, missing);
                    side(id, false, port, r -> r.cidr() != null && contains(r.cidr(), destination), decided, missing);
                }));
    }

    private Optional<String> vpcCidr(String groupId) {
        Optional<String> vpcId = group(groupId).flatMap(g -> g.input("vpcId")).map(String::valueOf);
        return vpcId.flatMap(id -> plan.ofType(VPC).stream().filter(v -> id.equals(v.id())).findFirst())
                .map(v -> v.string("cidrBlock"))
                .or(() -> vpcId.flatMap(id -> plan.networks().stream().filter(n -> n.vpcId().equals(id)).findFirst())
                        .map(n -> n.cidr().toString()));
    }

    private Optional<PlannedResource> group(String groupId) {
        return plan.ofType(GROUP).stream().filter(g -> groupId.equals(g.id())).findFirst();
    }

    private String groupName(String groupId) {
        return group(groupId).map(PlannedResource::name)
                .or(() -> declaredGroup(groupId).map(g -> g.label() + " (" + groupId + ")")).orElse(groupId);
    }

    private String resourceName(String id) {
        return plan.resources().stream().filter(r -> id.equals(r.id())).map(PlannedResource::name).findFirst().orElse(id);
    }

    private static boolean contains(String outer, String inner) {
        Optional<Cidr> a = Cidr.parse(outer);
        Optional<Cidr> b = Cidr.parse(inner);
        return a.isPresent() && b.isPresent() && a.get().contains(b.get());
    }

    /** Every rule of the plan: rule resources and the inline blocks of security groups. */
    static List<Rule> rules(PlannedStack plan) {
        List<Rule> rules = new ArrayList<>();
        for (String type : List.of(INGRESS, EGRESS)) {
            for (PlannedResource r : plan.ofType(type)) {
                rules.add(new Rule(r.name(), r.string("securityGroupId"), type.equals(INGRESS), r.string("ipProtocol"),
                        port(r.input("fromPort")), port(r.input("toPort")),
                        r.input("referencedSecurityGroupId").map(String::valueOf).orElse(null),
                        r.input("cidrIpv4").map(String::valueOf).orElse(null),
                        r.input("prefixListId").map(String::valueOf).orElse(null)));
            }
        }
        for (PlannedResource r : plan.ofType(LEGACY_RULE)) {
            boolean ingress = "ingress".equals(r.string("type"));
            String protocol = r.string("protocol");
            int from = port(r.input("fromPort"));
            int to = port(r.input("toPort"));
            String group = r.string("securityGroupId");
            list(r.input("cidrBlocks").orElse(null)).forEach(c -> rules.add(new Rule(r.name(), group, ingress, protocol, from, to, null, c, null)));
            list(r.input("prefixListIds").orElse(null)).forEach(p -> rules.add(new Rule(r.name(), group, ingress, protocol, from, to, null, null, p)));
            r.input("sourceSecurityGroupId").ifPresent(g -> rules.add(new Rule(r.name(), group, ingress, protocol, from, to, String.valueOf(g), null, null)));
            if (r.flag("self")) {
                rules.add(new Rule(r.name(), group, ingress, protocol, from, to, group, null, null));
            }
        }
        for (PlannedResource group : plan.ofType(GROUP)) {
            for (String direction : List.of("ingress", "egress")) {
                List<?> blocks = group.list(direction);
                for (int i = 0; i < blocks.size(); i++) {
                    Map<?, ?> block = (Map<?, ?>) blocks.get(i);
                    String name = group.name() + "/" + direction + "[" + i + "]";
                    String protocol = String.valueOf(block.get("protocol"));
                    int from = port(Optional.ofNullable(block.get("fromPort")));
                    int to = port(Optional.ofNullable(block.get("toPort")));
                    boolean ingress = direction.equals("ingress");
                    list(block.get("cidrBlocks")).forEach(c -> rules.add(new Rule(name, group.id(), ingress, protocol, from, to, null, c, null)));
                    list(block.get("securityGroups")).forEach(g -> rules.add(new Rule(name, group.id(), ingress, protocol, from, to, g, null, null)));
                    list(block.get("prefixListIds")).forEach(p -> rules.add(new Rule(name, group.id(), ingress, protocol, from, to, null, null, p)));
                    if (Boolean.TRUE.equals(block.get("self"))) {
                        rules.add(new Rule(name, group.id(), ingress, protocol, from, to, group.id(), null, null));
                    }
                }
            }
        }
        return rules.stream().map(r -> "all".equals(r.protocol()) ? new Rule(r.name(), r.groupId(), r.ingress(), "-1",
                r.fromPort(), r.toPort(), r.peerGroup(), r.cidr(), r.prefixList()) : r).toList();
    }

    private static int port(Optional<Object> value) {
        return value.map(v -> ((Number) v).intValue()).orElse(0);
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().filter(Objects::nonNull).map(String::valueOf).toList() : List.of();
    }
}

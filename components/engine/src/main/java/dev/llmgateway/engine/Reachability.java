package dev.llmgateway.engine;

import dev.llmgateway.components.network.IntendedFlow;
import dev.llmgateway.components.network.Cidr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides each intended flow ({@link IntendedFlow}) of a plan as AWS would: a security group
 * created by the provider has no egress (terraform-provider-aws {@code resourceSecurityGroupCreate}
 * revokes the default allow-all rule), so the source group needs an egress rule and the
 * destination group an ingress rule that both match the peer and the port; a flow that leaves the
 * VPC also needs a route for its destination in every subnet it leaves from, and through a NAT
 * instance that instance's group must pass it too.
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

    /** Verdict on one intended flow. */
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

    /** Verdicts for every intended flow of {@code plan}, sorted by flow name. */
    public static List<Verdict> analyze(PlannedStack plan) {
        Reachability r = new Reachability(plan);
        return plan.ofType(IntendedFlow.TYPE).stream().map(r::decide)
                .sorted(Comparator.comparing(Verdict::flow)).toList();
    }

    /** Names of the ingress rules of one security group (rule resources and inline blocks). */
    public static List<String> ingressRuleNames(PlannedStack plan, String groupId) {
        return rules(plan).stream().filter(r -> r.ingress() && r.groupId().equals(groupId)).map(Rule::name)
                .distinct().sorted().toList();
    }

    private Verdict decide(PlannedResource flow) {
        int port = (int) flow.number("port");
        String fromGroup = flow.input("fromSecurityGroupId").map(String::valueOf).orElse(null);
        String toGroup = flow.input("toSecurityGroupId").map(String::valueOf).orElse(null);
        String fromCidr = flow.input("fromCidr").map(String::valueOf).orElse(null);
        String fromPrefixList = flow.input("fromPrefixListId").map(String::valueOf).orElse(null);
        String toCidr = flow.input("toCidr").map(String::valueOf).orElse(null);
        List<String> decided = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (fromGroup != null) {
            side(fromGroup, false, port, r -> matchesPeer(r, toGroup, toCidr, null), decided, missing);
        }
        if (toGroup != null) {
            side(toGroup, true, port, r -> matchesPeer(r, fromGroup, fromCidr, fromPrefixList), decided, missing);
        }
        flow.input("viaSubnetIds").ifPresent(subnets -> ((List<?>) subnets)
                .forEach(subnet -> route(String.valueOf(subnet), toCidr, port, decided, missing)));
        return new Verdict(flow.name(), flow.string("from"), flow.string("to"), port, missing.isEmpty(),
                missing.isEmpty() ? decided.stream().distinct().toList() : missing, flow.string("why"));
    }

    /** Finds the rule on {@code groupId} that passes the flow, or notes what is missing. */
    private void side(String groupId, boolean ingress, int port, Predicate<Rule> peer, List<String> decided,
                      List<String> missing) {
        Optional<Rule> rule = rules.stream()
                .filter(r -> r.groupId().equals(groupId) && r.ingress() == ingress && r.coversPort(port) && peer.test(r))
                .min(Comparator.comparing(Rule::name));
        if (rule.isPresent()) {
            decided.add((ingress ? "in: " : "out: ") + rule.get().name());
        } else {
            missing.add("no " + (ingress ? "ingress" : "egress") + " rule on " + groupName(groupId) + " for port " + port);
        }
    }

    /** Whether a rule names the peer: its group, a range containing its range, or its prefix list. */
    private boolean matchesPeer(Rule rule, String peerGroup, String peerCidr, String peerPrefixList) {
        if (peerGroup != null) {
            if (peerGroup.equals(rule.peerGroup())) {
                return true;
            }
            // A CIDR rule passes a group's members when it spans the whole VPC they live in.
            return rule.cidr() != null && vpcCidr(peerGroup).map(vpc -> contains(rule.cidr(), vpc)).orElse(false);
        }
        if (peerCidr != null) {
            return rule.cidr() != null && contains(rule.cidr(), peerCidr);
        }
        return peerPrefixList != null && peerPrefixList.equals(rule.prefixList());
    }

    /** A flow leaving the VPC needs a route for its destination in each subnet it leaves from. */
    private void route(String subnetId, String destination, int port, List<String> decided, List<String> missing) {
        Optional<String> table = plan.ofType(ASSOCIATION).stream()
                .filter(a -> subnetId.equals(a.input("subnetId").map(String::valueOf).orElse(null)))
                .map(a -> a.string("routeTableId")).findFirst();
        Optional<PlannedResource> route = table.flatMap(t -> plan.ofType(ROUTE).stream()
                .filter(r -> t.equals(r.string("routeTableId")))
                .filter(r -> r.input("destinationCidrBlock").map(c -> contains(String.valueOf(c), destination)).orElse(false))
                .min(Comparator.comparing(PlannedResource::name)));
        if (route.isEmpty()) {
            missing.add("no route to " + destination + " from subnet " + resourceName(subnetId));
            return;
        }
        decided.add("route: " + route.get().name());
        route.get().input("networkInterfaceId").map(String::valueOf).ifPresent(eni -> natInstance(eni, destination, port, decided, missing));
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
        return group(groupId).flatMap(g -> g.input("vpcId")).map(String::valueOf)
                .flatMap(vpcId -> plan.ofType(VPC).stream().filter(v -> vpcId.equals(v.id())).findFirst())
                .map(v -> v.string("cidrBlock"));
    }

    private Optional<PlannedResource> group(String groupId) {
        return plan.ofType(GROUP).stream().filter(g -> groupId.equals(g.id())).findFirst();
    }

    private String groupName(String groupId) {
        return group(groupId).map(PlannedResource::name).orElse(groupId);
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

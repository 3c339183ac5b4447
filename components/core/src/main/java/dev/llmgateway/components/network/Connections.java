package dev.llmgateway.components.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The security group of a {@link Connectable} and the way to open paths to and from it, for any {@link Peer}:
 * another of the stack's groups, an IPv4 range or a managed prefix list. One call of {@link #allowFrom} adds
 * the ingress rule on this group, the egress rule on the peer's group when the peer is one (a group created by
 * the provider has no egress, so both are needed) and returns the {@link Flow} it opens, which this object also
 * keeps ({@link #flows()}); removing the call removes all of it.
 *
 * <p>Names come from both ends, never from a position in a list: the ingress rule is
 * {@code <ruleName>-from-<peer's slug>}, the egress rule on a peer group {@code <peer's ruleName>-to-<peerName>},
 * each followed by {@code -<port>} when the port is not this group's default port; an egress rule to a range or a
 * prefix list is {@code <ruleName>-to-<peer's slug>-<port>}. The flow takes the name of the rule that admits it.
 * Rules are children of the resource that owns their group.
 */
public final class Connections implements Connectable {

    private final Resource owner;
    private final String ruleName;
    private final String peerName;
    private final String label;
    private final Output<String> securityGroupId;
    private final OptionalInt defaultPort;
    private final boolean inlineRules;
    private final Output<List<String>> subnetIds;
    private final List<Flow> flows;

    private Connections(Resource owner, String ruleName, String peerName, String label, Output<String> securityGroupId,
                        OptionalInt defaultPort, boolean inlineRules, Output<List<String>> subnetIds, List<Flow> flows) {
        this.owner = owner;
        this.ruleName = ruleName;
        this.peerName = peerName;
        this.label = label;
        this.securityGroupId = securityGroupId;
        this.defaultPort = defaultPort;
        this.inlineRules = inlineRules;
        this.subnetIds = subnetIds;
        this.flows = flows;
    }

    /**
     * The connections of a group.
     *
     * @param owner           parent of the rules added to the group (the component that owns it)
     * @param ruleName        prefix of the rules added to the group (unique in the stack, e.g. {@code llm-prod-db})
     * @param peerName        how rules on other groups name this one ({@code database}, {@code proxy}); a slug
     * @param label           what it is, for the declared flows and reports ({@code proxy tasks})
     * @param securityGroupId the group
     */
    public static Connections of(Resource owner, String ruleName, String peerName, String label,
                                 Output<String> securityGroupId) {
        if (!peerName.equals(slug(peerName))) {
            throw new IllegalArgumentException("peerName must be a slug (lower-case letters, digits, '-'): " + peerName);
        }
        return new Connections(owner, ruleName, peerName, label, securityGroupId, OptionalInt.empty(), false, null,
                Collections.synchronizedList(new ArrayList<>()));
    }

    /** The same group, with the port it serves on (used by {@link #allowDefaultPortFrom}). */
    public Connections withDefaultPort(int port) {
        return new Connections(owner, ruleName, peerName, label, securityGroupId, OptionalInt.of(checkedPort(port)),
                inlineRules, subnetIds, flows);
    }

    /**
     * The same group, whose members live in {@code subnets}: flows from it that leave the VPC need a route out of
     * them, and flows into it from outside need a route back.
     */
    public Connections withSubnets(Output<List<String>> subnets) {
        return new Connections(owner, ruleName, peerName, label, securityGroupId, defaultPort, inlineRules, subnets, flows);
    }

    /**
     * The same group, whose rules are inline blocks that already pass the VPC (the VPN's egress
     * to the authorized networks, the VPC endpoints' ingress from the VPC CIDR). Connections add no
     * rule resource to such a group: the provider would remove rules its inline blocks do not list.
     */
    public Connections withInlineRules() {
        return new Connections(owner, ruleName, peerName, label, securityGroupId, defaultPort, true, subnetIds, flows);
    }

    @Override
    public Connections connections() {
        return this;
    }

    /** The group. */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String slug() {
        return peerName;
    }

    @Override
    public FlowEnd flowEnd() {
        FlowEnd end = FlowEnd.group(label, securityGroupId);
        return subnetIds == null ? end : end.in(subnetIds);
    }

    @Override
    public void asSource(SecurityGroupIngressRuleArgs.Builder rule) {
        rule.referencedSecurityGroupId(securityGroupId);
    }

    @Override
    public void asDestination(SecurityGroupEgressRuleArgs.Builder rule) {
        rule.referencedSecurityGroupId(securityGroupId);
    }

    @Override
    public Optional<Connections> group() {
        return Optional.of(this);
    }

    /** The flows opened through this object's {@code allow...} calls, in the order they were declared. */
    public List<Flow> flows() {
        synchronized (flows) {
            return List.copyOf(flows);
        }
    }

    /** Lets {@code peer} open connections to this group on its default port. */
    public Flow allowDefaultPortFrom(Peer peer, String why) {
        return allowFrom(peer, defaultPort.orElseThrow(() -> new IllegalStateException(label + " has no default port")), why);
    }

    /** Lets {@code peer} open connections to this group on {@code port}; {@code why} is recorded on the flow. */
    public Flow allowFrom(Peer peer, int port, String why) {
        return record(admit(peer, port, why));
    }

    /** Lets this group open connections to {@code peer} on {@code port}. */
    public Flow allowTo(Peer peer, int port, String why) {
        checkedPort(port);
        if (peer.group().isPresent()) {
            return record(peer.group().get().admit(this, port, why));
        }
        String name = ruleName + "-to-" + peer.slug() + "-" + port;
        var rule = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description("to " + peer.label());
        peer.asDestination(rule);
        new SecurityGroupEgressRule(name, rule.build(), CustomResourceOptions.builder().parent(owner).build());
        return record(new Flow(name, flowEnd(), peer.flowEnd(), port, why));
    }

    /** The rules that let {@code peer} reach this group on {@code port}, and the flow they open. */
    private Flow admit(Peer peer, int port, String why) {
        checkedPort(port);
        String suffix = defaultPort.isPresent() && defaultPort.getAsInt() == port ? "" : "-" + port;
        String ingressName = ruleName + "-from-" + peer.slug() + suffix;
        if (!inlineRules) {
            var rule = SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroupId)
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description("from " + peer.label());
            peer.asSource(rule);
            new SecurityGroupIngressRule(ingressName, rule.build(), CustomResourceOptions.builder().parent(owner).build());
        }
        peer.group().filter(from -> !from.inlineRules).ifPresent(from ->
                new SecurityGroupEgressRule(from.ruleName + "-to-" + peerName + suffix, SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(from.securityGroupId).referencedSecurityGroupId(securityGroupId)
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .description("to " + label)
                        .build(), CustomResourceOptions.builder().parent(from.owner).build()));
        return new Flow(ingressName, peer.flowEnd(), flowEnd(), port, why);
    }

    private Flow record(Flow flow) {
        flows.add(flow);
        return flow;
    }

    /**
     * A name-safe form of any text: lower case, runs of other characters than letters and digits
     * turned into one {@code -} ({@code 203.0.113.0/24} becomes {@code 203-0-113-0-24}).
     */
    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static int checkedPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        return port;
    }
}

package dev.llmgateway.components.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The security group of a {@link Connectable} and the two-sided way to open paths to and from it.
 * One call of {@link #allowFrom} adds the ingress rule on this group, the egress rule on the
 * peer's group (a group created by the provider has no egress, so both are needed) and the
 * {@link IntendedFlow} the offline plan checks; removing the call removes all three. Rules for the
 * outside world (address ranges, prefix lists) are one-sided and stay with their owner.
 *
 * <p>Names come from both ends, never from a position in a list: the ingress rule is
 * {@code <ruleName>-from-<peer's peerName>}, the egress rule {@code <peer's ruleName>-to-<peerName>},
 * each followed by {@code -<port>} when the port is not this group's default port; the flow takes
 * the ingress rule's name. Rules are children of the resource that owns their group.
 */
public final class Connections implements Connectable {

    private final Resource owner;
    private final String ruleName;
    private final String peerName;
    private final String label;
    private final Output<String> securityGroupId;
    private final OptionalInt defaultPort;
    private final boolean inlineRules;

    private Connections(Resource owner, String ruleName, String peerName, String label, Output<String> securityGroupId,
                        OptionalInt defaultPort, boolean inlineRules) {
        this.owner = owner;
        this.ruleName = ruleName;
        this.peerName = peerName;
        this.label = label;
        this.securityGroupId = securityGroupId;
        this.defaultPort = defaultPort;
        this.inlineRules = inlineRules;
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
        return new Connections(owner, ruleName, peerName, label, securityGroupId, OptionalInt.empty(), false);
    }

    /** The same, with the port this group serves on (used by {@link #allowDefaultPortFrom}). */
    public Connections withDefaultPort(int port) {
        return new Connections(owner, ruleName, peerName, label, securityGroupId, OptionalInt.of(checkedPort(port)), inlineRules);
    }

    /**
     * The same, for a group whose rules are inline blocks that already pass the VPC (the VPN's egress
     * to the authorized networks, the VPC endpoints' ingress from the VPC CIDR). Connections add no
     * rule resource to such a group: the provider would remove rules its inline blocks do not list.
     */
    public Connections withInlineRules() {
        return new Connections(owner, ruleName, peerName, label, securityGroupId, defaultPort, true);
    }

    @Override
    public Connections connections() {
        return this;
    }

    /** The group. */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** What it is, for reports. */
    public String label() {
        return label;
    }

    /** Lets {@code peer} open connections to this group on its default port. */
    public void allowDefaultPortFrom(Connectable peer, String why) {
        allowDefaultPortFrom(peer, why, Formerly.NONE);
    }

    /** As {@link #allowDefaultPortFrom(Connectable, String)}, adopting rules that had other identities before. */
    public void allowDefaultPortFrom(Connectable peer, String why, Formerly formerly) {
        allowFrom(peer, defaultPort.orElseThrow(() -> new IllegalStateException(label + " has no default port")), why, formerly);
    }

    /** Lets {@code peer} open connections to this group on {@code port}; {@code why} is recorded on the flow. */
    public void allowFrom(Connectable peer, int port, String why) {
        allowFrom(peer, port, why, Formerly.NONE);
    }

    /** As {@link #allowFrom(Connectable, int, String)}, adopting rules that had other identities before. */
    public void allowFrom(Connectable peer, int port, String why, Formerly formerly) {
        Connections from = peer.connections();
        checkedPort(port);
        String suffix = defaultPort.isPresent() && defaultPort.getAsInt() == port ? "" : "-" + port;
        String ingressName = ruleName + "-from-" + from.peerName + suffix;
        if (!inlineRules) {
            new SecurityGroupIngressRule(ingressName, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroupId).referencedSecurityGroupId(from.securityGroupId)
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description("from " + from.label)
                    .build(), CustomResourceOptions.builder().parent(owner).aliases(Formerly.list(formerly.ingress())).build());
        }
        if (!from.inlineRules) {
            new SecurityGroupEgressRule(from.ruleName + "-to-" + peerName + suffix, SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(from.securityGroupId).referencedSecurityGroupId(securityGroupId)
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description("to " + label)
                    .build(), CustomResourceOptions.builder().parent(from.owner).aliases(Formerly.list(formerly.egress())).build());
        }
        new IntendedFlow(ingressName, IntendedFlowArgs.of(FlowEnd.group(from.label, from.securityGroupId),
                FlowEnd.group(label, securityGroupId), port, why), ComponentResourceOptions.builder().parent(owner).build());
    }

    /** Lets this group open connections to {@code peer} on {@code port}: {@code peer.allowFrom(this, ...)}. */
    public void allowTo(Connectable peer, int port, String why) {
        peer.connections().allowFrom(this, port, why);
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

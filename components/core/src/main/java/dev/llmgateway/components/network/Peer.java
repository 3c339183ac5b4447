package dev.llmgateway.components.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;

import java.util.Objects;
import java.util.Optional;

/**
 * The other side of a security-group rule, as AWS CDK's {@code IPeer}: another group of the stack (any
 * {@link Connectable}), an IPv4 range, or a managed prefix list. {@link Connections#allowFrom} and
 * {@link Connections#allowTo} take any peer: one call writes the rule (both rules between two of the stack's
 * groups) and declares the flow the offline engine checks.
 */
public interface Peer {

    /** What the peer is, for flows and reports ({@code proxy tasks}, {@code clients 203.0.113.0/24}). */
    String label();

    /** How rules on the other side are named after this peer: a slug ({@code proxy}, {@code cidr-203-0-113-0-24}). */
    String slug();

    /** The peer as an end of a declared flow. */
    FlowEnd flowEnd();

    /** Names this peer as the source of an ingress rule. */
    void asSource(SecurityGroupIngressRuleArgs.Builder rule);

    /** Names this peer as the destination of an egress rule. */
    void asDestination(SecurityGroupEgressRuleArgs.Builder rule);

    /** The peer's own group when it is one of the stack's groups: the other half of a two-sided path goes there. */
    default Optional<Connections> group() {
        return Optional.empty();
    }

    /** An IPv4 range outside the stack's groups (people, another network), labelled for reports. */
    static Peer ipv4(String label, Cidr cidr) {
        return new Ipv4(label, cidr);
    }

    /** Any IPv4 address: the internet. */
    static Peer anyIpv4() {
        return new Ipv4("internet", Cidr.of(FlowEnd.ANYWHERE));
    }

    /**
     * A managed prefix list. {@code name} (a slug) names the rules, since the list's id is known only once it is
     * looked up. A rule that references a prefix list weighs the list's maximum entries against the rules-per-group
     * quota (VPC user guide, "Managed prefix lists").
     */
    static Peer prefixList(String label, String name, Output<String> prefixListId) {
        return new PrefixList(label, name, prefixListId);
    }

    /**
     * An IPv4 range.
     *
     * @param label what the range is
     * @param cidr  the range
     */
    record Ipv4(String label, Cidr cidr) implements Peer {
        /** Validates. */
        public Ipv4 {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(cidr, "cidr");
        }

        @Override
        public String slug() {
            return cidr.toString().equals(FlowEnd.ANYWHERE) ? "internet" : "cidr-" + Connections.slug(cidr.toString());
        }

        @Override
        public FlowEnd flowEnd() {
            return FlowEnd.cidr(label, cidr.toString());
        }

        @Override
        public void asSource(SecurityGroupIngressRuleArgs.Builder rule) {
            rule.cidrIpv4(cidr.toString());
        }

        @Override
        public void asDestination(SecurityGroupEgressRuleArgs.Builder rule) {
            rule.cidrIpv4(cidr.toString());
        }
    }

    /**
     * A managed prefix list.
     *
     * @param label        what the list holds
     * @param name         slug that names rules
     * @param prefixListId the list's id
     */
    record PrefixList(String label, String name, Output<String> prefixListId) implements Peer {
        /** Validates. */
        public PrefixList {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(prefixListId, "prefixListId");
            if (!name.equals(Connections.slug(name))) {
                throw new IllegalArgumentException("prefix list name must be a slug (lower-case letters, digits, '-'): " + name);
            }
        }

        @Override
        public String slug() {
            return "prefix-list-" + name;
        }

        @Override
        public FlowEnd flowEnd() {
            return FlowEnd.prefixList(label, prefixListId);
        }

        @Override
        public void asSource(SecurityGroupIngressRuleArgs.Builder rule) {
            rule.prefixListId(prefixListId);
        }

        @Override
        public void asDestination(SecurityGroupEgressRuleArgs.Builder rule) {
            rule.prefixListId(prefixListId);
        }
    }
}

package dev.llmgateway.components.network;

import com.pulumi.core.Output;

import java.util.List;

/**
 * One end of a declared network flow: a security group the stack creates, an address range outside it
 * (people, the internet, another network) or a managed prefix list (for example CloudFront's). Exactly one
 * of the three is set. A group's end may say which subnets its members live in: a flow that leaves the VPC
 * needs a route out of them, and a flow that comes from outside needs a route back into its source.
 *
 * @param label           what the end is, for reports ({@code proxy tasks}, {@code internet})
 * @param securityGroupId the security group, or null
 * @param cidr            the IPv4 range, or null
 * @param prefixListId    the managed prefix list, or null
 * @param subnetIds       the subnets a group's members live in, or null when routes do not matter for it
 */
public record FlowEnd(String label, Output<String> securityGroupId, String cidr, Output<String> prefixListId,
                      Output<List<String>> subnetIds) {

    /** Anything on the internet (IPv4). */
    public static final String ANYWHERE = "0.0.0.0/0";

    /** An end inside the stack, identified by its security group. */
    public static FlowEnd group(String label, Output<String> securityGroupId) {
        return new FlowEnd(label, securityGroupId, null, null, null);
    }

    /** An address range outside the stack's security groups. */
    public static FlowEnd cidr(String label, String cidr) {
        return new FlowEnd(label, null, cidr, null, null);
    }

    /** The addresses of a managed prefix list. */
    public static FlowEnd prefixList(String label, Output<String> prefixListId) {
        return new FlowEnd(label, null, null, prefixListId, null);
    }

    /** This end, living in {@code subnets}. */
    public FlowEnd in(Output<List<String>> subnets) {
        return new FlowEnd(label, securityGroupId, cidr, prefixListId, subnets);
    }
}

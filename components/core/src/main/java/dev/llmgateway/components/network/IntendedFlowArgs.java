package dev.llmgateway.components.network;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * Inputs of {@link IntendedFlow}, recorded in the stack's state so reviewers and the offline
 * plan see what the stack means to allow. Create with {@link #of}.
 */
public final class IntendedFlowArgs extends ResourceArgs {

    @Import(name = "from", required = true)
    private Output<String> from;
    @Import(name = "fromSecurityGroupId")
    private Output<String> fromSecurityGroupId;
    @Import(name = "fromCidr")
    private Output<String> fromCidr;
    @Import(name = "fromPrefixListId")
    private Output<String> fromPrefixListId;
    @Import(name = "to", required = true)
    private Output<String> to;
    @Import(name = "toSecurityGroupId")
    private Output<String> toSecurityGroupId;
    @Import(name = "toCidr")
    private Output<String> toCidr;
    @Import(name = "protocol", required = true)
    private Output<String> protocol;
    @Import(name = "port", required = true)
    private Output<Integer> port;
    @Import(name = "why", required = true)
    private Output<String> why;
    @Import(name = "viaSubnetIds")
    private Output<List<String>> viaSubnetIds;

    private IntendedFlowArgs() {
    }

    /** A TCP flow from {@code from} to {@code to} on {@code port}, with the reason it exists. */
    public static IntendedFlowArgs of(FlowEnd from, FlowEnd to, int port, String why) {
        return of(from, to, port, why, null);
    }

    /**
     * A TCP flow that leaves the VPC from {@code viaSubnetIds}: their route tables must route the
     * destination (to a NAT or an internet gateway) for the flow to pass.
     */
    public static IntendedFlowArgs of(FlowEnd from, FlowEnd to, int port, String why, Output<List<String>> viaSubnetIds) {
        var args = new IntendedFlowArgs();
        args.from = Output.of(from.label());
        args.fromSecurityGroupId = from.securityGroupId();
        args.fromCidr = from.cidr() == null ? null : Output.of(from.cidr());
        args.fromPrefixListId = from.prefixListId();
        args.to = Output.of(to.label());
        args.toSecurityGroupId = to.securityGroupId();
        args.toCidr = to.cidr() == null ? null : Output.of(to.cidr());
        args.protocol = Output.of("tcp");
        args.port = Output.of(port);
        args.why = Output.of(why);
        args.viaSubnetIds = viaSubnetIds;
        return args;
    }
}

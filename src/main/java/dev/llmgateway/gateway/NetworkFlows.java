package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.FlowEnd;
import dev.llmgateway.components.network.IntendedFlow;
import dev.llmgateway.components.network.IntendedFlowArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.NatStrategy;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.List;
import java.util.Optional;

/**
 * The flows between the gateway and the outside world, declared as {@link IntendedFlow}s: allow-listed
 * clients and CloudFront reaching the load balancer, the proxy tasks reaching the internet through NAT.
 * Their rules are one-sided (the outside world has no security group). Flows between the stack's own
 * groups are declared by the {@link Connections} that open them; the offline plan checks both kinds
 * against the security-group rules and routes AWS would enforce.
 */
final class NetworkFlows {

    private final String prefix;
    private final ComponentResourceOptions options;

    private NetworkFlows(String prefix, ComponentResourceOptions options) {
        this.prefix = prefix;
        this.options = options;
    }

    /** The pieces whose connections to the outside world the flows describe. */
    record Parts(Vpc network, ProxyService proxy, Optional<EdgeAccess> edge) {
    }

    /** Declares the outside-world flows of stack {@code s}. */
    static void declare(String prefix, StackSettings s, Parts p, ComponentResourceOptions options) {
        var flows = new NetworkFlows(prefix, options);
        if (p.proxy().loadBalanced()) {
            flows.entry(s, p);
        }
        if (s.network().nat() != NatStrategy.NONE) {
            flows.flow("proxy-to-internet", FlowEnd.group("proxy tasks", p.proxy().taskSecurityGroupId()),
                    FlowEnd.cidr("internet", FlowEnd.ANYWHERE), 443,
                    "model providers, image registries and AWS APIs over HTTPS through NAT",
                    p.network().subnetIds(SubnetTier.PRIVATE));
        }
    }

    /** Who reaches the load balancer from outside the stack. */
    private void entry(StackSettings s, Parts p) {
        FlowEnd balancer = FlowEnd.group("load balancer", p.proxy().loadBalancerSecurityGroupId());
        int listener = s.access().certificateArn().isPresent() || s.access().domainName().isPresent() ? 443 : 80;

        // With TLS, port 80 stays open to the same clients only to redirect them to HTTPS.
        List<Integer> clientPorts = listener == 443 ? List.of(443, 80) : List.of(80);
        for (int port : clientPorts) {
            String why = port == listener ? "call the gateway" : "are redirected to HTTPS";
            s.access().allowedCidrs().forEach(cidr -> flow("clients-" + Connections.slug(cidr.toString()) + "-" + port,
                    FlowEnd.cidr("clients " + cidr, cidr.toString()), balancer, port, "allow-listed clients " + why));
        }
        p.edge().ifPresent(e -> flow("cloudfront-to-lb", FlowEnd.prefixList("CloudFront", e.prefixListId()), balancer,
                listener, "CloudFront forwards to its origin"));
    }

    private void flow(String name, FlowEnd from, FlowEnd to, int port, String why) {
        flow(name, from, to, port, why, null);
    }

    private void flow(String name, FlowEnd from, FlowEnd to, int port, String why, Output<List<String>> via) {
        new IntendedFlow(prefix + "-flow-" + name, IntendedFlowArgs.of(from, to, port, why, via), options);
    }
}

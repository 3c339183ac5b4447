package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.cache.Cache;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.network.FlowEnd;
import dev.llmgateway.components.network.IntendedFlow;
import dev.llmgateway.components.network.IntendedFlowArgs;
import dev.llmgateway.components.observability.PrometheusMetrics;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.NatStrategy;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpn.ClientVpn;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.List;
import java.util.Optional;

/**
 * Every network flow the gateway needs to serve, declared in one place as {@link IntendedFlow}s:
 * who reaches the load balancer, what the proxy tasks reach, what the metrics service reaches. The
 * offline plan checks each one against the security-group rules and routes AWS would enforce.
 */
final class NetworkFlows {

    private final String prefix;
    private final ComponentResourceOptions options;

    private NetworkFlows(String prefix, ComponentResourceOptions options) {
        this.prefix = prefix;
        this.options = options;
    }

    /** The pieces whose connections the flows describe. */
    record Parts(Vpc network, ProxyService proxy, Database database, Optional<Cache> cache, Optional<ClientVpn> vpn,
                 Optional<EdgeAccess> edge, Optional<PrometheusMetrics> metrics) {
    }

    /** Declares the flows of stack {@code s}. */
    static void declare(String prefix, StackSettings s, Parts p, ComponentResourceOptions options) {
        var flows = new NetworkFlows(prefix, options);
        FlowEnd tasks = FlowEnd.group("proxy tasks", p.proxy().taskSecurityGroupId());
        if (p.proxy().loadBalanced()) {
            flows.entry(s, p, tasks);
        }
        flows.flow("proxy-to-database", tasks, FlowEnd.group("database", p.database().securityGroupId()), Database.PORT,
                "keys, budgets and spend in PostgreSQL");
        p.cache().ifPresent(c -> flows.flow("proxy-to-cache", tasks, FlowEnd.group("cache", c.securityGroupId()), Cache.PORT,
                "shared limits, budgets and cache in Redis"));
        if (s.network().nat() != NatStrategy.NONE) {
            flows.flow("proxy-to-internet", tasks, FlowEnd.cidr("internet", FlowEnd.ANYWHERE), 443,
                    "model providers, image registries and AWS APIs over HTTPS through NAT",
                    p.network().subnetIds(SubnetTier.PRIVATE));
        }
        p.network().endpointSecurityGroupId().ifPresent(id -> flows.flow("proxy-to-endpoints", tasks,
                FlowEnd.group("VPC endpoints", id), 443, "AWS APIs through interface endpoints"));
        p.metrics().ifPresent(m -> {
            FlowEnd metrics = FlowEnd.group("metrics", m.securityGroupId());
            flows.flow("metrics-to-proxy", metrics, tasks, ProxyContainers.PORT, "VictoriaMetrics scrapes /metrics");
            flows.flow("lb-to-grafana", FlowEnd.group("load balancer", p.proxy().loadBalancerSecurityGroupId()), metrics,
                    PrometheusMetrics.GRAFANA_PORT, "Grafana behind the load balancer");
            flows.flow("metrics-to-storage", metrics, FlowEnd.group("metrics storage (EFS)", m.storageSecurityGroupId()),
                    PrometheusMetrics.NFS_PORT, "VictoriaMetrics keeps its samples on EFS");
        });
    }

    /** Who reaches the load balancer, and the load balancer reaching the tasks. */
    private void entry(StackSettings s, Parts p, FlowEnd tasks) {
        FlowEnd balancer = FlowEnd.group("load balancer", p.proxy().loadBalancerSecurityGroupId());
        int listener = s.access().certificateArn().isPresent() || s.access().domainName().isPresent() ? 443 : 80;

        // With TLS, port 80 stays open to the same clients only to redirect them to HTTPS.
        List<Integer> clientPorts = listener == 443 ? List.of(443, 80) : List.of(80);
        for (int port : clientPorts) {
            String why = port == listener ? "call the gateway" : "are redirected to HTTPS";
            s.access().allowedCidrs().forEach(cidr -> flow("clients-" + slug(cidr.toString()) + "-" + port,
                    FlowEnd.cidr("clients " + cidr, cidr.toString()), balancer, port, "allow-listed clients " + why));
            p.vpn().ifPresent(v -> flow("vpn-to-lb-" + port, FlowEnd.group("VPN clients", v.securityGroupId()), balancer,
                    port, "VPN users " + why));
        }
        p.edge().ifPresent(e -> flow("cloudfront-to-lb", FlowEnd.prefixList("CloudFront", e.prefixListId()), balancer,
                listener, "CloudFront forwards to its origin"));
        flow("lb-to-proxy", balancer, tasks, ProxyContainers.PORT, "the load balancer forwards to LiteLLM");
    }

    private static String slug(String cidr) {
        return cidr.replace('/', '-').replace('.', '-');
    }

    private void flow(String name, FlowEnd from, FlowEnd to, int port, String why) {
        new IntendedFlow(prefix + "-flow-" + name, IntendedFlowArgs.of(from, to, port, why), options);
    }

    private void flow(String name, FlowEnd from, FlowEnd to, int port, String why, Output<List<String>> via) {
        new IntendedFlow(prefix + "-flow-" + name, IntendedFlowArgs.of(from, to, port, why, via), options);
    }
}

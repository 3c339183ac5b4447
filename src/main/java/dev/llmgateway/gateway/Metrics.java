package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.observability.PrometheusMetrics;
import dev.llmgateway.components.observability.PrometheusMetricsArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.TaskDiscovery;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.settings.ObservabilitySettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code prometheus} metrics mode: proxy tasks register in a private Cloud Map name, VictoriaMetrics (in its own
 * task) scrapes every task's dedicated metrics port ({@link ProxyContainers#METRICS_PORT}) inside the VPC, Grafana is
 * served under {@code /grafana} with this project's LiteLLM dashboard and alert rules, which notify the stack's alarm topic. {@code /metrics} on the API port is refused
 * twice: by the load balancer's path rule and by LiteLLM, which asks for a key on every path containing it.
 */
final class Metrics {

    /** Paths the load balancer refuses when metrics are on: they are for the scraper only. */
    static final List<String> BLOCKED = List.of("/metrics", "/metrics/*");

    private Metrics() {
    }

    /** Task discovery for the proxy, when the stack uses Prometheus metrics. */
    static Optional<TaskDiscovery> discovery(String prefix, MetricsMode mode, Network network, ComponentResourceOptions options) {
        if (mode != MetricsMode.PROMETHEUS) {
            return Optional.empty();
        }
        return Optional.of(new TaskDiscovery(prefix + "-discovery", network.vpcId(), prefix + ".internal", "litellm", options));
    }

    /** VictoriaMetrics and Grafana on the proxy's cluster, allowed to scrape the proxy tasks. */
    static PrometheusMetrics services(String prefix, String region, int azCount, ObservabilitySettings o, Network network,
                                      ProxyService proxy, TaskDiscovery discovery,
                                      Output<String> grafanaPasswordArn, Output<String> keyArn, Output<String> alarmTopicArn,
                                      List<Output<String>> browserHosts, ComponentResourceOptions options) {
        var args = PrometheusMetricsArgs.builder()
                // Before the proxy's rules: in edge mode its catch-all would otherwise take /grafana to LiteLLM.
                .listenerRulePriority(ProxyService.FIRST_FORWARD_PRIORITY - 10)
                .clusterArn(proxy.clusterArn())
                .vpcId(network.vpcId())
                .subnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .subnetCount(azCount)
                .loadBalancer(proxy.loadBalancer())
                .listenerArn(proxy.listenerArn())
                .scrapeHost(Output.of(discovery.dnsName()))
                .scrapePort(ProxyContainers.METRICS_PORT)
                .scrapePath("/metrics")
                .scrapeTarget(proxy)
                .grafanaAdminPasswordSecretArn(grafanaPasswordArn)
                .kmsKeyArn(keyArn)
                .region(region)
                .logRetentionDays(o.logRetentionDays())
                .retentionDays(o.metricsRetentionDays())
                .grafanaDashboards(Map.of(LiteLlmDashboard.NAME, LiteLlmDashboard.json()))
                .grafanaAlertRules(Map.of(LiteLlmAlertRules.NAME, LiteLlmAlertRules.json(o.availabilityObjective() / 100)))
                // Grafana's alerts reach the people the CloudWatch alarms reach.
                .alertTopicArn(Optional.of(alarmTopicArn))
                // Grafana is reachable only the way the proxy is: through CloudFront's header in edge mode.
                .listenerRuleConditions(proxy.requiredHeaderCondition().stream().toList())
                // Behind CloudFront the request's Host is the origin's name, not the address the browser shows.
                .grafanaTrustedOrigins(browserHosts)
                .build();
        return new PrometheusMetrics(prefix + "-metrics", args, options);
    }
}

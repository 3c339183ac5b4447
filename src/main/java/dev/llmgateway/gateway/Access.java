package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.dns.ValidatedCertificate;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.ProxyServiceArgs;
import dev.llmgateway.components.proxy.TaskDiscovery;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpn.ClientVpn;
import dev.llmgateway.components.vpn.ClientVpnArgs;
import dev.llmgateway.components.waf.WebFirewallArgs;
import dev.llmgateway.gateway.settings.AccessMode;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.VpnSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How clients reach the gateway: the load balancer's exposure (public and allow-listed, or internal
 * behind AWS Client VPN), TLS, WAF, and the service arguments that follow from them.
 */
final class Access {

    private Access() {
    }

    /** The proxy service: the stack's sizing and scaling, exposed as the access settings say. */
    static ProxyServiceArgs proxyArgs(StackSettings s, Vpc network, Resource databaseWriter, Output<String> keyArn, Optional<Output<String>> certificateArn,
                                      List<ContainerSpec> containers, Optional<ClientVpn> vpn, Optional<EdgeAccess> edge,
                                      Optional<TaskDiscovery> discovery, Output<String> taskPolicy) {
        ProxySettings p = s.proxy();
        AccessSettings a = s.access();
        boolean internal = a.mode() == AccessMode.VPN;
        boolean loadBalanced = a.mode() != AccessMode.PRIVATE;
        return ProxyServiceArgs.builder()
                .region(s.region())
                .vpcId(network.vpcId())
                .loadBalanced(loadBalanced)
                .executeCommand(!loadBalanced)
                .scheduledRange(s.officeHours().isPresent())
                .loadBalancerSubnetIds(loadBalanced ? network.subnetIds(internal ? SubnetTier.PRIVATE : SubnetTier.PUBLIC) : null)
                .taskSubnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .kmsKeyArn(keyArn)
                .containers(containers)
                .containerPort(ProxyContainers.PORT)
                .cpu(p.cpu())
                .memory(p.memory())
                .architecture(p.architecture())
                .minTasks(p.minTasks())
                .maxTasks(p.maxTasks())
                .capacity(p.capacity())
                .containerInsights(s.observability().containerInsights())
                .healthCheckGracePeriodSeconds(p.healthCheckGraceSeconds())
                .cpuTargetPercent(p.cpuTargetPercent())
                .requestsPerTarget(p.requestsPerTarget())
                .memoryTargetPercent(p.memoryTargetPercent())
                .internal(internal)
                .certificateArn(certificateArn)
                .allowPlainHttp(a.allowPlainHttp())
                .idleTimeoutSeconds(a.idleTimeoutSeconds())
                // A deploy or scale-in lets the longest request LiteLLM allows finish before the task stops.
                .deregistrationDelaySeconds(s.litellm().requestTimeoutSeconds())
                .deletionProtection(a.deletionProtection())
                .accessLogs(a.accessLogs())
                .taskPolicyJson(Optional.of(taskPolicy))
                .waf(a.waf() ? Optional.of(WebFirewallArgs.builder().scope("REGIONAL").rateLimitPer5Minutes(a.wafRateLimit())
                        .logRetentionDays(s.observability().logRetentionDays()).kmsKeyArn(keyArn).build()) : Optional.empty())
                .requiredHeader(edge.map(EdgeAccess::originHeader))
                .logRetentionDays(s.observability().logRetentionDays())
                .blockedPaths(discovery.isPresent() ? Metrics.BLOCKED : List.of())
                .serviceRegistryArn(discovery.map(TaskDiscovery::registryArn))
                // Tasks migrate the database at start: they wait for the instance that serves the endpoint.
                .serviceDependencies(List.of(databaseWriter))
                .internetGateway(Optional.of(network.internetGateway()))
                .build();
    }

    /**
     * Who may reach the load balancer: the allow-listed ranges on every listener, the VPN's clients, or
     * CloudFront's origin-facing addresses on the serving port only (the list weighs 55 rules of the 60 a group
     * may have: VPC user guide, "AWS-managed prefix lists").
     */
    static void admitClients(AccessSettings a, ProxyService proxy, Optional<ClientVpn> vpn, Optional<EdgeAccess> edge) {
        if (!proxy.loadBalanced()) {
            return;
        }
        var balancer = proxy.loadBalancer();
        a.allowedCidrs().forEach(cidr -> balancer.admit(Peer.ipv4("clients " + cidr, cidr), "allow-listed clients call the gateway"));
        vpn.ifPresent(v -> balancer.admit(v, "VPN clients call the gateway"));
        edge.ifPresent(e -> balancer.connections().allowFrom(Peer.prefixList("CloudFront", "cloudfront", e.prefixListId()),
                balancer.servingPort(), "CloudFront forwards to its origin"));
    }

    /** The listener certificate: the configured ARN, or a DNS-validated one for {@code albDomainName}. */
    static Optional<Output<String>> certificate(String prefix, AccessSettings a, ComponentResourceOptions options) {
        if (a.certificateArn().isPresent()) {
            return a.certificateArn().map(Output::of);
        }
        return a.domainName().map(domain -> new ValidatedCertificate(prefix + "-alb-cert", domain, a.hostedZoneId().orElseThrow(),
                options).arn());
    }

    /** Where private access serves the gateway: the local end of the SSM port-forwarding session. */
    static final String TUNNEL_URL = "http://localhost:" + ProxyContainers.PORT;

    /**
     * The load balancer's name, when configured, as an alias record; the load balancer's URL (in private mode
     * the local end of {@code scripts/gateway-tunnel.sh}).
     */
    /**
     * The address people use, when it is known before anything is created: the custom domain in front (CloudFront's
     * in edge mode, the load balancer's otherwise) or the tunnel's local end. Without one, the address is the load
     * balancer's or the distribution's generated name, known only after they exist.
     */
    static Optional<String> publicUrl(AccessSettings a) {
        if (a.mode() == AccessMode.PRIVATE) {
            return Optional.of(TUNNEL_URL);
        }
        Optional<String> domain = a.edge().isPresent() ? a.edge().get().domainName() : a.domainName();
        return domain.map(d -> "https://" + d);
    }

    static Output<String> url(String prefix, AccessSettings a, ProxyService proxy) {
        if (!proxy.loadBalanced()) {
            return Output.of(TUNNEL_URL);
        }
        a.domainName().ifPresent(domain -> ValidatedCertificate.alias(prefix + "-alb", domain, a.hostedZoneId().orElseThrow(),
                proxy.loadBalancerDnsName(), proxy.loadBalancerZoneId(), List.of("A"),
                CustomResourceOptions.builder().parent(proxy).build()));
        return a.domainName().map(domain -> Output.of("https://" + domain)).orElse(proxy.url());
    }

    /** A Client VPN endpoint into the private subnets, authorized for the VPC block only. */
    static ClientVpn clientVpn(String prefix, VpnSettings vpn, Vpc network, Output<String> keyArn, int logRetentionDays,
                               ComponentResourceOptions options) {
        var args = ClientVpnArgs.builder()
                .vpcId(network.vpcId())
                .vpcCidr(network.cidr())
                .subnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .associations(vpn.associations())
                .clientCidr(vpn.clientCidr())
                .authentication(vpn.authentication())
                .splitTunnel(vpn.splitTunnel())
                .sessionTimeoutHours(vpn.sessionTimeoutHours())
                .samlProviderArn(vpn.samlProviderArn())
                .authorizedGroupId(vpn.samlGroupId())
                .users(vpn.users())
                .logRetentionDays(logRetentionDays)
                .kmsKeyArn(keyArn)
                .build();
        return new ClientVpn(prefix + "-vpn", args, options);
    }
}

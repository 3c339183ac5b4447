package dev.llmgateway.gateway;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.cache.Cache;
import dev.llmgateway.components.cache.CacheArgs;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.edge.EdgeDistribution;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.components.registry.ImageRepository;
import dev.llmgateway.components.registry.ImageRepositoryArgs;
import dev.llmgateway.components.observability.Observability;
import dev.llmgateway.components.observability.PrometheusMetrics;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.secrets.SecretVault;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.vpc.NatStrategy;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpc.VpcArgs;
import dev.llmgateway.components.vpn.ClientVpn;
import dev.llmgateway.gateway.litellm.LiteLlmConfig;
import dev.llmgateway.gateway.settings.DatabaseAuth;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the components into the LiteLLM gateway: provider and key, network, database and cache,
 * secrets, published config, proxy service, VPN, observability; then exports what operators need.
 * Every choice comes from {@link StackSettings}; there is no per-stack code.
 */
public final class Gateway {

    private Gateway() {
    }

    /** Declares every resource of the stack described by {@code s}; returns the network flows it opens. */
    public static List<Flow> deploy(Context ctx, StackSettings s) {
        String prefix = s.resourcePrefix();
        var provider = new Provider(prefix, ProviderArgs.builder()
                .region(s.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(s.tags().tags()).build())
                .build());
        var options = ComponentResourceOptions.builder().providers(provider).build();
        var invoke = InvokeOptions.builder().provider(provider).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(identity -> identity.accountId());
        // aws, aws-cn, aws-us-gov...: every ARN the program writes takes the partition from here.
        Output<String> partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
                .applyValue(result -> result.partition());

        var key = new EncryptionKey(prefix, EncryptionKeyArgs.builder()
                .accountId(account).partition(partition).region(s.region())
                .description("LiteLLM gateway " + s.stack() + ": secrets, database, logs, alarms")
                // The database always leaves a final snapshot encrypted with this key: keep the key with it.
                .outlivesStack(true)
                .protect(s.database().protect())
                .grants(a -> Observability.keyPolicyStatements(a, s.region(), Monitoring.name(prefix)))
                .build(), options);
        var network = network(prefix, s, key.arn(), invoke, options);
        Optional<ImageRepository> images = s.proxy().imageRepository()
                ? Optional.of(new ImageRepository(prefix + "-images", ImageRepositoryArgs.builder()
                        .kmsKeyArn(key.arn()).keepImages(s.proxy().imageKeepCount()).build(), options))
                : Optional.empty();

        var database = Storage.database(prefix, s, network, key.arn(), options);
        Optional<Cache> cache = s.proxy().redis()
                ? Optional.of(new Cache(prefix + "-cache", CacheArgs.builder()
                        .vpcId(network.vpcId()).subnetIds(network.subnetIds(SubnetTier.ISOLATED)).kmsKeyArn(key.arn())
                        .nodeType(s.proxy().redisNodeType()).replicas(s.proxy().redisReplicas()).build(), options))
                : Optional.empty();

        Optional<EdgeAccess> edge = s.access().edge().map(e -> EdgeAccess.prepare(prefix, invoke));
        var secrets = GatewaySecrets.create(prefix, s, key.arn(), cache.map(Cache::password),
                edge.map(e -> e.originHeader().value()), options);
        String config = LiteLlmConfig.render(s.litellm(),
                new LiteLlmConfig.RenderContext(s.region(), cache.isPresent()));
        var published = PublishedConfig.publish(prefix, config, LiteLlmConfig.hash(config), key.arn(),
                !s.access().deletionProtection(), options);

        Map<String, Output<String>> environment = new LinkedHashMap<>();
        cache.ifPresent(c -> {
            environment.put("REDIS_HOST", c.host());
            environment.put("REDIS_PORT", c.port().applyValue(String::valueOf));
            environment.put("REDIS_SSL", Output.of("true"));
        });
        var containers = ProxyContainers.of(s, new ProxyContainers.Inputs(
                new ProxyContainers.Database(database.endpoint(), database.port(), "litellm", database.masterSecretArn()),
                published, secrets.environment(), environment));

        Optional<ClientVpn> vpn = s.vpn().map(v -> Access.clientVpn(prefix, v, network, key.arn(),
                s.observability().logRetentionDays(), options));
        Output<List<String>> bedrock = Output.tuple(partition, account)
                .applyValue(t -> s.litellm().bedrockResourceArns(t.t1, s.region(), t.t2));
        var discovery = Metrics.discovery(prefix, s, network, options);
        Optional<Output<String>> certificate = Access.certificate(prefix, s.access(), options);
        var proxy = new ProxyService(prefix + "-proxy", Access.proxyArgs(s, network, database.writer(), key.arn(),
                        certificate, containers, vpn, edge, discovery,
                        TaskPermissions.policy(published.readableArn(), key.arn(), bedrock,
                                databaseConnect(s, database))),
                options);

        database.connections().allowDefaultPortFrom(proxy, "keys, budgets and spend in PostgreSQL");
        cache.ifPresent(c -> c.connections().allowDefaultPortFrom(proxy, "shared limits, budgets and cache in Redis"));
        network.endpoints().ifPresent(e -> proxy.connections().allowTo(e, 443, "AWS APIs through interface endpoints"));
        if (s.network().nat() != NatStrategy.NONE) {
            proxy.connections().allowTo(Peer.anyIpv4(), 443, "model providers, image registries and AWS APIs over HTTPS through NAT");
        } else {
            proxy.connections().allowTo(network.s3(), 443, "image layers and published configs in S3 through the gateway endpoint");
        }
        Access.admitClients(s.access(), proxy, vpn, edge);
        s.officeHours().ifPresent(hours -> OfficeHours.apply(hours, s.proxy(), proxy, database));
        Optional<EdgeDistribution> distribution = edge.map(e -> e.distribution(prefix, s, s.access().edge().orElseThrow(),
                proxy, key, account, partition, options));
        var metrics = discovery.map(d -> Metrics.services(prefix, s, network, proxy, d,
                secrets.vault().arn(GatewaySecrets.GRAFANA_PASSWORD), key.arn(),
                distribution.map(EdgeDistribution::hostNames).orElse(List.of()), options));
        var observability = Monitoring.observability(prefix, s, key.arn(), proxy, database,
                new Monitoring.SinglePoints(network.natInstanceId(), certificate, vpn.map(ClientVpn::serverCertificateArn),
                        metrics.map(PrometheusMetrics::targetGroupArnSuffix)), options);

        Output<String> loadBalancerUrl = Access.url(prefix, s.access(), proxy);
        Output<String> url = distribution.map(EdgeDistribution::url).orElse(loadBalancerUrl);
        ctx.export("gatewayUrl", url);
        ctx.export("adminUiUrl", url.applyValue(u -> u + "/ui"));
        // In edge mode the acceptance test checks that the load balancer refuses requests that bypass CloudFront.
        edge.ifPresent(e -> ctx.export("loadBalancerUrl", loadBalancerUrl));
        discovery.ifPresent(d -> {
            ctx.export("grafanaUrl", url.applyValue(u -> u + "/grafana"));
            ctx.export("grafanaPasswordSecretArn", secrets.vault().arn(GatewaySecrets.GRAFANA_PASSWORD));
        });
        ctx.export("masterKeySecretArn", secrets.vault().arn(GatewaySecrets.MASTER_KEY));
        ctx.export("uiPasswordSecretArn", secrets.vault().arn(GatewaySecrets.UI_PASSWORD));
        ctx.export("saltKeySecretArn", secrets.vault().arn(GatewaySecrets.SALT_KEY));
        ctx.export("kmsKeyArn", key.arn());
        ctx.export("databaseSecretArn", database.masterSecretArn());
        ctx.export("databaseEndpoint", database.endpoint());
        ctx.export("databaseIdentifier", Output.of(database.identifier()));
        ctx.export("databaseSubnetGroupName", database.subnetGroupName());
        ctx.export("databaseSecurityGroupId", database.securityGroupId());
        ctx.export("databaseParameterGroupName", database.parameterGroupName());
        ctx.export("clusterName", proxy.clusterName());
        ctx.export("serviceName", proxy.serviceName());
        ctx.export("taskDefinitionArn", proxy.taskDefinitionArn());
        ctx.export("logGroups", Output.all(List.copyOf(proxy.logGroupNames().values())));
        ctx.export("alarmTopicArn", observability.topicArn());
        observability.dashboardName().ifPresent(name -> ctx.export("dashboardName", name));
        ctx.export("vpcId", network.vpcId());
        images.ifPresent(repository -> ctx.export("imageRepositoryUrl", repository.repositoryUrl()));
        vpn.ifPresent(v -> {
            ctx.export("vpnEndpointId", v.endpointId());
            if (v.userConfigurations().isEmpty()) {
                ctx.export("vpnClientConfiguration", v.clientConfiguration());
            }
            // One secret output per person: `pulumi stack output --show-secrets vpnClientConfiguration-alice > alice.ovpn`.
            v.userConfigurations().forEach((user, profile) -> ctx.export("vpnClientConfiguration-" + user, profile));
        });
        List<Flow> flows = new ArrayList<>(proxy.flows());
        flows.addAll(database.connections().flows());
        cache.ifPresent(c -> flows.addAll(c.connections().flows()));
        vpn.ifPresent(v -> flows.addAll(v.connections().flows()));
        metrics.ifPresent(m -> flows.addAll(m.flows()));
        return flows;
    }

    /** With IAM database auth, the one database user the tasks may sign in as. */
    private static Optional<Output<String>> databaseConnect(StackSettings s, Database database) {
        return s.database().auth() == DatabaseAuth.IAM
                ? Optional.of(database.iamConnectArn(ProxyContainers.APP_DB_USER))
                : Optional.empty();
    }

    private static Vpc network(String prefix, StackSettings s, Output<String> keyArn, InvokeOptions invoke,
                               ComponentResourceOptions options) {
        var args = VpcArgs.builder()
                .cidr(s.network().cidr())
                .region(s.region())
                .availabilityZones(AwsFunctions.getAvailabilityZones(
                                GetAvailabilityZonesArgs.builder().state("available").build(), invoke)
                        .applyValue(zones -> zones.names()))
                .azCount(s.network().azCount())
                .natStrategy(s.network().nat())
                .interfaceEndpoints(s.network().endpoints())
                .subnetCidrs(s.network().subnetCidrs())
                .flowLogRetentionDays(s.network().flowLogRetentionDays())
                .kmsKeyArn(keyArn)
                .build();
        return new Vpc(prefix, args, options);
    }
}

package dev.llmgateway.gateway;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.cache.Cache;
import dev.llmgateway.components.cache.CacheArgs;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.components.network.Declarations;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.observability.Observability;
import dev.llmgateway.components.observability.PrometheusMetrics;
import dev.llmgateway.components.bindings.command.Command;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.LoadBalancerTarget;
import dev.llmgateway.components.proxy.OneOffTasks;
import dev.llmgateway.components.proxy.OneOffTasksArgs;
import dev.llmgateway.components.proxy.Route;
import dev.llmgateway.components.storage.PrivateBucket;
import dev.llmgateway.components.storage.PrivateBucketArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.ProxyServiceArgs;
import dev.llmgateway.components.proxy.TaskDiscovery;
import dev.llmgateway.components.registry.ImageRepository;
import dev.llmgateway.components.registry.ImageRepositoryArgs;
import dev.llmgateway.components.vpc.ExistingNetwork;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpc.VpcArgs;
import dev.llmgateway.components.waf.WebFirewallArgs;
import dev.llmgateway.gateway.access.AccessContext;
import dev.llmgateway.gateway.access.Entrance;
import dev.llmgateway.gateway.access.LoadBalancerPlacement;
import dev.llmgateway.gateway.litellm.LiteLlmConfig;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.DatabaseAuth;
import dev.llmgateway.gateway.settings.LayoutSettings;
import dev.llmgateway.gateway.settings.LiteLlmLayout;
import dev.llmgateway.gateway.settings.ExistingNetworkSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The LiteLLM gateway as one component: its AWS provider (the stack's default tags, applied once) and key, the
 * network, database and cache, the secrets, the published config, the proxy service, the way in its access mode
 * opens, metrics and alarms. Every choice comes from {@link StackSettings}; there is no per-stack code. Its getters
 * are what the stack exports ({@link StackOutputs}) and the flows the offline engine checks.
 */
public class LiteLlmGateway extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:gateway:LiteLlmGateway";

    private final StackSettings settings;
    private final EncryptionKey key;
    private final Network network;
    private final Database database;
    private final Optional<Database> standbyDatabase;
    private final Optional<Cache> cache;
    private final Optional<ImageRepository> images;
    private final GatewaySecrets secrets;
    private final Entrance entrance;
    private final ProxyService proxy;
    private final OneOffTasks deployTasks;
    private final Optional<ProxyService> backend;
    private final Optional<ProxyService> ui;
    private final Optional<PrivateBucket> files;
    private final Optional<PrometheusMetrics> metrics;
    private final Observability observability;
    private final Output<String> url;

    /** Declares every resource of the stack {@code settings} describe, under {@code name} ({@code llm-<stack>}). */
    public LiteLlmGateway(String name, StackSettings settings, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.settings = settings;
        StackSettings s = settings;
        var provider = new Provider(name, ProviderArgs.builder()
                .region(s.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(s.tags().tags()).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var options = ComponentResourceOptions.builder().parent(this).providers(provider).build();
        var invoke = InvokeOptions.builder().parent(this).provider(provider).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(identity -> identity.accountId());
        // aws, aws-cn, aws-us-gov...: every ARN the program writes takes the partition from here.
        Output<String> partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
                .applyValue(result -> result.partition());

        this.key = new EncryptionKey(name, EncryptionKeyArgs.builder()
                .accountId(account).partition(Optional.of(partition)).region(s.region())
                .description("LiteLLM gateway " + s.stack() + ": secrets, database, logs, alarms")
                // The database always leaves a final snapshot encrypted with this key: keep the key with it.
                .outlivesStack(true)
                .protect(s.database().protect())
                // Users created later (the alarm topic's publishers) add their statements; sealed at the end.
                .deferPolicy(true)
                .build(), options);
        // Grafana (prometheus metrics) notifies the alarm topic, which the monitoring creates after it (the monitoring
        // watches Grafana's target group): the topic's ARN is handed over as soon as the topic is declared.
        var alarmTopic = new CompletableFuture<Output<String>>();
        // The key's policy waits for the grants of its users: it is sealed whatever happens, so a failure below is
        // reported instead of leaving the key (and everything encrypted with it) waiting; so is the topic's hand-over.
        try {
            this.network = network(name, s, key.arn(), invoke, options);
            this.images = s.proxy().imageRepository()
                    ? Optional.of(new ImageRepository(name + "-images", ImageRepositoryArgs.builder()
                            .kmsKeyArn(key.arn()).keepImages(s.proxy().imageKeepCount()).build(), options))
                    : Optional.empty();

            var databases = Storage.databases(name, s.database(), s.observability().logRetentionDays(), network, key.arn(), options);
            this.database = databases.get(s.database().serving());
            this.standbyDatabase = s.database().standbySlots().stream().findFirst().map(databases::get);
            this.cache = s.proxy().redis()
                    ? Optional.of(new Cache(name + "-cache", CacheArgs.builder()
                            .vpcId(network.vpcId()).subnetIds(network.subnetIds(SubnetTier.ISOLATED)).kmsKeyArn(key.arn())
                            .nodeType(s.proxy().redisNodeType()).replicas(s.proxy().redisReplicas()).build(), options))
                    : Optional.empty();

            AccessSettings a = s.access();
            this.entrance = a.mode().open(new AccessContext(name, s.stack(), s.region(), s.tags().tags(), a, network, key,
                    account, partition, s.observability().logRetentionDays(), this, options, invoke));
            this.secrets = GatewaySecrets.create(name, s.secrets(), s.litellm(), s.database().auth(), s.project() + "/" + s.stack(), key.arn(),
                    cache.map(Cache::password), entrance.secrets(), this, options);
            this.files = s.files().map(f -> new PrivateBucket(name + "-files", PrivateBucketArgs.builder()
                    .kmsKeyArn(Optional.of(key.arn()))
                    .versioning(false)
                    .archiveDays(Optional.of(f.archiveDays()))
                    .expirationDays(f.expireDays() > 0 ? Optional.of(f.expireDays()) : Optional.empty())
                    .forceDestroy(!a.deletionProtection())
                    .build(), options));
            String config = LiteLlmConfig.render(s.litellm(), new LiteLlmConfig.RenderContext(s.region(), cache.isPresent(), files.isPresent()));
            var published = PublishedConfig.publish(name, config, LiteLlmConfig.hash(config), key.arn(),
                    !a.deletionProtection(), options);

            Map<String, Output<String>> environment = new LinkedHashMap<>();
            cache.ifPresent(c -> {
                environment.put("REDIS_HOST", c.host());
                environment.put("REDIS_PORT", c.port().applyValue(String::valueOf));
                environment.put("REDIS_SSL", Output.of("true"));
            });
            files.ifPresent(bucket -> {
                // What a model's config names as os.environ/S3_BUCKET_NAME (batch input, files), and the request-log archive.
                environment.put("S3_BUCKET_NAME", bucket.bucketName());
                environment.put("S3_REGION_NAME", Output.of(s.region()));
            });
            var containerSettings = new ProxyContainers.Settings(s.region(), s.proxy(), s.litellm(), s.database().auth(),
                    s.secrets(), network.cidr(), network.reachesInternet(),
                    a.idleTimeoutSeconds(), a.mode().knownUrl(a), s.layout());
            var inputs = new ProxyContainers.Inputs(
                    new ProxyContainers.Database(database.endpoint(), database.port(), "litellm", database.masterSecretArn(),
                            secrets.databasePassword()),
                    published, secrets.environment(), environment);

            // Bootstrap and migrations once per deploy, with the image being deployed, before any service rolls.
            this.deployTasks = new OneOffTasks(name + "-deploy", OneOffTasksArgs.builder()
                    .region(s.region()).vpcId(network.vpcId()).subnetIds(network.subnetIds(SubnetTier.PRIVATE))
                    .kmsKeyArn(key.arn()).architecture(s.proxy().architecture())
                    .logRetentionDays(s.observability().logRetentionDays()).build(), options);
            Command migrated = DeployTasks.declare(name, containerSettings, inputs, deployTasks,
                    s.database().auth() == DatabaseAuth.IAM ? Optional.of(databaseConnect()) : Optional.empty(),
                    database.iamConnectArn(ProxyContainers.APP_DB_USER), database.writer());
            database.connections().allowDefaultPortFrom(deployTasks, "the deploy's bootstrap and migrations in PostgreSQL");
            egress(deployTasks);

            boolean split = s.layout().layout() == LiteLlmLayout.COMPONENTIZED;
            Output<List<String>> bedrock = Output.tuple(partition, account)
                    .applyValue(t -> s.litellm().bedrockResourceArns(t.t1, s.region(), t.t2));
            Output<String> taskPolicy = TaskPermissions.policy(published.readableArn(), key.arn(), bedrock, databaseConnect(),
                    files.map(PrivateBucket::arn));
            Optional<TaskDiscovery> discovery = Metrics.discovery(name, s.litellm().metrics(), network, options);
            this.proxy = new ProxyService(name + "-proxy", proxyArgs(
                    split ? ProxyContainers.gateway(containerSettings, inputs) : ProxyContainers.of(containerSettings, inputs),
                    discovery, taskPolicy, migrated), options);
            if (split) {
                var balancer = proxy.loadBalancer();
                List<Cidr> admin = s.layout().adminCidrs();
                var uiTarget = balancer.route("ui", new Route(ProxyContainers.UI_PORT, GatewayRoutes.UI_HEALTH, GatewayRoutes.UI,
                        GatewayRoutes.UI_PRIORITY, admin, ProxyServiceArgs.DEFAULT_DEREGISTRATION_DELAY_SECONDS));
                var backendTarget = balancer.route("backend", new Route(ProxyContainers.BACKEND_PORT,
                        ProxyServiceArgs.DEFAULT_HEALTH_CHECK_PATH, GatewayRoutes.MANAGEMENT, GatewayRoutes.MANAGEMENT_PRIORITY, admin,
                        s.litellm().requestTimeoutSeconds()));
                this.backend = Optional.of(new ProxyService(name + "-backend", componentArgs(ProxyContainers.backend(containerSettings, inputs),
                        backendTarget, s.layout().backend(), Optional.of(taskPolicy), List.of(database.writer(), migrated)), options));
                this.ui = Optional.of(new ProxyService(name + "-ui", componentArgs(ProxyContainers.ui(containerSettings),
                        uiTarget, s.layout().ui(), Optional.empty(), List.of()), options));
            } else {
                this.backend = Optional.empty();
                this.ui = Optional.empty();
            }

            database.connections().allowDefaultPortFrom(proxy, "keys, budgets and spend in PostgreSQL");
            cache.ifPresent(c -> c.connections().allowDefaultPortFrom(proxy, "shared limits, budgets and cache in Redis"));
            egress(proxy);
            backend.ifPresent(b -> {
                database.connections().allowDefaultPortFrom(b, "keys, teams, models and spend for the management API");
                cache.ifPresent(c -> c.connections().allowDefaultPortFrom(b, "shared limits and budgets in Redis"));
                egress(b);
            });
            ui.ifPresent(this::egress);
            s.officeHours().ifPresent(hours -> OfficeHours.apply(hours, s.proxy(), proxy, database, network));
            this.url = entrance.serve(proxy);
            this.metrics = discovery.map(d -> Metrics.services(name, s.region(), s.network().azCount(), s.observability(),
                    network, proxy, d, secrets.vault().arn(GatewaySecrets.GRAFANA_PASSWORD), key.arn(),
                    Output.of(alarmTopic).apply(topic -> topic), entrance.browserHostNames(), options));
            this.observability = Monitoring.observability(name, s.region(), s.observability(), s.database(),
                    // Scaled to zero outside office hours, no running task is normal: no running-task alarm then.
                    s.officeHours().isPresent() ? 0 : s.proxy().minTasks(), key.arn(), proxy, database,
                    new Monitoring.SinglePoints(network.natInstanceId(), s.officeHours().isPresent(), entrance.certificates(),
                            metrics.map(PrometheusMetrics::targetGroupArnSuffix),
                            backend.map(ProxyService::targetGroupArnSuffix), ui.map(ProxyService::targetGroupArnSuffix)), options);
            UserAlarms.add(observability, name, s.observability().availabilityObjective() / 100, s.officeHours(),
                    s.proxy().minTasks(), proxy.loadBalanced(), proxy.clusterArn());
            alarmTopic.complete(observability.topicArn());
            key.allow(observability.keyPolicyStatements());
        } finally {
            alarmTopic.completeExceptionally(new IllegalStateException(name + ": the alarm topic was never declared"));
            key.seal();
        }

        registerOutputs(Map.of("gatewayUrl", url, "clusterName", proxy.clusterName(), "serviceName", proxy.serviceName()));
    }

    /**
     * The proxy service (monolithic, or the componentized gateway): the stack's sizing and scaling, with the load
     * balancer where the access mode puts it; it waits for the deploy's migrations.
     */
    private ProxyServiceArgs proxyArgs(List<ContainerSpec> containers, Optional<TaskDiscovery> discovery, Output<String> taskPolicy,
                                       Resource migrated) {
        StackSettings s = settings;
        ProxySettings p = s.proxy();
        AccessSettings a = s.access();
        Optional<LoadBalancerPlacement> placement = a.mode().loadBalancer();
        return ProxyServiceArgs.builder()
                .region(s.region())
                .vpcId(network.vpcId())
                .loadBalanced(placement.isPresent())
                .executeCommand(placement.isEmpty())
                .scheduledRange(s.officeHours().isPresent())
                .loadBalancerSubnetIds(placement.map(lb -> network.subnetIds(lb.tier())).orElse(null))
                .internal(placement.map(LoadBalancerPlacement::internal).orElse(false))
                .taskSubnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .kmsKeyArn(key.arn())
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
                .certificateArn(entrance.listenerCertificateArn())
                .allowPlainHttp(a.allowPlainHttp())
                .idleTimeoutSeconds(a.idleTimeoutSeconds())
                // A deploy or scale-in lets the longest request LiteLLM allows finish before the task stops.
                .deregistrationDelaySeconds(s.litellm().requestTimeoutSeconds())
                .deletionProtection(a.deletionProtection())
                .accessLogs(a.accessLogs())
                .taskPolicyJson(Optional.of(taskPolicy))
                // Behind CloudFront the load balancer's firewall also sees the origin secret header: it is redacted too.
                .waf(a.waf() ? Optional.of(WebFirewallArgs.builder().scope("REGIONAL").rateLimitPer5Minutes(a.wafRateLimit())
                        .logRetentionDays(s.observability().logRetentionDays()).kmsKeyArn(key.arn())
                        .redactedHeaders(Stream.concat(WebFirewallArgs.CREDENTIAL_HEADERS.stream(),
                                entrance.requiredHeader().map(ProxyServiceArgs.RequiredHeader::name).stream()).toList())
                        .build()) : Optional.empty())
                .requiredHeader(entrance.requiredHeader())
                .logRetentionDays(s.observability().logRetentionDays())
                .blockedPaths(discovery.isPresent() ? Metrics.BLOCKED : List.of())
                .serviceRegistryArn(discovery.map(TaskDiscovery::registryArn))
                // No task serves before the deploy's migrations succeeded (and the database instance is up).
                .serviceDependencies(List.of(database.writer(), migrated))
                .internetGateway(network.internetGateway())
                .listenerPaths(listenerPaths())
                .build();
    }

    /**
     * What the gateway's rules forward: the data plane in the componentized layout (the backend takes the rest),
     * else LiteLLM's API, probes and UI, and with CloudFront's header everything else that carries it.
     */
    private List<String> listenerPaths() {
        if (settings.layout().layout() == LiteLlmLayout.COMPONENTIZED) {
            return GatewayRoutes.DATA_PLANE;
        }
        List<String> paths = new ArrayList<>(ProxyServiceArgs.DEFAULT_LISTENER_PATHS);
        entrance.requiredHeader().ifPresent(header -> paths.add("/*"));
        return paths;
    }

    /** A componentized backend or UI service: in the gateway's cluster, behind its load balancer's {@code target}. */
    private ProxyServiceArgs componentArgs(List<ContainerSpec> containers, LoadBalancerTarget target, LayoutSettings.ServiceSize size,
                                           Optional<Output<String>> taskPolicy, List<Resource> before) {
        StackSettings s = settings;
        List<Resource> dependencies = new ArrayList<>(proxy.clusterReady());
        dependencies.addAll(before);
        return ProxyServiceArgs.builder()
                .region(s.region())
                .vpcId(network.vpcId())
                .loadBalanced(false)
                .target(Optional.of(target))
                .cluster(Optional.of(proxy.cluster()))
                .taskSubnetIds(network.subnetIds(SubnetTier.PRIVATE))
                .kmsKeyArn(key.arn())
                .containers(containers)
                .containerPort(target.port())
                .cpu(size.cpu())
                .memory(size.memory())
                .architecture(s.proxy().architecture())
                .minTasks(size.minTasks())
                .maxTasks(size.maxTasks())
                .capacity(s.proxy().capacity())
                .containerInsights(s.observability().containerInsights())
                .healthCheckGracePeriodSeconds(s.proxy().healthCheckGraceSeconds())
                .cpuTargetPercent(s.proxy().cpuTargetPercent())
                .taskPolicyJson(taskPolicy)
                .logRetentionDays(s.observability().logRetentionDays())
                .serviceDependencies(dependencies)
                .build();
    }

    /** What the tasks of {@code tasks} reach outside the VPC: AWS APIs through endpoints, the rest through NAT or S3. */
    private void egress(Connectable tasks) {
        network.endpoints().ifPresent(e -> tasks.connections().allowTo(e, 443, "AWS APIs through interface endpoints"));
        if (network.reachesInternet()) {
            tasks.connections().allowTo(Peer.anyIpv4(), 443, "model providers, image registries and AWS APIs over HTTPS"
                    + " through the route out");
        } else {
            network.s3().ifPresent(s3 -> tasks.connections().allowTo(s3, 443,
                    "image layers and published configs in S3 through the gateway endpoint"));
        }
    }

    /**
     * With IAM database auth, the one database user the tasks may sign in as, through the database's resource id and
     * any further ids the stack names for a blue/green upgrade.
     */
    private Output<List<String>> databaseConnect() {
        if (settings.database().auth() != DatabaseAuth.IAM) {
            return Output.of(List.of());
        }
        List<Output<String>> arns = new ArrayList<>();
        arns.add(database.iamConnectArn(ProxyContainers.APP_DB_USER));
        settings.database().extraConnectResourceIds().forEach(id ->
                arns.add(database.iamConnectArn(ProxyContainers.APP_DB_USER, id)));
        return Output.all(arns);
    }

    /** The VPC the stack creates, or the existing one its settings declare. */
    private Network network(String name, StackSettings s, Output<String> keyArn, InvokeOptions invoke,
                            ComponentResourceOptions options) {
        if (s.network().existing().isPresent()) {
            ExistingNetworkSettings e = s.network().existing().get();
            return new ExistingNetwork(name + "-network", e.vpcId(), e.cidr(), e.subnets(), e.endpoints(), this);
        }
        var args = VpcArgs.builder()
                .cidr(s.network().cidr())
                .region(s.region())
                .availabilityZones(zones(s, invoke))
                .azCount(s.network().azCount())
                .natStrategy(s.network().nat())
                .interfaceEndpoints(s.network().endpoints())
                .subnetCidrs(s.network().subnetCidrs())
                .flowLogRetentionDays(s.network().flowLogRetentionDays())
                .kmsKeyArn(keyArn)
                .build();
        return new Vpc(name, args, options);
    }

    /**
     * The zones of the subnets: the pinned ones, or the region's standard zones in name order. The lookup keeps zones
     * whatever their state (an impaired zone on a later run must not shift every subnet) and leaves out Local and
     * Wavelength Zones, which are opt-in and run neither Fargate nor interface endpoints (EC2 API Reference,
     * DescribeAvailabilityZones filters {@code zone-type}, {@code opt-in-status}).
     */
    private static Output<List<String>> zones(StackSettings s, InvokeOptions invoke) {
        if (!s.network().availabilityZones().isEmpty()) {
            return Output.of(s.network().availabilityZones());
        }
        return AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                .filters(GetAvailabilityZonesFilterArgs.builder().name("zone-type").values("availability-zone").build(),
                        GetAvailabilityZonesFilterArgs.builder().name("opt-in-status").values("opt-in-not-required").build())
                .build(), invoke).applyValue(zones -> zones.names().stream().sorted().toList());
    }

    /**
     * What the offline engine's reachability check judges: every network flow the gateway opens, and the existing
     * network it deploys into, if any, as declared.
     */
    public Declarations declarations() {
        return new Declarations(flows(), network.declared().stream().toList());
    }

    /** Every network flow the gateway opens. */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>(proxy.flows());
        backend.ifPresent(b -> flows.addAll(b.flows()));
        ui.ifPresent(u -> flows.addAll(u.flows()));
        flows.addAll(deployTasks.connections().flows());
        flows.addAll(database.connections().flows());
        cache.ifPresent(c -> flows.addAll(c.connections().flows()));
        flows.addAll(entrance.flows());
        metrics.ifPresent(m -> flows.addAll(m.flows()));
        return flows;
    }

    /** The settings it was built from. */
    public StackSettings settings() {
        return settings;
    }

    /** The address clients use. */
    public Output<String> url() {
        return url;
    }

    /** The way in its access mode opened. */
    public Entrance entrance() {
        return entrance;
    }

    /** The stack's customer key. */
    public EncryptionKey key() {
        return key;
    }

    /** The network: the VPC the stack created, or the existing one it uses. */
    public Network network() {
        return network;
    }

    /** The PostgreSQL database. */
    public Database database() {
        return database;
    }

    /** The database in the slot that does not serve, while there is one (a restored copy, or the one it replaced). */
    public Optional<Database> standbyDatabase() {
        return standbyDatabase;
    }

    /** The Redis cache, when the stack has one. */
    public Optional<Cache> cache() {
        return cache;
    }

    /** The proxy service: the monolithic LiteLLM service, or the componentized gateway. */
    public ProxyService proxy() {
        return proxy;
    }

    /** The componentized layout's backend (management API) service. */
    public Optional<ProxyService> backend() {
        return backend;
    }

    /** The componentized layout's UI service. */
    public Optional<ProxyService> ui() {
        return ui;
    }

    /** The deploy's one-off tasks (bootstrap, migrate). */
    public OneOffTasks deployTasks() {
        return deployTasks;
    }

    /** LiteLLM's own bucket, when the stack has one. */
    public Optional<PrivateBucket> files() {
        return files;
    }

    /** The secrets' vault and their ARNs. */
    public GatewaySecrets secrets() {
        return secrets;
    }

    /** The stack's own image repository, when it has one. */
    public Optional<ImageRepository> images() {
        return images;
    }

    /** VictoriaMetrics and Grafana, with Prometheus metrics. */
    public Optional<PrometheusMetrics> metrics() {
        return metrics;
    }

    /** Alarms and dashboard. */
    public Observability observability() {
        return observability;
    }
}

package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.database.ConnectionBudget;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.database.DatabaseArgs;
import dev.llmgateway.components.secrets.SecretStore;
import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.components.vpc.SubnetTier;
import dev.llmgateway.components.proxy.CpuArchitecture;
import dev.llmgateway.gateway.litellm.BedrockModels;
import dev.llmgateway.gateway.access.AccessMode;
import dev.llmgateway.gateway.litellm.Guardrail;
import dev.llmgateway.gateway.litellm.ModelSpec;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.litellm.Sidecars;
import dev.llmgateway.gateway.litellm.Provider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import java.util.Optional;

/**
 * Everything a stack is configured with, read and validated once at start-up. Stacks differ
 * only in these values, never in code paths.
 *
 * @param project       project name
 * @param stack         stack name
 * @param region        {@code aws:region}
 * @param tags          default tags
 * @param network       VPC
 * @param database      PostgreSQL
 * @param proxy         LiteLLM tasks
 * @param access        how clients reach the gateway: the access mode with its own settings, and the load balancer's
 * @param observability logs, alarms, dashboard
 * @param secrets       where secrets live and when generated ones are renewed
 * @param policyProfile {@code policyProfile}: which offline policy checks gate this stack
 * @param litellm       what the proxy serves: models, budgets, guardrails
 * @param officeHours   when the proxy (and an RDS instance) runs; empty = around the clock
 * @param warnings      values outside the tables of what AWS and LiteLLM accept (not refused: the tables may be older)
 * @param updates       what an update of the deployed stack may do (read by the offline update plan only)
 * @param layout        one LiteLLM service or LiteLLM's gateway, backend and UI services
 * @param files         LiteLLM's own S3 bucket (request-log archive, files, batches), when the stack has one
 */
public record StackSettings(String project, String stack, String region, TagSettings tags, NetworkSettings network,
                            DatabaseSettings database, ProxySettings proxy, AccessSettings access,
                            ObservabilitySettings observability, SecretSettings secrets,
                            PolicyProfile policyProfile, LiteLlmSettings litellm,
                            Optional<OfficeHoursSettings> officeHours, LayoutSettings layout, Optional<FileBucketSettings> files,
                            List<String> warnings, UpdateSettings updates) {

    /** Memory a task keeps for LiteLLM (its Prisma migration, then the server) after the sidecars' reservations. */
    static final int LITELLM_MIN_MEMORY_MIB = 2048;

    /** Reads every setting from {@code source}; throws {@link SettingsException} on the first bad value. */
    public static StackSettings read(ConfigSource source) {
        return read(new SettingsReader(source));
    }

    /** Reads every setting with {@code r}, which then knows how each key was read ({@link SettingsReader#uses()}). */
    static StackSettings read(SettingsReader r) {
        ConfigSource source = r.source();
        checkStackName(source.stack());
        UndeclaredKeys.reject(source);
        String region = Regions.read(r);
        NetworkSettings network = NetworkSettings.read(r, region);
        AccessSettings access = AccessSettings.read(r, region, network);
        checkExistingSubnets(r, network, access);
        DatabaseSettings database = DatabaseSettings.read(r);
        ProxySettings proxy = ProxySettings.read(r);
        // The path in front of LiteLLM may wait less than its default (CloudFront's origin read timeout).
        LiteLlmSettings litellm = LiteLlmSettings.read(r, access.mode().requestTimeoutCeilingSeconds());
        checkTimeouts(r, access, litellm);
        checkBedrockModels(r, region, litellm);
        access.mode().check(r, access, proxy, litellm);
        checkConnectionBudget(database, proxy, litellm);
        checkSidecars(proxy, litellm);
        SecretSettings secrets = SecretSettings.read(r);
        checkPrivateEgress(r, network, proxy, litellm, secrets, access);
        checkScrapedTasks(r, proxy, litellm);
        TagSettings tags = TagSettings.read(r);
        ObservabilitySettings observability = ObservabilitySettings.read(r);
        PolicyProfile profile = r.choice("policyProfile", PolicyProfile.class);
        if (profile == PolicyProfile.PROD && observability.alarmEmails().isEmpty()) {
            throw r.invalid("alarmEmails", "[]", "at least one address when policyProfile is prod: without a subscriber"
                    + " every alarm and failed-deployment event reaches no one (e.g. litellm-gateway:alarmEmails:"
                    + " [oncall@example.com]; confirm the subscription e-mail AWS sends)");
        }
        if (profile == PolicyProfile.PROD) {
            Placeholders.reject(r);
        }
        Optional<OfficeHoursSettings> officeHours = OfficeHoursSettings.read(r);
        LayoutSettings layout = LayoutSettings.read(r);
        checkLayout(r, layout, access, officeHours);
        return new StackSettings(source.project(), source.stack(), region, tags, network,
                database, proxy, access, observability, secrets, profile, litellm, officeHours, layout, FileBucketSettings.read(r),
                r.warnings(), UpdateSettings.read(r));
    }

    /**
     * The componentized layout routes paths to three services on one load balancer (none in accessMode private) and
     * runs them around the clock; behind CloudFront the load balancer sees CloudFront's addresses, not the clients'.
     */
    static void checkLayout(SettingsReader r, LayoutSettings layout, AccessSettings access, Optional<OfficeHoursSettings> officeHours) {
        if (layout.layout() != LiteLlmLayout.COMPONENTIZED) {
            return;
        }
        if (access.mode().loadBalancer().isEmpty()) {
            throw r.invalid("litellmLayout", "componentized", "monolithic with accessMode " + SettingsReader.spelling(access.mode().kind())
                    + ": the componentized layout routes paths to its services on a load balancer, and that access mode has none");
        }
        if (officeHours.isPresent()) {
            throw r.invalid("litellmLayout", "componentized", "monolithic with officeHours: office hours scale one service");
        }
        if (!layout.adminCidrs().isEmpty() && access.mode().kind() == AccessMode.EDGE) {
            throw r.invalid("adminCidrs", layout.adminCidrs(), "empty with accessMode edge: behind CloudFront the load balancer"
                    + " sees CloudFront's addresses, never the clients'");
        }
    }

    /** Longest stack name the program accepts: every name derived from it then fits its AWS limit. */
    static final int MAX_STACK_NAME = 40;

    /**
     * Prefix of every resource name: {@code llm-} and the stack name in lower case (RDS, S3 and
     * ElastiCache names must be lower case; names over a limit are shortened by {@code PhysicalName}).
     */
    public String resourcePrefix() {
        return "llm-" + stack.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Stack names become part of AWS names, most of which allow only letters, digits and hyphens;
     * 40 characters leave room for the longest explicit name the program derives (an RDS instance
     * identifier {@code llm-<stack>-db-1}, limit 63; shorter limits are met by hashing).
     */
    static void checkStackName(String stack) {
        if (stack == null || !stack.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?") || stack.contains("--")
                || stack.length() > MAX_STACK_NAME) {
            throw new SettingsException("stack name", stack, "1 to " + MAX_STACK_NAME
                    + " letters, digits and single hyphens, starting and ending with a letter or digit, because AWS names"
                    + " derived from it (RDS identifiers, S3 buckets, load balancers) allow nothing else");
        }
    }

    /**
     * Without NAT the tasks reach only AWS services with VPC endpoints: the image must come from ECR,
     * the endpoints ECS needs must exist, and models must be on Bedrock (through its endpoint).
     */
    static void checkPrivateEgress(SettingsReader r, NetworkSettings network, ProxySettings proxy, LiteLlmSettings litellm,
                                   SecretSettings secrets, AccessSettings access) {
        if (network.egress()) {
            return;
        }
        if (!proxy.image().contains(".dkr.ecr.")) {
            throw r.invalid("litellmImage", proxy.image(), "an ECR image (<account>.dkr.ecr.<region>.amazonaws.com/...) because"
                    + " natStrategy none leaves no route to other registries");
        }
        Set<InterfaceEndpoint> needed = EnumSet.of(InterfaceEndpoint.ECR_API, InterfaceEndpoint.ECR_DKR, InterfaceEndpoint.LOGS,
                secrets.store() == SecretStore.SSM ? InterfaceEndpoint.SSM : InterfaceEndpoint.SECRETS_MANAGER);
        if (litellm.models().stream().anyMatch(m -> m.provider() == Provider.BEDROCK)) {
            needed.add(InterfaceEndpoint.BEDROCK_RUNTIME);
        }
        needed.addAll(access.mode().endpointsWithoutNat());
        needed.removeAll(network.endpoints());
        if (!needed.isEmpty()) {
            throw r.invalid("vpcEndpoints", network.endpoints().stream().map(InterfaceEndpoint::service).sorted().toList(),
                    "also " + needed.stream().map(InterfaceEndpoint::service).sorted().toList() + ", which tasks need when natStrategy is none");
        }
        litellm.models().stream().filter(m -> m.provider() != Provider.BEDROCK).findFirst().ifPresent(m -> {
            throw r.invalid("models", m.alias() + "=" + m.model(), "Bedrock models only when natStrategy is none (no route to "
                    + m.provider().prefix() + ")");
        });
    }

    /** An existing network must have public subnets where the access mode puts an internet-facing load balancer. */
    static void checkExistingSubnets(SettingsReader r, NetworkSettings network, AccessSettings access) {
        network.existing().ifPresent(existing -> access.mode().loadBalancer()
                .filter(placement -> placement.tier() == SubnetTier.PUBLIC && !existing.hasPublicSubnets())
                .ifPresent(placement -> {
                    throw r.invalid("existingSubnets", existing.subnets().stream().map(s -> s.id()).toList(),
                            "public subnets (=public;...;route=igw-...) in two or more zones as well: accessMode "
                            + SettingsReader.spelling(access.mode().kind()) + " puts an internet-facing load balancer there");
                }));
    }

    /**
     * Every Bedrock model must be callable from the stack's region: Bedrock exists there, and an inference profile's
     * geography covers it ({@link BedrockModels}); a model outside the table of known models is warned about.
     */
    static void checkBedrockModels(SettingsReader r, String region, LiteLlmSettings litellm) {
        for (ModelSpec model : litellm.models()) {
            if (model.provider() != Provider.BEDROCK) {
                continue;
            }
            String entry = model.alias() + "=" + model.model();
            BedrockModels.problem(model.modelId(), region).ifPresent(problem -> {
                throw r.invalid("models", entry, problem + " (aws:region = " + region + ")");
            });
            if (!BedrockModels.known(model.modelId()) || BedrockModels.unmapped(model.modelId(), region)) {
                r.warnUnknown("models", entry, "the Bedrock models and inference profiles known for " + region, BedrockModels.AS_OF);
            }
        }
    }

    /**
     * Most proxy tasks VictoriaMetrics can see: it finds them by resolving the Cloud Map name, and a
     * multivalue answer holds at most eight records ("Route 53 responds to DNS queries with up to
     * eight healthy records": Route 53 Developer Guide, "Multivalue answer routing"; Cloud Map API
     * {@code DnsConfig.RoutingPolicy}), so a ninth task would serve traffic nobody scrapes.
     */
    public static final int MAX_SCRAPED_TASKS = 8;

    /** With Prometheus metrics, every task the service may run must be scraped. */
    static void checkScrapedTasks(SettingsReader r, ProxySettings proxy, LiteLlmSettings litellm) {
        if (litellm.metrics() == MetricsMode.PROMETHEUS && proxy.maxTasks() > MAX_SCRAPED_TASKS) {
            throw r.invalid("proxyMaxTasks", proxy.maxTasks(), "at most " + MAX_SCRAPED_TASKS + " with metrics = prometheus:"
                    + " VictoriaMetrics finds the tasks through Cloud Map DNS, whose answers hold at most "
                    + MAX_SCRAPED_TASKS + " addresses, so further tasks would never be scraped");
        }
    }

    /**
     * A non-streamed completion sends nothing until the model has finished, so every hop in front of
     * LiteLLM must wait at least {@code requestTimeoutSeconds}; otherwise the client gets a 504 while the
     * model call goes on and is billed. The load balancer closes connections idle for
     * {@code albIdleTimeoutSeconds} (ELB user guide, "Connection idle timeout", 1..4000 s); CloudFront waits
     * {@code edgeOriginReadTimeoutSeconds} for the origin (default 30, at most 60 without, 180 with a quota
     * increase: CloudFront developer guide, "Response timeout"; re:Post knowledge center
     * "cloudfront-custom-origin-response").
     */
    static void checkTimeouts(SettingsReader r, AccessSettings access, LiteLlmSettings litellm) {
        int request = litellm.requestTimeoutSeconds();
        if (access.idleTimeoutSeconds() <= request) {
            throw r.invalid("albIdleTimeoutSeconds", access.idleTimeoutSeconds(), "more than litellm-gateway:requestTimeoutSeconds ("
                    + request + "): the load balancer would close a long non-streamed completion (504) while the model call is still"
                    + " billed; raise albIdleTimeoutSeconds or lower requestTimeoutSeconds");
        }
    }

    /**
     * The sidecars must be able to run, and leave LiteLLM room. Microsoft publishes the Presidio images for
     * linux/amd64 only (mcr.microsoft.com/presidio-analyzer and presidio-anonymizer), so an arm64 task
     * could not pull them. The migration (Prisma peaks above 1 GiB; LiteLLM's Terraform module gives it
     * 4 GiB) and then the server share the task with the sidecars, which reserve their memory from the start.
     */
    static void checkSidecars(ProxySettings proxy, LiteLlmSettings litellm) {
        if (litellm.guardrails().contains(Guardrail.PRESIDIO) && proxy.architecture() == CpuArchitecture.ARM64) {
            throw new SettingsException("litellm-gateway:guardrails", "presidio",
                    "regex-pii only on arm64 tasks: the Presidio images exist for linux/amd64 only;"
                    + " set litellm-gateway:proxyArchitecture = x86-64 to run Presidio");
        }
        int sidecars = Sidecars.of(litellm).stream().mapToInt(c -> c.memoryReservation().orElse(0)).sum();
        if (proxy.memory() - sidecars < LITELLM_MIN_MEMORY_MIB) {
            throw new SettingsException("litellm-gateway:proxyMemory", Integer.toString(proxy.memory()),
                    "at least " + (sidecars + LITELLM_MIN_MEMORY_MIB) + " MiB: the sidecars reserve " + sidecars
                    + " MiB and LiteLLM's migration and server need " + LITELLM_MIN_MEMORY_MIB + " MiB");
        }
    }

    /**
     * LiteLLM opens up to {@code databasePoolLimit} connections per worker, so at full scale the proxy holds pool x
     * workers x max tasks connections, and twice that while a rolling deployment runs old and new tasks side by side
     * ({@link ProxyService#DEPLOYMENT_MAXIMUM_PERCENT}); they must fit what the database accepts ({@link
     * ConnectionBudget}: AWS's default max_connections for the capacity, less a margin). A task's migration runs
     * before its server starts, so its connections do not add to that task's pool.
     */
    static void checkConnectionBudget(DatabaseSettings database, ProxySettings proxy, LiteLlmSettings litellm) {
        String instanceClass = database.instanceClass().orElse(DatabaseArgs.defaultInstanceClass(database.engine()));
        int max = ConnectionBudget.maxConnections(database.engine(), database.minCapacity(), database.maxCapacity(),
                instanceClass);
        int usable = ConnectionBudget.usable(max);
        int deploying = ProxyService.DEPLOYMENT_MAXIMUM_PERCENT / 100;
        int needed = litellm.databasePoolLimit() * proxy.workers() * proxy.maxTasks() * deploying;
        if (needed > usable) {
            throw new SettingsException("Database connection budget exceeded: litellm-gateway:databasePoolLimit ("
                    + litellm.databasePoolLimit() + ") x workers (" + proxy.workers() + ") x litellm-gateway:proxyMaxTasks ("
                    + proxy.maxTasks() + ") x " + deploying + " (old and new tasks during a rolling deployment) = " + needed
                    + " connections, but the database allows about " + max
                    + " (" + usable + " usable after a 10% margin and the superuser reserve); raise dbMaxCapacity or"
                    + " dbInstanceClass, or lower databasePoolLimit, proxyWorkers or proxyMaxTasks");
        }
    }
}

package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import dev.llmgateway.components.proxy.ContainerCondition;
import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.HealthCheck;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.gateway.litellm.MetricsMode;
import dev.llmgateway.gateway.litellm.ProxyFiles;
import dev.llmgateway.gateway.litellm.Sidecars;
import dev.llmgateway.gateway.settings.DatabaseAuth;
import dev.llmgateway.gateway.settings.LayoutSettings;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.SecretSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The serving tasks' containers. A one-shot {@code config} container (same image, the LiteLLM user, a read-only root
 * file system) downloads the published config into a task volume; the server starts only after it succeeded, reads the
 * config with {@code --config} (monolithic) or {@code CONFIG_FILE_PATH} (the componentized gateway and backend), and
 * never migrates ({@code DISABLE_SCHEMA_UPDATE=true}): migrations and the database bootstrap run once per deploy in
 * one-off tasks ({@link DeployTasks}), and no serving container gets the RDS master secret with IAM database auth.
 * Then the sidecars the settings ask for.
 */
public final class ProxyContainers {

    /** Seconds LiteLLM keeps an idle connection open beyond the load balancer's idle timeout. */
    static final int KEEPALIVE_MARGIN_SECONDS = 5;
    /** LiteLLM's port. */
    public static final int PORT = 4000;
    /**
     * Port of LiteLLM's own metrics process ({@code PROMETHEUS_METRICS_PORT}, LiteLLM 1.101.0 and later, docs
     * proxy/prometheus "Dedicated metrics port"; its Helm chart sets the same variable for {@code metricsServer}):
     * the scraper's only way in. It serves no API and takes no key, so only the metrics task's security group reaches
     * it, and the load balancer's target group never does; {@code /metrics} on {@link #PORT} requires a LiteLLM key.
     */
    public static final int METRICS_PORT = 4001;
    /** {@code nobody:nogroup}, the user LiteLLM's non_root image runs as (docker/Dockerfile.non_root: USER nobody). */
    static final String LITELLM_USER = "65534:65534";
    /** The longest stopTimeout Fargate accepts. */
    static final int FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;
    /** Where the server reads its config (a task volume the {@code config} container fills). */
    static final String CONFIG_FILE = "/etc/litellm/config.yaml";
    /**
     * Writable paths LiteLLM needs on a read-only root file system, below the {@code /tmp} task volume (LiteLLM docs,
     * proxy/prod "read-only file system"; the admin UI is pre-built in /var/lib/litellm/ui with its .litellm_ui_ready
     * marker, so it is served as is). PRISMA_BINARY_CACHE_DIR is left to the image: the non_root image bakes the
     * Prisma CLI and engines into /opt/prisma and points PRISMA_BINARY_CACHE_DIR, PRISMA_CLI_PATH and
     * PRISMA_OFFLINE_MODE there (BerriAI/litellm PR #33853, v1.91.4+; its static test of docker/Dockerfile.non_root,
     * test_prisma_cli_and_binary_engine_are_baked_for_offline_runtime); an empty directory here would hide them and
     * every migration would fail.
     */
    static final Map<String, String> WRITABLE_PATHS = Map.of(
            "LITELLM_MIGRATION_DIR", "/tmp/litellm/migrations",
            "XDG_CACHE_HOME", "/tmp/litellm/cache");
    /** Prometheus' shared directory of the workers' counters (a task volume, so it exists at start). */
    static final String PROMETHEUS_MULTIPROC_DIR = "/var/lib/litellm/prometheus";

    /**
     * The settings the containers are built from: the slices of the stack's settings they read.
     *
     * @param region            the stack's region
     * @param proxy             image, workers, read-only root
     * @param litellm           what LiteLLM serves: models, guardrails (sidecars), metrics, timeouts
     * @param databaseAuth      how the server signs in to PostgreSQL
     * @param secrets           the generations of the master key and the UI password (each rolls the service when rotated)
     * @param vpcCidr           the VPC block: the load balancer's nodes, whose forwarded addresses are trusted
     * @param routeToInternet   whether the tasks have a route to the internet (NAT)
     * @param idleTimeoutSeconds the load balancer's idle timeout, which LiteLLM's keep-alive must exceed
     * @param publicUrl         the address people use, when known up front
     * @param layout            monolithic or componentized, and the componentized images
     */
    record Settings(String region, ProxySettings proxy, LiteLlmSettings litellm, DatabaseAuth databaseAuth,
                    SecretSettings secrets, Cidr vpcCidr, boolean routeToInternet, int idleTimeoutSeconds,
                    Optional<String> publicUrl, LayoutSettings layout) {
    }

    /**
     * What the containers are given.
     *
     * @param database    DATABASE_HOST/PORT/NAME plus the master secret's ARN (RDS-managed, {@code username} and
     *                    {@code password})
     * @param config      where the rendered config is published
     * @param secrets     environment name to secret ARN, for the servers only
     * @param environment extra plain environment (e.g. Redis endpoint)
     */
    record Inputs(Database database, PublishedConfig config, Map<String, Output<String>> secrets,
                  Map<String, Output<String>> environment) {
    }

    /**
     * Database connection pieces: LiteLLM builds DATABASE_URL from them.
     *
     * @param host           writer host name
     * @param port           port
     * @param name           database name
     * @param credentialsArn the RDS-managed master secret with {@code username} and {@code password}: the bootstrap's
     * @param appPasswordArn litellm_app's generated password, with {@code dbAuth: password}
     */
    record Database(Output<String> host, Output<Integer> port, String name, Output<String> credentialsArn,
                    Optional<Output<String>> appPasswordArn) {
    }

    /**
     * An image and the user LiteLLM's processes run as in it.
     *
     * @param reference the pinned image
     * @param user      {@code uid:gid}
     */
    record Image(String reference, String user) {

        /** The monolithic image, as its {@code nobody} user (docker/Dockerfile.non_root: USER nobody). */
        static Image monolithic(Settings s) {
            return new Image(s.proxy().image(), LITELLM_USER);
        }

        /** One of LiteLLM's split images, as wolfi's {@code nonroot} (65532) they run as (gateway/Dockerfile: USER nonroot). */
        static Image component(Settings s, String component) {
            return new Image(s.layout().image(component), COMPONENT_USER);
        }
    }

    /** The one-shot container that makes the task volumes writable for the non-root containers. */
    static final String VOLUMES = "volumes";
    /** The PostgreSQL role the servers and migrations sign in as with IAM tokens (created by litellm/app_role.sql). */
    static final String APP_DB_USER = "litellm_app";
    /** The user of LiteLLM's split images: wolfi-base's {@code nonroot} (BerriAI/litellm gateway/Dockerfile). */
    static final String COMPONENT_USER = "65532:65532";
    /** The componentized backend's port (LiteLLM's AWS module, terraform/litellm/aws/ecs.tf). */
    public static final int BACKEND_PORT = 4001;
    /** The componentized UI's port (nginx serving the static dashboard; terraform/litellm/aws/ecs.tf). */
    public static final int UI_PORT = 3000;

    private ProxyContainers() {
    }

    /** The monolithic task's containers, main server first. */
    static List<ContainerSpec> of(Settings s, Inputs in) {
        Image image = Image.monolithic(s);
        var server = serving("litellm", image, PORT, s, in)
                .command(List.of("--port", Integer.toString(PORT), "--config", CONFIG_FILE))
                .env("NUM_WORKERS", Integer.toString(s.proxy().workers()))
                // uvicorn closes idle keep-alive connections after 5 s by default; the load balancer reuses them for up
                // to its idle timeout, and a connection the target closed first becomes a 502. AWS: keep the target's
                // keep-alive longer than the load balancer's idle timeout (ELB user guide, "Connection idle timeout").
                // LiteLLM passes KEEPALIVE_TIMEOUT to uvicorn's timeout_keep_alive (LiteLLM docs, proxy CLI arguments).
                .env("KEEPALIVE_TIMEOUT", Integer.toString(keepAlive(s)))
                .env(WRITABLE_PATHS);
        prometheusDirectory(server, s);
        sidecarsFirst(server, s);
        in.secrets().forEach(server::secret);
        return task(image, s, server, config(image, s, in), Sidecars.of(s.litellm()));
    }

    /**
     * The componentized gateway task (no WRITABLE_PATHS: the split images keep Prisma's engines in the nonroot user's
     * cache, {@code /home/nonroot/.cache}, which XDG_CACHE_HOME would hide): LiteLLM's data-plane app ({@code gateway.main:app}, the proxy with only the LLM
     * routes) under uvicorn, as LiteLLM's AWS module starts it, with the guardrail sidecars. No admin UI password.
     */
    static List<ContainerSpec> gateway(Settings s, Inputs in) {
        Image image = Image.component(s, "gateway");
        var server = serving("gateway", image, PORT, s, in)
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of(uvicorn("gateway.main:app", PORT, s.proxy().workers(), s)))
                .env("CONFIG_FILE_PATH", CONFIG_FILE);
        prometheusDirectory(server, s);
        sidecarsFirst(server, s);
        in.secrets().forEach((name, arn) -> {
            if (!name.equals("UI_PASSWORD")) {
                server.secret(name, arn);
            }
        });
        return task(image, s, server, config(image, s, in), Sidecars.of(s.litellm()));
    }

    /** The componentized backend task: LiteLLM's management API ({@code backend.main:app}), one worker. */
    static List<ContainerSpec> backend(Settings s, Inputs in) {
        Image image = Image.component(s, "backend");
        var server = serving("backend", image, BACKEND_PORT, s, in)
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of(uvicorn("backend.main:app", BACKEND_PORT, 1, s)))
                .env("CONFIG_FILE_PATH", CONFIG_FILE);
        in.secrets().forEach(server::secret);
        return task(image, s, server, config(image, s, in), List.of());
    }

    /**
     * The componentized UI task: the static admin dashboard, served by nginx on {@value #UI_PORT}. It needs no
     * database, secret or AWS permission. nginx writes its pid and caches below /var: a writable root file system.
     */
    static List<ContainerSpec> ui(Settings s) {
        Image image = Image.component(s, "ui");
        return List.of(ContainerSpec.builder("ui", image.reference())
                .port(UI_PORT)
                .stopTimeoutSeconds(FARGATE_MAX_STOP_TIMEOUT_SECONDS)
                .readonlyRootFilesystem(false)
                .build());
    }

    /**
     * A LiteLLM server: production mode, no schema updates, the config from the {@code config} container, sign-in to
     * PostgreSQL as litellm_app with IAM tokens (or the master secret with {@code dbAuth: password}).
     */
    private static ContainerSpec.Builder serving(String name, Image image, int port, Settings s, Inputs in) {
        var server = litellm(name, image, s)
                .port(port)
                // SIGTERM lets uvicorn finish the requests in flight; give it the longest wait Fargate allows
                // (ECS task definition parameters, stopTimeout: at most 120 s on Fargate; the default is 30).
                .stopTimeoutSeconds(FARGATE_MAX_STOP_TIMEOUT_SECONDS)
                .env("LITELLM_MODE", "PRODUCTION")
                .env("LITELLM_LOG", "ERROR")
                .env("STORE_MODEL_IN_DB", s.litellm().storeModelInDb() ? "True" : "False")
                // Never migrate at start: the one-off migrate task of the deploy did (proxy_cli.py should_update_prisma_schema).
                .env("DISABLE_SCHEMA_UPDATE", "true")
                .env("UI_USERNAME", "admin")
                // Not secrets: the generations of the master key and the UI password. ECS reads secrets only when a
                // task starts, and the task definition names each secret without a version, so without these a rotated
                // value would reach only tasks started later. A new version changes the task definition: the service rolls.
                .env("MASTER_ROTATION", Integer.toString(s.secrets().masterKeyVersion()))
                .env("UI_LOGIN_ROTATION", Integer.toString(s.secrets().uiPasswordVersion()))
                // uvicorn takes the client address from X-Forwarded-For, right to left, skipping only addresses
                // in these networks (the load balancer's nodes are in the VPC): the address the load balancer saw,
                // not one a caller wrote (uvicorn ProxyHeadersMiddleware, CIDRs since encode/uvicorn PR #2265).
                // Behind CloudFront that address is CloudFront's edge; the viewer's is in CloudFront's and WAF's logs.
                .env("FORWARDED_ALLOW_IPS", s.vpcCidr().toString())
                .env(Sidecars.environment(s.litellm()))
                .healthCheck(HealthCheck.of(liveness(port), 300))
                .mountReadOnly("litellm-config", parent(CONFIG_FILE))
                .mount("litellm-tmp", "/tmp")
                .dependsOn("config", ContainerCondition.SUCCESS);
        databaseSignIn(server, s, in);
        // LiteLLM builds the admin UI's login redirect and invitation links from PROXY_BASE_URL, else from the
        // request's Host (its UI login form, "/sso/get/ui_settings"): behind CloudFront that Host is the origin's
        // name, which only CloudFront may reach. Set when the address is known before the stack exists.
        s.publicUrl().ifPresent(url -> server.env("PROXY_BASE_URL", url));
        in.environment().forEach(server::env);
        return server;
    }

    /** How LiteLLM signs in to PostgreSQL: as litellm_app, with IAM tokens or (dbAuth password) its generated password. */
    static void databaseSignIn(ContainerSpec.Builder container, Settings s, Inputs in) {
        container.env("DATABASE_HOST", in.database().host())
                .env("DATABASE_PORT", in.database().port().applyValue(String::valueOf))
                .env("DATABASE_NAME", in.database().name());
        if (s.databaseAuth() == DatabaseAuth.IAM) {
            // LiteLLM mints and refreshes the token itself from these (litellm/proxy/db/db_url_settings.py,
            // IAM_TOKEN_DB_AUTH with DATABASE_HOST/PORT/USER/NAME; region from AWS_REGION_NAME or AWS_REGION).
            // No password at all; the task role may connect as exactly this user.
            container.env("IAM_TOKEN_DB_AUTH", "true")
                    .env("DATABASE_USER", APP_DB_USER)
                    .env("AWS_REGION", s.region())
                    .env("AWS_REGION_NAME", s.region());
        } else {
            // The password the bootstrap task set (app_role.sql), never the master's.
            container.env("DATABASE_USERNAME", APP_DB_USER)
                    .secret("DATABASE_PASSWORD", in.database().appPasswordArn().orElseThrow(
                            () -> new IllegalStateException("dbAuth password needs litellm_app's generated password")));
        }
    }

    /** The master secret: for the bootstrap task only. */
    static void masterCredentials(ContainerSpec.Builder container, Inputs in) {
        container.secret("DATABASE_USERNAME", in.database().credentialsArn().applyValue(arn -> arn + ":username::"))
                .secret("DATABASE_PASSWORD", in.database().credentialsArn().applyValue(arn -> arn + ":password::"));
    }

    /** uvicorn serving one of the split images' apps, as LiteLLM's AWS module starts them (terraform/litellm/aws/ecs.tf). */
    private static String uvicorn(String app, int port, int workers, Settings s) {
        return "exec uvicorn " + app + " --host 0.0.0.0 --port " + port + " --workers " + workers
                // The proxy CLI's KEEPALIVE_TIMEOUT does not apply here: uvicorn takes it as an argument.
                + " --timeout-keep-alive " + keepAlive(s);
    }

    private static int keepAlive(Settings s) {
        return s.idleTimeoutSeconds() + KEEPALIVE_MARGIN_SECONDS;
    }

    /** Liveness without dependencies, in Python because LiteLLM images ship neither curl nor wget. */
    private static List<String> liveness(int port) {
        return List.of("CMD", "python", "-c",
                "import urllib.request; urllib.request.urlopen('http://localhost:" + port + "/health/liveliness', timeout=4)");
    }

    private static void prometheusDirectory(ContainerSpec.Builder server, Settings s) {
        if (s.litellm().metrics() == MetricsMode.PROMETHEUS) {
            // The metrics process reads every worker's counters through prometheus_client's shared directory, also
            // with one worker. LiteLLM creates one itself only from a --config it parsed and under /tmp
            // (litellm/proxy/proxy_cli.py, _maybe_setup_prometheus_multiproc_dir); naming a volume makes it explicit
            // and present at start.
            server.env("PROMETHEUS_METRICS_PORT", Integer.toString(METRICS_PORT))
                    .env("PROMETHEUS_MULTIPROC_DIR", PROMETHEUS_MULTIPROC_DIR).mount("prometheus", PROMETHEUS_MULTIPROC_DIR);
        }
    }

    private static void sidecarsFirst(ContainerSpec.Builder server, Settings s) {
        Sidecars.of(s.litellm()).stream()
                .filter(sidecar -> sidecar.healthCheck().isPresent())
                .forEach(sidecar -> server.dependsOn(sidecar.name(), ContainerCondition.HEALTHY));
    }

    /** The server, its config download and the sidecars, read-only as the settings say, task volumes made writable. */
    private static List<ContainerSpec> task(Image image, Settings s, ContainerSpec.Builder server, ContainerSpec.Builder config,
                                            List<ContainerSpec> sidecars) {
        boolean readOnly = s.proxy().readOnlyRootFilesystem();
        List<ContainerSpec> containers = new ArrayList<>();
        containers.add(server.readonlyRootFilesystem(readOnly).build());
        containers.add(config.readonlyRootFilesystem(readOnly).build());
        containers.addAll(sidecars);
        return withWritableVolumes(image.reference(), containers);
    }

    private static ContainerSpec.Builder config(Image image, Settings s, Inputs in) {
        // Same image, python and boto3 only: fetches the published object (checking its hash) into the
        // volume the server reads. The task role may read the config prefix, so a task of an older revision
        // (a rollback) still finds its own object.
        return litellm("config", image, s)
                .essential(false)
                .entryPoint(List.of("python", "-c"))
                .command(List.of(ProxyFiles.script("fetch_config.py")))
                .env("CONFIG_BUCKET", in.config().bucketName())
                .env("CONFIG_OBJECT", in.config().objectKey())
                .env("CONFIG_PATH", CONFIG_FILE)
                .env("AWS_REGION", s.region())
                .mount("litellm-config", parent(CONFIG_FILE));
    }

    /**
     * Fargate creates task volumes owned by root with mode 0755 (ECS developer guide, "Use bind mounts": "By
     * default, the volume permissions are set to 0755 and the owner as root"; aws/containers-roadmap#938), so
     * a non-root container could not write to its own {@code /tmp}. A one-shot {@code volumes} container of
     * {@code image} opens them first: root, but with every capability dropped and a read-only root, it may only chmod
     * the directories it owns ({@code 1777}, like {@code /tmp}). Every container that mounts a volume waits for it.
     */
    static List<ContainerSpec> withWritableVolumes(String image, List<ContainerSpec> containers) {
        List<String> volumes = containers.stream()
                .filter(c -> c.user().filter(user -> !user.startsWith("0:") && !user.equals("0")).isPresent())
                .flatMap(c -> c.mounts().entrySet().stream().filter(m -> !m.getValue().readOnly()).map(Map.Entry::getKey))
                .distinct().sorted().toList();
        if (volumes.isEmpty()) {
            return containers;
        }
        var init = ContainerSpec.builder(VOLUMES, image)
                .essential(false)
                .user("0:0")
                .dropAllCapabilities()
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of("chmod 1777" + volumes.stream().map(v -> " /volumes/" + v).collect(Collectors.joining())));
        volumes.forEach(volume -> init.mount(volume, "/volumes/" + volume));
        List<ContainerSpec> result = new ArrayList<>();
        for (ContainerSpec container : containers) {
            result.add(container.mounts().isEmpty() ? container : container.dependingOn(VOLUMES, ContainerCondition.SUCCESS));
        }
        result.add(init.build());
        return result;
    }

    /** A container of a LiteLLM image, as its non-root user. */
    static ContainerSpec.Builder litellm(String name, Image image, Settings s) {
        var container = ContainerSpec.builder(name, image.reference()).user(image.user());
        if (!s.routeToInternet()) {
            // Every import of litellm first fetches the model cost map from GitHub (5 s timeout, then the bundled copy
            // and background retries: litellm_core_utils/get_model_cost_map.py) unless this is set. With no route out
            // that is a wait and a warning at each start; the bundled map is the one of the pinned image.
            container.env("LITELLM_LOCAL_MODEL_COST_MAP", "True");
        }
        return container;
    }

    private static String parent(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }
}

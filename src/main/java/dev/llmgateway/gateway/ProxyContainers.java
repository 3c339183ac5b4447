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
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.SecretSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The task's containers. Two one-shot containers run first, each as LiteLLM's non-root user on a
 * read-only root file system: {@code config} downloads the published config into a task volume, and
 * {@code migrate} applies LiteLLM's database migrations and fails unless none is left pending. The
 * {@code litellm} server starts only after both succeeded, reads the config with {@code --config} (the
 * only way LiteLLM applies settings such as {@code database_connection_pool_limit}) and never migrates
 * itself. Then the sidecars the settings ask for.
 */
public final class ProxyContainers {

    /** Seconds LiteLLM keeps an idle connection open beyond the load balancer's idle timeout. */
    static final int KEEPALIVE_MARGIN_SECONDS = 5;
    /** LiteLLM's port. */
    public static final int PORT = 4000;
    /** Liveness without dependencies, in Python because LiteLLM images ship neither curl nor wget. */
    static final List<String> LIVENESS = List.of("CMD", "python", "-c",
            "import urllib.request; urllib.request.urlopen('http://localhost:4000/health/liveliness', timeout=4)");
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
    /** Prometheus' shared directory when several workers serve /metrics (a task volume, so it exists at start). */
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
     */
    record Settings(String region, ProxySettings proxy, LiteLlmSettings litellm, DatabaseAuth databaseAuth,
                    SecretSettings secrets, Cidr vpcCidr, boolean routeToInternet, int idleTimeoutSeconds,
                    Optional<String> publicUrl) {
    }

    /**
     * What the containers are given.
     *
     * @param database    DATABASE_HOST/NAME plus secret username and password ARNs ({@code <arn>:<key>::})
     * @param config      where the rendered config is published
     * @param secrets     environment name to secret ARN, for the server only
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
     * @param credentialsArn the RDS-managed master secret with {@code username} and {@code password}
     */
    record Database(Output<String> host, Output<Integer> port, String name, Output<String> credentialsArn) {

        Output<String> hostAndPort() {
            return Output.tuple(host, port).applyValue(t -> t.t1 + ":" + t.t2);
        }
    }

    /** The one-shot container that makes the task volumes writable for the non-root containers. */
    static final String VOLUMES = "volumes";
    /** The PostgreSQL role the server signs in as with IAM tokens (created by litellm/app_role.sql). */
    static final String APP_DB_USER = "litellm_app";

    private ProxyContainers() {
    }

    /** The containers, main server first. */
    static List<ContainerSpec> of(Settings s, Inputs in) {
        boolean readOnly = s.proxy().readOnlyRootFilesystem();
        List<ContainerSpec> containers = new ArrayList<>();
        containers.add(server(s, in).readonlyRootFilesystem(readOnly).build());
        containers.add(config(s, in).readonlyRootFilesystem(readOnly).build());
        containers.add(migrate(s, in).readonlyRootFilesystem(readOnly).build());
        containers.addAll(Sidecars.of(s.litellm()));
        return withWritableVolumes(s, containers);
    }

    /** The LiteLLM server: reads the downloaded config, never migrates, starts after config and migrate. */
    private static ContainerSpec.Builder server(Settings s, Inputs in) {
        var server = litellm("litellm", s)
                .port(PORT)
                // SIGTERM lets uvicorn finish the requests in flight; give it the longest wait Fargate allows
                // (ECS task definition parameters, stopTimeout: at most 120 s on Fargate; the default is 30).
                .stopTimeoutSeconds(FARGATE_MAX_STOP_TIMEOUT_SECONDS)
                .command(List.of("--port", Integer.toString(PORT), "--config", CONFIG_FILE))
                .env("LITELLM_MODE", "PRODUCTION")
                .env("LITELLM_LOG", "ERROR")
                .env("NUM_WORKERS", Integer.toString(s.proxy().workers()))
                .env("STORE_MODEL_IN_DB", s.litellm().storeModelInDb() ? "True" : "False")
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
                // uvicorn closes idle keep-alive connections after 5 s by default; the load balancer reuses them for up
                // to its idle timeout, and a connection the target closed first becomes a 502. AWS: keep the target's
                // keep-alive longer than the load balancer's idle timeout (ELB user guide, "Connection idle timeout").
                // LiteLLM passes KEEPALIVE_TIMEOUT to uvicorn's timeout_keep_alive (LiteLLM docs, proxy CLI arguments).
                .env("KEEPALIVE_TIMEOUT", Integer.toString(s.idleTimeoutSeconds() + KEEPALIVE_MARGIN_SECONDS))
                .env(Sidecars.environment(s.litellm()))
                .env(WRITABLE_PATHS)
                .healthCheck(HealthCheck.of(LIVENESS, 300))
                .mountReadOnly("litellm-config", parent(CONFIG_FILE))
                .mount("litellm-tmp", "/tmp")
                .dependsOn("config", ContainerCondition.SUCCESS)
                .dependsOn("migrate", ContainerCondition.SUCCESS);
        if (s.proxy().workers() > 1 && s.litellm().metrics() == MetricsMode.PROMETHEUS) {
            // Several uvicorn workers each keep their own counters; prometheus_client aggregates them only
            // through a shared directory. LiteLLM creates one itself only from a --config it parsed and under
            // /tmp (litellm/proxy/proxy_cli.py, _maybe_setup_prometheus_multiproc_dir); naming a volume makes
            // it explicit and present at start.
            server.env("PROMETHEUS_MULTIPROC_DIR", PROMETHEUS_MULTIPROC_DIR).mount("prometheus", PROMETHEUS_MULTIPROC_DIR);
        }
        if (s.databaseAuth() == DatabaseAuth.IAM) {
            // LiteLLM mints and refreshes the token itself from these (litellm/proxy/db/db_url_settings.py,
            // IAM_TOKEN_DB_AUTH with DATABASE_HOST/PORT/USER/NAME; region from AWS_REGION_NAME or AWS_REGION).
            // The server gets no password at all; the task role may connect as exactly this user.
            server.env("IAM_TOKEN_DB_AUTH", "true")
                    .env("DATABASE_HOST", in.database().host())
                    .env("DATABASE_PORT", in.database().port().applyValue(String::valueOf))
                    .env("DATABASE_USER", APP_DB_USER)
                    .env("DATABASE_NAME", in.database().name())
                    .env("AWS_REGION", s.region())
                    .env("AWS_REGION_NAME", s.region());
        } else {
            masterCredentials(server, in);
        }
        // LiteLLM builds the admin UI's login redirect and invitation links from PROXY_BASE_URL, else from the
        // request's Host (its UI login form, "/sso/get/ui_settings"): behind CloudFront that Host is the origin's
        // name, which only CloudFront may reach. Set when the address is known before the stack exists.
        s.publicUrl().ifPresent(url -> server.env("PROXY_BASE_URL", url));
        in.environment().forEach(server::env);
        in.secrets().forEach(server::secret);
        Sidecars.of(s.litellm()).stream()
                .filter(sidecar -> sidecar.healthCheck().isPresent())
                .forEach(sidecar -> server.dependsOn(sidecar.name(), ContainerCondition.HEALTHY));
        return server;
    }

    private static ContainerSpec.Builder config(Settings s, Inputs in) {
        // Same image, python and boto3 only: fetches the published object (checking its hash) into the
        // volume the server reads. The task role may read the config prefix, so a task of an older revision
        // (a rollback) still finds its own object.
        return litellm("config", s)
                .essential(false)
                .entryPoint(List.of("python", "-c"))
                .command(List.of(ProxyFiles.script("fetch_config.py")))
                .env("CONFIG_BUCKET", in.config().bucketName())
                .env("CONFIG_OBJECT", in.config().objectKey())
                .env("CONFIG_PATH", CONFIG_FILE)
                .env("AWS_REGION", s.region())
                .mount("litellm-config", parent(CONFIG_FILE));
    }

    private static ContainerSpec.Builder migrate(Settings s, Inputs in) {
        // Same image, migrations only, then `prisma migrate status` as the gate (litellm/migrate.sh). It
        // needs the database and nothing else: no config, no keys. Prisma's engines peak above 1 GiB while
        // migrating (LiteLLM's Terraform module gives its migration task 4 GiB); the settings keep at least
        // 2 GiB of the task for LiteLLM after the sidecars' reservations, and the server starts only after.
        var migrate = litellm("migrate", s)
                .essential(false)
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of(ProxyFiles.script("migrate.sh")))
                .env("DISABLE_SCHEMA_UPDATE", "false")
                .env(WRITABLE_PATHS)
                .mount("migrate-tmp", "/tmp");
        masterCredentials(migrate, in);
        if (s.databaseAuth() == DatabaseAuth.IAM) {
            migrate.env("APP_DB_USER", APP_DB_USER)
                    .env("APP_ROLE_SQL", ProxyFiles.text("app_role.sql"))
                    .env("DB_IAM_HOST", in.database().host())
                    .env("DB_IAM_PORT", in.database().port().applyValue(String::valueOf))
                    .env("AWS_REGION", s.region());
        }
        return migrate;
    }

    /**
     * Fargate creates task volumes owned by root with mode 0755 (ECS developer guide, "Use bind mounts": "By
     * default, the volume permissions are set to 0755 and the owner as root"; aws/containers-roadmap#938), so
     * a non-root container could not write to its own {@code /tmp}. A one-shot {@code volumes} container opens
     * them first: root, but with every capability dropped and a read-only root, it may only chmod the
     * directories it owns ({@code 1777}, like {@code /tmp}). Every container that mounts a volume waits for it.
     */
    static List<ContainerSpec> withWritableVolumes(Settings s, List<ContainerSpec> containers) {
        List<String> volumes = containers.stream()
                .filter(c -> c.user().filter(user -> !user.startsWith("0:") && !user.equals("0")).isPresent())
                .flatMap(c -> c.mounts().entrySet().stream().filter(m -> !m.getValue().readOnly()).map(Map.Entry::getKey))
                .distinct().sorted().toList();
        if (volumes.isEmpty()) {
            return containers;
        }
        var init = ContainerSpec.builder(VOLUMES, s.proxy().image())
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

    /** A container of the LiteLLM image, as its non-root user. */
    private static ContainerSpec.Builder litellm(String name, Settings s) {
        var container = ContainerSpec.builder(name, s.proxy().image()).user(LITELLM_USER);
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

    /** The master secret, for the migration (always) and the server with {@code dbAuth: password}. */
    private static void masterCredentials(ContainerSpec.Builder container, Inputs in) {
        container.env("DATABASE_HOST", in.database().hostAndPort())
                .env("DATABASE_NAME", in.database().name())
                .secret("DATABASE_USERNAME", in.database().credentialsArn().applyValue(arn -> arn + ":username::"))
                .secret("DATABASE_PASSWORD", in.database().credentialsArn().applyValue(arn -> arn + ":password::"));
    }
}

package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import dev.llmgateway.components.proxy.ContainerCondition;
import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.HealthCheck;
import dev.llmgateway.gateway.litellm.Sidecars;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task's containers: a one-shot {@code migrate} container that applies LiteLLM's database
 * migrations and exits, the {@code litellm} server that starts only after it succeeded (with schema
 * updates disabled, so tasks never race on migrations), and the sidecars the settings ask for.
 */
final class ProxyContainers {

    /** LiteLLM's port. */
    static final int PORT = 4000;
    /** Liveness without dependencies, in Python because LiteLLM images ship neither curl nor wget. */
    static final List<String> LIVENESS = List.of("CMD", "python", "-c",
            "import urllib.request; urllib.request.urlopen('http://localhost:4000/health/liveliness', timeout=4)");

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
     * Database connection pieces: LiteLLM builds DATABASE_URL from them (quoting the password).
     *
     * @param host           host:port
     * @param name           database name
     * @param credentialsArn the RDS-managed secret with {@code username} and {@code password}
     */
    record Database(Output<String> host, String name, Output<String> credentialsArn) {
    }

    private ProxyContainers() {
    }

    /** The containers, main server first. */
    static List<ContainerSpec> of(StackSettings s, Inputs in) {
        var server = ContainerSpec.builder("litellm", s.proxy().image())
                .port(PORT)
                .env("LITELLM_MODE", "PRODUCTION")
                .env("LITELLM_LOG", "ERROR")
                .env("NUM_WORKERS", Integer.toString(s.proxy().workers()))
                .env("STORE_MODEL_IN_DB", s.litellm().storeModelInDb() ? "True" : "False")
                .env("DISABLE_SCHEMA_UPDATE", "true")
                .env("UI_USERNAME", "admin")
                // Not a secret: the master key's generation. ECS reads secrets only when a task starts, and the
                // task definition names the secret without a version, so without this a rotated key would reach
                // only tasks started later. A new masterKeyVersion changes the task definition: the service rolls.
                .env("MASTER_ROTATION", Integer.toString(s.secrets().masterKeyVersion()))
                .env(Sidecars.environment(s.litellm()))
                .healthCheck(HealthCheck.of(LIVENESS, 300))
                .dependsOn("migrate", ContainerCondition.SUCCESS)
                // LiteLLM writes its admin UI and Prisma files at start: a read-only root breaks it.
                .readonlyRootFilesystem(false)
                .env("LITELLM_CONFIG_BUCKET_NAME", in.config().bucketName())
                .env("LITELLM_CONFIG_BUCKET_OBJECT_KEY", in.config().objectKey());
        database(server, in);
        in.environment().forEach(server::env);
        in.secrets().forEach(server::secret);
        Sidecars.of(s.litellm()).stream()
                .filter(sidecar -> sidecar.healthCheck().isPresent())
                .forEach(sidecar -> server.dependsOn(sidecar.name(), ContainerCondition.HEALTHY));

        // Same image, migrations only: `--skip_server_startup` applies Prisma migrations (serialized by
        // Prisma's advisory lock when several tasks start together) and exits. It needs the database and
        // nothing else: no config, no keys.
        var migrate = ContainerSpec.builder("migrate", s.proxy().image())
                .essential(false)
                .command(List.of("--skip_server_startup"))
                .env("DISABLE_SCHEMA_UPDATE", "false")
                .readonlyRootFilesystem(false);
        database(migrate, in);

        List<ContainerSpec> containers = new ArrayList<>();
        containers.add(server.build());
        containers.add(migrate.build());
        containers.addAll(Sidecars.of(s.litellm()));
        return containers;
    }

    private static void database(ContainerSpec.Builder container, Inputs in) {
        container.env("DATABASE_HOST", in.database().host())
                .env("DATABASE_NAME", in.database().name())
                .secret("DATABASE_USERNAME", in.database().credentialsArn().applyValue(arn -> arn + ":username::"))
                .secret("DATABASE_PASSWORD", in.database().credentialsArn().applyValue(arn -> arn + ":password::"));
    }
}

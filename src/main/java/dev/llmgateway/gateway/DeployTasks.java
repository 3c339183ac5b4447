package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.command.Command;
import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.OneOffTask;
import dev.llmgateway.components.proxy.OneOffTasks;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.gateway.ProxyContainers.Image;
import dev.llmgateway.gateway.litellm.ProxyFiles;
import dev.llmgateway.gateway.settings.DatabaseAuth;
import dev.llmgateway.gateway.settings.LiteLlmLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deploy's one-off tasks, run by {@code pulumi up} with the image being deployed, before any service rolls:
 * {@code <prefix>-bootstrap} (the only container that gets the RDS master secret; creates litellm_app, the role LiteLLM
 * signs in as with IAM tokens or, with dbAuth password, its generated password: {@code litellm/app_role.sql}) and then {@code <prefix>-migrate} (LiteLLM's own migrations with its v2 resolver, then
 * the gate that fails on pending or failed ones, {@code litellm/migrate.sh}). The monolithic layout runs both in the
 * proxy image ({@code litellmImage}), the componentized one in LiteLLM's {@code litellm-migrations} image. Alarms and
 * runbooks find the tasks by these family names.
 */
final class DeployTasks {

    /** The bootstrap task's container and family suffix. */
    static final String BOOTSTRAP = "bootstrap";
    /** The migration task's container and family suffix. */
    static final String MIGRATE = "migrate";
    /** Bootstrap task size: Prisma's CLI and an import of LiteLLM's URL helper. */
    static final int BOOTSTRAP_CPU = 512;
    static final int BOOTSTRAP_MEMORY = 1024;
    /**
     * Migration task size: Prisma's engines peak well above 1 GiB while migrating; LiteLLM's AWS module gives its
     * migration task 512 CPU units and 4 GiB (terraform/litellm/aws/migrations.tf).
     */
    static final int MIGRATE_CPU = 512;
    static final int MIGRATE_MEMORY = 4096;

    private DeployTasks() {
    }

    /** The family of one of the deploy's tasks: {@code <prefix>-bootstrap}, {@code <prefix>-migrate}. */
    static String family(String prefix, String task) {
        return prefix + "-" + task;
    }

    /**
     * Declares the tasks in order and returns the migration's command: every service depends on it, so none rolls
     * before the schema is in place.
     *
     * @param connectArns {@code rds-db:connect} on litellm_app (the live and any blue/green resource id), with IAM database auth
     * @param trigger     a value that changes when the database is replaced (the tasks run again for a new database)
     * @param writer      the database instance the tasks need
     */
    static Command declare(String prefix, ProxyContainers.Settings s, ProxyContainers.Inputs in, OneOffTasks tasks,
                           Optional<Output<List<String>>> connectArns, Output<String> trigger, Resource writer) {
        Image image = s.layout().layout() == LiteLlmLayout.COMPONENTIZED
                ? Image.component(s, "migrations") : Image.monolithic(s);
        tasks.run(task(family(prefix, BOOTSTRAP), bootstrap(image, s, in), image, s, BOOTSTRAP_CPU, BOOTSTRAP_MEMORY,
                Optional.empty(), trigger, writer));
        Optional<Output<String>> policy = connectArns.map(arns -> arns.applyValue(a -> PolicyDocument.json(List.of(
                // rds-db:connect on exactly dbuser:<resource id>/litellm_app (RDS user guide, IAM database access).
                Statement.allow("MigrateAsApp", List.of("rds-db:connect"), a)))));
        return tasks.run(task(family(prefix, MIGRATE), migrate(image, s, in), image, s, MIGRATE_CPU, MIGRATE_MEMORY, policy,
                trigger, writer));
    }

    private static OneOffTask task(String family, ContainerSpec.Builder container, Image image, ProxyContainers.Settings s,
                                   int cpu, int memory, Optional<Output<String>> policy, Output<String> trigger, Resource writer) {
        List<ContainerSpec> containers = ProxyContainers.withWritableVolumes(image.reference(),
                List.of(container.readonlyRootFilesystem(s.proxy().readOnlyRootFilesystem()).build()));
        List<ContainerSpec> helpers = new ArrayList<>(containers.subList(1, containers.size()));
        return new OneOffTask(family, containers.get(0), helpers, cpu, memory, policy, List.of(trigger), List.of(writer));
    }

    /** As the master user, creates litellm_app and its grants ({@code litellm/bootstrap.sh}, {@code app_role.sql}). */
    private static ContainerSpec.Builder bootstrap(Image image, ProxyContainers.Settings s, ProxyContainers.Inputs in) {
        boolean iam = s.databaseAuth() == DatabaseAuth.IAM;
        var container = ProxyContainers.litellm(BOOTSTRAP, image, s)
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of(ProxyFiles.script("bootstrap.sh")))
                .env("DATABASE_HOST", in.database().host())
                .env("DATABASE_PORT", in.database().port().applyValue(String::valueOf))
                .env("DATABASE_NAME", in.database().name())
                .env("APP_AUTH", iam ? "iam" : "password")
                .env("APP_ROLE_SQL", ProxyFiles.text("app_role.sql"))
                .mount("bootstrap-tmp", "/tmp");
        ProxyContainers.masterCredentials(container, in);
        if (!iam) {
            container.secret("APP_PASSWORD", in.database().appPasswordArn().orElseThrow());
        }
        return container;
    }

    /**
     * LiteLLM's migration entry point for the image, then the gate ({@code litellm/migrate.sh}): as litellm_app (so it
     * owns what it creates), with an IAM token or its password.
     */
    private static ContainerSpec.Builder migrate(Image image, ProxyContainers.Settings s, ProxyContainers.Inputs in) {
        boolean split = s.layout().layout() == LiteLlmLayout.COMPONENTIZED;
        List<String> command = new ArrayList<>(List.of(ProxyFiles.script("migrate.sh"), MIGRATE));
        // The split image's entry point (migrations/run.py) takes the v2 resolver by default; the proxy CLI needs the flag.
        command.addAll(split ? List.of("python3", "/app/run.py")
                : List.of("litellm", "--skip_server_startup", "--use_v2_migration_resolver"));
        var container = ProxyContainers.litellm(MIGRATE, image, s)
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(command)
                .mount("migrate-tmp", "/tmp");
        if (split) {
            container.env("USE_V2_MIGRATION_RESOLVER", "true");
        } else {
            container.env(ProxyContainers.WRITABLE_PATHS);
        }
        ProxyContainers.databaseSignIn(container, s, in);
        return container;
    }
}

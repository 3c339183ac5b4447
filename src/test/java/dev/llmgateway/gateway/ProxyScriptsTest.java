package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the commands the task definitions give the one-off {@code bootstrap} and {@code migrate} containers and the
 * {@code config} and {@code ollama} containers, exactly as rendered, with {@code /bin/sh} and stub {@code litellm},
 * {@code prisma}, {@code ollama} programs and stand-ins for LiteLLM's Python modules: the migration gate must fail
 * whenever migrations fail or remain pending, in both images, and Ollama must stop on SIGTERM.
 */
class ProxyScriptsTest {

    @TempDir
    Path dir;

    private static JsonObject container(String stack, boolean example, String name) {
        var plan = example ? Plans.example(stack) : Plans.stack(stack);
        return container(plan, "-proxy", name);
    }

    /** A container of the task definition whose logical name ends with {@code task}. */
    private static JsonObject container(dev.llmgateway.engine.PlannedStack plan, String task, String name) {
        return StreamSupport.stream(JsonParser.parseString(ProxyTaskTest.task(plan, task)
                        .string("containerDefinitions")).getAsJsonArray().spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(c -> c.get("name").getAsString().equals(name)).findFirst().orElseThrow();
    }

    /** entryPoint + command of a container, as ECS would exec them. */
    private static List<String> argv(JsonObject container) {
        List<String> argv = new ArrayList<>();
        container.getAsJsonArray("entryPoint").forEach(e -> argv.add(e.getAsString()));
        container.getAsJsonArray("command").forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    private void stub(String name, String body) throws IOException {
        Path file = dir.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String log) {
    }

    /**
     * Runs a one-off container's command with stubs: the migration entry point ({@code litellm} or {@code python3
     * /app/run.py}) and {@code prisma migrate status} exit with the given codes; the scripts' Python runs in the real
     * interpreter against stand-ins for LiteLLM's URL helper (a token for litellm_app, or the master's password).
     */
    private Run run(JsonObject container, int migrateExit, int statusExit, boolean catalog) throws Exception {
        return run(container, Map.of(), migrateExit, statusExit, catalog);
    }

    private Run run(JsonObject container, Map<String, String> secrets, int migrateExit, int statusExit, boolean catalog) throws Exception {
        Path modules = dir.resolve("py");
        Files.createDirectories(modules.resolve("litellm/proxy/db"));
        Files.writeString(modules.resolve("litellm/__init__.py"), "");
        Files.writeString(modules.resolve("litellm/proxy/__init__.py"), "");
        Files.writeString(modules.resolve("litellm/proxy/db/__init__.py"), "");
        Files.writeString(modules.resolve("litellm/proxy/db/db_url_settings.py"), String.join("\n",
                "import os",
                "class DatabaseURLSettings:",
                "    @classmethod",
                "    def from_env(cls):",
                "        return cls()",
                "    def build_writer_url(self):",
                "        host, port, name = os.environ['DATABASE_HOST'], os.environ['DATABASE_PORT'], os.environ['DATABASE_NAME']",
                "        if os.environ.get('IAM_TOKEN_DB_AUTH') == 'true':",
                "            return 'postgresql://%s:iam-token@%s:%s/%s' % (os.environ['DATABASE_USER'], host, port, name)",
                "        return 'postgresql://%s:%s@%s:%s/%s' % (os.environ['DATABASE_USERNAME'], os.environ['DATABASE_PASSWORD'], host, port, name)",
                ""));
        Path pkg = modules.resolve("litellm_proxy_extras");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("__init__.py"), "");
        if (catalog) {
            Files.createDirectories(pkg.resolve("migrations/20250101000000_init"));
            Files.writeString(pkg.resolve("migrations/20250101000000_init/migration.sql"), "-- init");
        }
        Path log = dir.resolve("calls.log");
        stub("python", "exec python3 \"$@\"");
        stub("litellm", "echo \"litellm $* as $DATABASE_USER\" >> " + log + "; exit " + migrateExit);
        stub("prisma", String.join("\n",
                "if [ \"$1 $2\" = 'db execute' ]; then echo \"prisma $* <<$(cat)\" >> " + log + "; exit 0; fi",
                "echo \"prisma $* in $(pwd) DATABASE_URL=$DATABASE_URL\" >> " + log + "; exit " + statusExit));
        List<String> argv = argv(container);
        if (argv.contains("/app/run.py")) {
            // The split image's own entry point: here a stand-in that records how it was called.
            Path runPy = dir.resolve("run.py");
            Files.writeString(runPy, "import os, sys\nopen(" + "'" + log + "', 'a').write('run.py v2=' + os.environ['USE_V2_MIGRATION_RESOLVER'] + '\\n')\n"
                    + "sys.exit(" + migrateExit + ")\n");
            argv.set(argv.indexOf("/app/run.py"), runPy.toString());
        }
        var process = new ProcessBuilder(argv);
        env(container).forEach(process.environment()::put);
        process.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        process.environment().put("PYTHONPATH", modules.toString());
        process.environment().put("DATABASE_HOST", "db");
        process.environment().put("DATABASE_PORT", "5432");
        process.environment().putIfAbsent("DATABASE_USERNAME", "master");
        process.environment().put("DATABASE_PASSWORD", "p");
        process.environment().putAll(secrets);
        process.redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        int exit = process.start().waitFor();
        return new Run(exit, Files.exists(log) ? Files.readString(log) : "");
    }

    private Run migrate(int migrateExit, int statusExit, boolean catalog) throws Exception {
        return run(container(Plans.stack("dev"), "-deploy-migrate", "migrate"), migrateExit, statusExit, catalog);
    }

    @Test
    void theBootstrapRunsTheRoleSqlAsTheMasterWithTlsRequired() throws Exception {
        Run run = run(container(Plans.stack("dev"), "-deploy-bootstrap", "bootstrap"), 0, 0, true);
        assertEquals(0, run.exit(), run.log() + Files.readString(dir.resolve("out.log")));
        assertTrue(run.log().startsWith("prisma db execute --url postgresql://master:p@db:5432/litellm?sslmode=require --stdin <<"),
                "the master secret's user and password, TLS required: " + run.log());
        assertTrue(run.log().contains("pg_advisory_xact_lock") && run.log().contains("GRANT rds_iam TO litellm_app;"), run.log());
    }

    @Test
    void withIamMigrationsRunAsTheAppRoleWithTheV2ResolverThenTheGate() throws Exception {
        Run run = migrate(0, 0, true);
        assertEquals(0, run.exit(), run.log());
        String[] calls = run.log().split("\n");
        assertEquals("litellm --skip_server_startup --use_v2_migration_resolver as litellm_app", calls[0],
                "migrations as the app role, so it owns what they create; the v2 resolver never forces the schema back");
        assertEquals("prisma migrate status --schema schema.prisma in " + dir.resolve("py/litellm_proxy_extras")
                + " DATABASE_URL=postgresql://litellm_app:iam-token@db:5432/litellm?sslmode=require", calls[1]);
    }

    @Test
    void theComponentizedLayoutMigratesWithTheMigrationsImagesOwnEntryPoint() throws Exception {
        Run run = run(container(Plans.example("componentized-gateway"), "-deploy-migrate", "migrate"), 0, 0, true);
        assertEquals(0, run.exit(), run.log() + Files.readString(dir.resolve("out.log")));
        assertTrue(run.log().startsWith("run.py v2=true\nprisma migrate status"), run.log());
        assertNotEquals(0, run(container(Plans.example("componentized-gateway"), "-deploy-migrate", "migrate"), 0, 1, true).exit(),
                "pending migrations fail the gate in this image too");
    }

    @Test
    void withPasswordAuthTheBootstrapSetsTheAppRolesVerifierAndMigrationsRunAsThatRole() throws Exception {
        var password = Plans.of(Stacks.load("dev").with(Map.of("dbAuth", "password")));
        JsonObject bootstrap = container(password, "-deploy-bootstrap", "bootstrap");
        Run setup = run(bootstrap, Map.of("APP_PASSWORD", "Abc123def456"), 0, 0, true);
        assertEquals(0, setup.exit(), setup.log() + Files.readString(dir.resolve("out.log")));
        java.util.regex.Matcher verifier = java.util.regex.Pattern.compile(
                "set_config\\('litellm.app_password', '(SCRAM-SHA-256\\$4096:([^$]+)\\$[^']+)', false\\)").matcher(setup.log());
        assertTrue(setup.log().contains("set_config('litellm.app_auth', 'password', false)") && verifier.find(), setup.log());
        assertFalse(setup.log().contains("Abc123def456"), "the password itself is in no statement");
        assertEquals(AppRoleSqlTest.verifier("Abc123def456", java.util.Base64.getDecoder().decode(verifier.group(2))), verifier.group(1),
                "the verifier PostgreSQL would compute for that password and salt");
        JsonObject migrate = container(password, "-deploy-migrate", "migrate");
        Run run = run(migrate, Map.of("DATABASE_PASSWORD", "Abc123def456"), 0, 0, true);
        assertEquals(0, run.exit(), run.log());
        assertTrue(run.log().contains("DATABASE_URL=postgresql://litellm_app:Abc123def456@db:5432/litellm?sslmode=require"), run.log());
    }

    @Test
    void aFailedMigrationStopsTheGateBeforeTheStatusCheck() throws Exception {
        Run run = migrate(1, 0, true);
        assertNotEquals(0, run.exit());
        assertFalse(run.log().contains("migrate status"), run.log());
    }

    @Test
    void pendingOrFailedMigrationsFailTheGateEvenWhenLiteLlmExitedZero() throws Exception {
        // LiteLLM 1.80.x exited 0 after a failed migration; Prisma's status check is what catches it.
        assertNotEquals(0, migrate(0, 1, true).exit());
    }

    @Test
    void aMissingMigrationCatalogFailsTheGate() throws Exception {
        // Prisma reports success against a schema without migrations (LiteLLM v1.90.5 release notes).
        Run run = migrate(0, 0, false);
        assertNotEquals(0, run.exit());
        assertFalse(run.log().contains("migrate status"), run.log());
    }

    /** Runs the config container's command with a stand-in boto3 that serves {@code body} for any key. */
    private int fetchConfig(String body, Path target) throws Exception {
        Path modules = dir.resolve("boto");
        Files.createDirectories(modules.resolve("boto3"));
        Files.writeString(modules.resolve("boto3/__init__.py"), String.join("\n",
                "import io, os",
                "class _S3:",
                "    def get_object(self, Bucket, Key):",
                "        return {'Body': io.BytesIO(os.environ['FAKE_BODY'].encode())}",
                "def client(name, region_name=None):",
                "    assert region_name == 'us-east-1', region_name",
                "    return _S3()", ""));
        JsonObject config = container("prod", false, "config");
        List<String> argv = argv(config);
        argv.set(0, "python3");
        var builder = new ProcessBuilder(argv);
        builder.environment().put("PYTHONPATH", modules.toString());
        builder.environment().put("FAKE_BODY", body);
        env(config).forEach((k, v) -> builder.environment().putIfAbsent(k, v));
        builder.environment().put("CONFIG_PATH", target.toString());
        return builder.redirectErrorStream(true).redirectOutput(dir.resolve("fetch.log").toFile()).start().waitFor();
    }

    @Test
    void theConfigContainerWritesThePublishedConfigOnlyWhenItsHashMatchesTheKey() throws Exception {
        String published = Plans.stack("prod").one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
        Path target = dir.resolve("config.yaml");
        assertEquals(0, fetchConfig(published, target), Files.readString(dir.resolve("fetch.log")));
        assertEquals(published, Files.readString(target));
        Path tampered = dir.resolve("tampered.yaml");
        assertNotEquals(0, fetchConfig(published + "# changed\n", tampered));
        assertFalse(Files.exists(tampered));
    }

    @Test
    void ollamaStopsPromptlyOnSigterm() throws Exception {
        Path stopped = dir.resolve("serve-stopped");
        Path pulled = dir.resolve("pulled");
        stub("ollama", String.join("\n",
                "case \"$1\" in",
                "  serve) trap 'touch " + stopped + "; exit 0' TERM; while :; do sleep 0.1; done;;",
                "  list) exit 0;;",
                "  pull) touch " + pulled + "; exit 0;;",
                "esac"));
        JsonObject ollama = container("local-model-guardrails", true, "ollama");
        var builder = new ProcessBuilder(argv(ollama));
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("OLLAMA_PULL_MODEL", env(ollama).get("OLLAMA_PULL_MODEL"));
        Process process = builder.redirectErrorStream(true).redirectOutput(dir.resolve("ollama.log").toFile()).start();
        for (int waited = 0; !Files.exists(pulled) && waited < 5000; waited += 20) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // the script goes on to wait for the server
        assertTrue(process.isAlive(), "serves after the pull: " + Files.readString(dir.resolve("ollama.log"), StandardCharsets.UTF_8));
        process.destroy(); // SIGTERM, as ECS sends at stop
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "the shell must not ignore SIGTERM until ECS's SIGKILL");
        assertTrue(Files.exists(stopped), "SIGTERM is passed on to ollama serve");
    }

    private static Map<String, String> env(JsonObject container) {
        Map<String, String> env = new java.util.HashMap<>();
        container.getAsJsonArray("environment").forEach(e -> env.put(e.getAsJsonObject().get("name").getAsString(),
                e.getAsJsonObject().get("value").getAsString()));
        return env;
    }
}

package dev.llmgateway.delivery;

import dev.llmgateway.components.support.Json;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.plan.Plans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every runbook in docs/runbooks.md runs here as written, section by section after the shared setup block: against the
 * prod plan's stack outputs (a {@code pulumi} stand-in answers {@code stack output}, {@code config get} and
 * {@code stack export --show-secrets} in the format Pulumi writes: {@code version} 3, {@code deployment.resources[]}
 * with {@code urn}, {@code type}, {@code outputs}, secrets in plain text; pulumi/pulumi sdk/go/common/apitype), with real
 * {@code jq}, {@code openssl}, {@code shellcheck} and the AWS CLI's own parser for every {@code aws} command (Debian's
 * awscli; nothing leaves the machine), and real PostgreSQL where the database is concerned. .ci/run installs the tools
 * and runs these with {@code ./mvnw -Ptools test} (about half a minute, kept out of the default {@code ./mvnw test}).
 */
@Tag("tools")
class RunbooksTest {

    private static final Path RUNBOOKS = Path.of("docs/runbooks.md");
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (.+)$");
    /** Commands Debian's awscli 2.9.19 predates; the runbook says so next to each. */
    private static final Set<String> NEWER_THAN_THE_CLI = Set.of("rds enable-http-endpoint", "rds disable-http-endpoint",
            "rds wait db-cluster-available");

    /** The prod stack's region, which every aws command must pass. */
    private static final String REGION = dev.llmgateway.gateway.settings.StackSettings.read(Stacks.load("prod")).region();

    private static Path workspace;
    private static Map<String, Run> runs;
    private static List<List<String>> awsCalls;
    private static List<String> parsed;

    /** The outcome of one section's script. */
    record Run(String script, int exit, String output) {
    }

    @BeforeAll
    static void runEveryRunbook(@TempDir Path dir) throws IOException, InterruptedException {
        workspace = dir;
        PlannedStack prod = Plans.stack("prod");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("litellm"));
        Files.createDirectories(dir.resolve(".ci"));
        Files.copy(Stacks.PROJECT.resolve("litellm/verify_restore.sql"), dir.resolve("litellm/verify_restore.sql"));
        pki(dir);
        Files.writeString(dir.resolve("outputs.tsv"), outputs(prod));
        Files.writeString(dir.resolve("export.json"), export(dir));
        executable(bin.resolve("pulumi"), """
                #!/usr/bin/env bash
                # Stand-in for the Pulumi CLI: stack outputs of the plan, the region, an export; other verbs are recorded.
                echo "pulumi $*" >> "$RUNBOOK_LOG"
                args=(); for a in "$@"; do case "$a" in -s|--stack) skip=1;; *) if [[ -n "${skip:-}" ]]; then skip=; else args+=("$a"); fi;; esac; done
                case "${args[0]} ${args[1]:-}" in
                  "stack output") name="${args[-1]}"
                    value=$(awk -F'\\t' -v n="$name" '$1 == n { print $2; found=1 } END { exit !found }' "$RUNBOOK_DIR/outputs.tsv") \\
                      || { echo "no stack output $name" >&2; exit 1; }
                    printf '%s\\n' "$value";;
                  "stack export") cat "$RUNBOOK_DIR/export.json";;
                  "config get") [[ "${args[2]}" == aws:region ]] && echo "$RUNBOOK_REGION" || { echo "not set" >&2; exit 1; };;
                  *) :;;
                esac
                """);
        executable(bin.resolve("aws"), """
                #!/usr/bin/env bash
                # Records the command line for the AWS CLI's parser and answers with a placeholder value.
                printf '%s\\0' "$(($# + 1))" "$PWD" "$@" >> "$RUNBOOK_DIR/aws-calls"
                echo placeholder
                """);
        executable(bin.resolve("curl"), "#!/usr/bin/env bash\necho \"curl $*\" >> \"$RUNBOOK_LOG\"\necho '{}'\n");
        executable(dir.resolve(".ci/check-deployment"), "#!/usr/bin/env bash\necho \"check-deployment $*\" >> \"$RUNBOOK_LOG\"\n");
        executable(dir.resolve("mvnw"), "#!/usr/bin/env bash\necho \"mvnw $*\" >> \"$RUNBOOK_LOG\"\n");

        String setup = null;
        runs = new LinkedHashMap<>();
        for (Map.Entry<String, String> section : sections().entrySet()) {
            if (setup == null) {
                setup = section.getValue();
                continue;
            }
            String script = "set -euo pipefail\n" + setup + section.getValue();
            runs.put(section.getKey(), bash(script, REGION));
        }
        awsCalls = calls(dir.resolve("aws-calls"));
        ProcessBuilder parser = new ProcessBuilder("/usr/bin/python3",
                Stacks.PROJECT.resolve("src/plan/test/resources/runbooks/aws_parse.py").toString(),
                dir.resolve("aws-calls").toString()).redirectErrorStream(true);
        // Debian's awscli; dummy credentials, no instance metadata, no config files, one attempt per call.
        parser.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_MAX_ATTEMPTS", "1",
                "AWS_RETRY_MODE", "standard", "PYTHONPATH", "/usr/lib/python3/dist-packages"));
        Process parse = parser.start();
        parsed = new String(parse.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(parse.waitFor(120, TimeUnit.SECONDS));
    }

    /** The bash blocks of each section, in order; the first section's are the shared setup. */
    private static Map<String, String> sections() throws IOException {
        String text = Files.readString(Stacks.PROJECT.resolve(RUNBOOKS));
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("setup");
        bounds.add(new int[] {0, 0});
        while (heading.find()) {
            bounds.get(bounds.size() - 1)[1] = heading.start();
            names.add(heading.group(1));
            bounds.add(new int[] {heading.end(), text.length()});
        }
        bounds.get(bounds.size() - 1)[1] = text.length();
        for (int i = 0; i < names.size(); i++) {
            Matcher block = BLOCK.matcher(text.substring(bounds.get(i)[0], bounds.get(i)[1]));
            StringBuilder code = new StringBuilder();
            while (block.find()) {
                code.append(block.group(1));
            }
            if (!code.isEmpty()) {
                sections.put(names.get(i), code.toString());
            }
        }
        return sections;
    }

    private static Run bash(String script, String region) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", workspace.resolve("bin") + ":/usr/bin:/bin");
        env.put("HOME", workspace.resolve("home").toString());
        env.put("RUNBOOK_DIR", workspace.toString());
        env.put("RUNBOOK_LOG", workspace.resolve("log").toString());
        env.put("RUNBOOK_REGION", region);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(script, process.exitValue(), output);
    }

    private static List<List<String>> calls(Path file) throws IOException {
        String[] raw = Files.readString(file).split("\0", -1);
        List<List<String>> calls = new ArrayList<>();
        for (int i = 0; i < raw.length - 1; ) {
            int n = Integer.parseInt(raw[i]);
            calls.add(List.of(raw).subList(i + 2, i + 1 + n));      // after the working directory
            i += 1 + n;
        }
        return calls;
    }

    /** Every output any committed stack or example exports, prod's value first (the runbooks name prod). */
    private static String outputs(PlannedStack prod) {
        Map<String, String> values = new TreeMap<>();
        // The standby database's outputs come from prod restoring into slot b (the restore runbook's first step).
        List<PlannedStack> plans = new ArrayList<>(List.of(prod, Plans.stack("dev"),
                Plans.stack("prod", Map.of("dbSlots", List.of("a", "b"), "dbRestoreSource", "latest"))));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        plans.forEach(plan -> plan.outputs().forEach((k, v) -> values.putIfAbsent(k, String.valueOf(v).replace('\n', ' '))));
        StringBuilder tsv = new StringBuilder();
        values.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
        return tsv.toString();
    }

    /** A CA, and client certificates for alice (in the state) and bob (not): what the VPN's tls resources hold. */
    private static void pki(Path dir) throws IOException, InterruptedException {
        String script = """
                set -e
                openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj /CN=vpn-ca 2>/dev/null
                for u in alice bob; do
                  openssl req -newkey rsa:2048 -nodes -keyout $u.key -out $u.csr -subj /CN=$u.vpn.llmgateway.internal 2>/dev/null
                  openssl x509 -req -in $u.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $u.crt -days 30 2>/dev/null
                done
                """;
        Path pki = Files.createDirectories(dir.resolve("pki"));
        Process p = new ProcessBuilder("bash", "-c", script).directory(pki.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    /**
     * {@code pulumi stack export --show-secrets} for the VPN's tls resources, named as a prod stack with VPN access would
     * name them: the URNs (parent type chain, type, name) come from the VPN example's plan with its prefix replaced.
     */
    private static String export(Path dir) throws IOException {
        PlannedStack vpn = Plans.example("vpn-private-gateway");
        String from = "llm-vpn-private-gateway-";
        Map<String, Map<String, String>> outputs = Map.of(
                "vpn-ca-key", Map.of("privateKeyPem", Files.readString(dir.resolve("pki/ca.key"))),
                "vpn-ca-cert", Map.of("certPem", Files.readString(dir.resolve("pki/ca.crt"))),
                "vpn-client-alice-cert", Map.of("certPem", Files.readString(dir.resolve("pki/alice.crt"))));
        List<Object> resources = new ArrayList<>();
        for (PlannedResource r : vpn.resources()) {
            if (!r.urn().startsWith("urn:pulumi:")) {
                continue;
            }
            String suffix = r.name().startsWith(from) ? r.name().substring(from.length()) : "";
            String mapped = suffix.equals("vpn-client-alice-cert") || outputs.containsKey(suffix) ? suffix : null;
            if (mapped == null && suffix.startsWith("vpn-client-") && suffix.endsWith("-cert")) {
                mapped = "vpn-client-alice-cert";
            }
            if (mapped == null || !outputs.containsKey(mapped)) {
                continue;
            }
            String urn = r.urn().replace("::vpn-private-gateway::", "::prod::").replace(r.name(), "llm-prod-" + mapped)
                    .replace("urn:pulumi:vpn-private-gateway::", "urn:pulumi:prod::");
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("urn", urn);
            resource.put("custom", true);
            resource.put("id", r.name());
            resource.put("type", r.type());
            resource.put("outputs", outputs.get(mapped));
            resources.add(resource);
            if (mapped.equals("vpn-client-alice-cert")) {
                outputs = new LinkedHashMap<>(outputs);
                outputs.remove("vpn-client-alice-cert");
            }
        }
        assertEquals(3, resources.size(), "the VPN example plans the CA key, the CA certificate and a client certificate");
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("manifest", Map.of("time", "2026-11-20T10:00:00Z", "magic", "", "version", "v3.190.0"));
        deployment.put("secrets_providers", Map.of("type", "service"));
        deployment.put("resources", resources);
        return Json.write(Map.of("version", 3, "deployment", deployment));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void everyRunbookRunsToTheEndAgainstThePlansOutputs() {
        assertTrue(runs.size() >= 12, "sections with commands: " + runs.keySet());
        Map<String, String> failed = new TreeMap<>();
        runs.forEach((section, run) -> {
            if (run.exit() != 0) {
                failed.put(section, run.output());
            }
        });
        assertEquals(Map.of(), failed);
    }

    @Test
    void everyAwsCommandPassesTheStacksRegionAndTheCliParsesIt() {
        assertTrue(awsCalls.size() >= 30, awsCalls.size() + " aws commands");
        assertEquals(awsCalls.size(), parsed.size(), String.join("\n", parsed));
        String region = REGION;
        Map<String, String> problems = new TreeMap<>();
        for (int i = 0; i < awsCalls.size(); i++) {
            List<String> call = awsCalls.get(i);
            String command = String.join(" ", call);
            int at = call.indexOf("--region");
            if (at < 0 || !call.get(at + 1).equals(region)) {
                problems.put(command, "no --region " + region);
                continue;
            }
            String padded = " " + command + " ";
            boolean newer = NEWER_THAN_THE_CLI.stream().anyMatch(known -> padded.contains(" " + known + " "));
            if (!parsed.get(i).equals("ok") && !newer) {
                problems.put(command, parsed.get(i));
            }
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void shellcheckFindsNothingInAnyRunbookOrScript() throws IOException, InterruptedException {
        Map<String, String> findings = new TreeMap<>();
        for (Map.Entry<String, Run> run : runs.entrySet()) {
            // SC2034: the setup's variables are shared by every section, and not every section uses each.
            Process p = new ProcessBuilder("shellcheck", "-s", "bash", "-e", "SC2034", "-").redirectErrorStream(true).start();
            p.getOutputStream().write(run.getValue().script().getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                findings.put(run.getKey(), out);
            }
        }
        List<String> scripts = new ArrayList<>(List.of(".ci/run", ".ci/check-deployment", ".ci/language-host-check"));
        try (var files = Files.list(Stacks.PROJECT.resolve("scripts"))) {
            files.filter(f -> f.toString().endsWith(".sh")).forEach(f -> scripts.add(Stacks.PROJECT.relativize(f).toString()));
        }
        for (String script : scripts) {
            Process p = new ProcessBuilder("shellcheck", Stacks.PROJECT.resolve(script).toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                findings.put(script, out);
            }
        }
        assertEquals(Map.of(), findings);
    }

    @Test
    void cuttingOffAVpnUserRevokesExactlyHerCertificateAndShredsTheCaKey() throws IOException, InterruptedException {
        Path ca = workspace.resolve("home/gateway-vpn-ca");
        assertTrue(Files.exists(ca.resolve("crl.pem")), runs.get("Cut off one VPN user").output());
        assertFalse(Files.exists(ca.resolve("ca.key")), "the CA key leaves the disk");
        Path pki = workspace.resolve("pki");
        String alice = openssl("verify", "-crl_check", "-CAfile", pki.resolve("ca.crt").toString(), "-CRLfile",
                ca.resolve("crl.pem").toString(), pki.resolve("alice.crt").toString());
        assertTrue(alice.contains("certificate revoked"), alice);
        String bob = openssl("verify", "-crl_check", "-CAfile", pki.resolve("ca.crt").toString(), "-CRLfile",
                ca.resolve("crl.pem").toString(), pki.resolve("bob.crt").toString());
        assertTrue(bob.contains(": OK"), bob);
    }

    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The major version every committed stack's database runs. */
    private static int stackMajor() {
        return Integer.parseInt(dev.llmgateway.components.database.PostgresVersions.AURORA_DEFAULT.split("\\.")[0]);
    }

    @Test
    void theOldRestoreProcedureCannotWorkAndTheNewOneAvoidsEachOfItsFaults() throws IOException, InterruptedException {
        String runbooks = Files.readString(Stacks.PROJECT.resolve(RUNBOOKS));
        // The old procedure dumped with a postgres:16 client: pg_dump refuses a server of a newer major. Here an older
        // client (Debian's) against a real server of the version the stacks run.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String version = query(server, "SHOW server_version_num");
            assertEquals(stackMajor(), Integer.parseInt(version.trim()) / 10000, "the embedded server runs the stacks' major");
            Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", String.valueOf(server.getPort()),
                    "-U", "postgres", "postgres").redirectErrorStream(true).start();
            String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, dump.waitFor());
            assertTrue(out.contains("server version mismatch"), out);
        }
        Matcher images = Pattern.compile("postgres:(\\d+)").matcher(runbooks);
        while (images.find()) {
            assertEquals(stackMajor(), Integer.parseInt(images.group(1)), "a client image of the server's major");
        }
        // It named the final snapshot without its generated suffix, and restored over the live database.
        assertFalse(Pattern.compile("llm-[a-z0-9-]+-db-final\\b(?!-)").matcher(runbooks).find(), "the final snapshot has a suffix");
        assertFalse(runbooks.contains("pg_restore --clean"), "never restore over the live database");
    }

    @Test
    void theRestoreCheckRunsOnARealServerOfTheStacksVersion() throws IOException, InterruptedException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            query(server, """
                    CREATE TABLE "LiteLLM_VerificationToken" (token text PRIMARY KEY);
                    CREATE TABLE "LiteLLM_UserTable" (user_id text PRIMARY KEY);
                    CREATE TABLE "LiteLLM_TeamTable" (team_id text PRIMARY KEY);
                    CREATE TABLE "LiteLLM_SpendLogs" (request_id text PRIMARY KEY, "startTime" timestamp(3));
                    CREATE TABLE _prisma_migrations (id text PRIMARY KEY, finished_at timestamptz, rolled_back_at timestamptz);
                    INSERT INTO "LiteLLM_VerificationToken" VALUES ('k1'), ('k2');
                    INSERT INTO "LiteLLM_SpendLogs" VALUES ('r1', '2026-11-20 09:59:00');
                    INSERT INTO _prisma_migrations VALUES ('m1', now(), NULL), ('m2', NULL, now());
                    """);
            String row = query(server, Files.readString(Stacks.PROJECT.resolve("litellm/verify_restore.sql")));
            assertEquals("2|0|0|1|2026-11-20 09:59:00|0|" + stackMajor(), row.trim(),
                    "keys, users, teams, spend rows, newest spend, unfinished migrations, server major");
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(server.getPort()), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void duringABlueGreenUpgradeTheTaskRoleMaySignInThroughTheGreenClusterToo() {
        PlannedStack upgrading = Plans.of(Stacks.load("prod").with(Map.of("dbConnectResourceIds", List.of("cluster-GREEN123"))));
        String policy = upgrading.ofType("aws:iam/rolePolicy:RolePolicy").stream().map(r -> r.string("policy"))
                .filter(p -> p.contains("rds-db:connect")).findFirst().orElseThrow();
        assertTrue(policy.contains(":dbuser:cluster-GREEN123/litellm_app"), policy);
        Matcher users = Pattern.compile(":dbuser:[^\"/]+/litellm_app").matcher(policy);
        int count = 0;
        while (users.find()) {
            count++;
        }
        assertEquals(2, count, "the live cluster's id and the green one's: " + policy);
    }
}

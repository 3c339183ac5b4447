package dev.llmgateway.components.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database's logging parameters, on a real PostgreSQL server (14, the oldest major the stacks accept): a slow
 * statement is logged, its bind parameters are not. The contrast with PostgreSQL's default proves the parameter names
 * do what {@link Database#PARAMETERS} says, not that an unknown name was silently ignored (an unknown name stops the
 * server from starting). Starting the server takes seconds: .ci/run runs this with {@code ./mvnw -Ptools test}, kept out of
 * the default {@code ./mvnw test}.
 */
@Tag("tools")
class DatabaseLogParametersTest {

    private static final String PROMPT = "my card is 4111 1111 1111 1111";
    private static Path log;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startWithTheStacksLoggingParameters() throws IOException {
        log = Files.createTempFile("postgres", ".log");
        var builder = EmbeddedPostgres.builder()
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // rds.force_ssl exists only on RDS; a faster threshold keeps the test short.
        Database.PARAMETERS.forEach((name, value) -> {
            if (!name.startsWith("rds.")) {
                builder.setServerConfig(name, name.equals("log_min_duration_statement") ? "50" : value);
            }
        });
        server = builder.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(log);
    }

    /** What the server logs while one slow prepared statement runs, after {@code setting} in the same session. */
    private static String slowStatementWith(String setting, String marker) throws SQLException, IOException {
        long before = Files.size(log);
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            if (setting != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(setting);
                }
            }
            try (PreparedStatement slow = connection.prepareStatement("SELECT pg_sleep(0.1), ?::text AS " + marker)) {
                slow.setString(1, PROMPT);
                slow.executeQuery().close();
            }
        }
        String all = Files.readString(log);
        return all.substring((int) Math.min(before, all.length()));
    }

    @Test
    void slowStatementsAreLoggedWithoutTheirBindParameters() throws Exception {
        String logged = slowStatementWith(null, "stack_settings");
        assertTrue(logged.contains("stack_settings"), "the slow statement is logged:\n" + logged);
        assertFalse(logged.contains(PROMPT), "its bind parameter is not:\n" + logged);
    }

    @Test
    void postgresqlsDefaultWouldLogTheParameterInFull() throws Exception {
        String logged = slowStatementWith("SET log_parameter_max_length = -1", "postgres_default");
        assertTrue(logged.contains("parameters: $1 = '" + PROMPT + "'"), logged);
    }
}

package dev.llmgateway.gateway.settings;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code dbRestoreSource}: what the database in the slot that does not serve is created from, read once when RDS
 * creates it: a snapshot, or a point in time of the serving database (its latest restorable time when {@code time}
 * is empty).
 *
 * @param snapshot snapshot identifier or ARN ({@code snapshot:<id>})
 * @param time     the moment to restore ({@code time:<ISO-8601 instant>}); both empty: {@code latest}
 */
public record RestoreSource(Optional<String> snapshot, Optional<Instant> time) {

    /**
     * Manual snapshot identifiers (a letter, then letters, digits and hyphens), automated ones ({@code rds:...}) and
     * snapshot ARNs (RDS API RestoreDBClusterFromSnapshot, SnapshotIdentifier; RestoreDBInstanceFromDBSnapshot,
     * DBSnapshotIdentifier).
     */
    private static final Pattern SNAPSHOT = Pattern.compile(
            "(rds:)?[A-Za-z][A-Za-z0-9-]{0,254}|arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:(cluster-)?snapshot:(rds:)?[A-Za-z][A-Za-z0-9-]*");
    private static final String ALLOWED = "latest, time:<ISO-8601 instant such as 2026-11-20T10:00:00Z> (a point in time of"
            + " the serving database) or snapshot:<snapshot identifier or ARN>";

    /** Parses {@code dbRestoreSource}; empty when unset. */
    static Optional<RestoreSource> read(SettingsReader r) {
        Optional<String> raw = r.optional("dbRestoreSource");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get().trim();
        if (value.equals("latest")) {
            return Optional.of(new RestoreSource(Optional.empty(), Optional.empty()));
        }
        if (value.startsWith("time:")) {
            try {
                return Optional.of(new RestoreSource(Optional.empty(), Optional.of(Instant.parse(value.substring(5)))));
            } catch (DateTimeParseException e) {
                throw r.invalid("dbRestoreSource", value, ALLOWED);
            }
        }
        if (value.startsWith("snapshot:") && SNAPSHOT.matcher(value.substring(9)).matches()) {
            return Optional.of(new RestoreSource(Optional.of(value.substring(9)), Optional.empty()));
        }
        throw r.invalid("dbRestoreSource", value, ALLOWED);
    }
}

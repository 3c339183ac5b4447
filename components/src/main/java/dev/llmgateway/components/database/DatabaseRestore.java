package dev.llmgateway.components.database;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a new {@link Database}'s data comes from: a snapshot (a cluster snapshot for Aurora), or a point in time of
 * another database of the same engine in the same account and region, its latest restorable time when {@code time} is
 * empty. RDS reads it when it creates the database and never again (RDS API RestoreDBClusterFromSnapshot,
 * RestoreDBClusterToPointInTime, RestoreDBInstanceFromDBSnapshot, RestoreDBInstanceToPointInTime).
 *
 * @param snapshot snapshot identifier or ARN, or empty for a point in time
 * @param source   identifier of the cluster or instance to restore from, or empty for a snapshot
 * @param time     the moment to restore (within the source's backup retention); empty = the latest restorable time
 */
public record DatabaseRestore(Optional<String> snapshot, Optional<String> source, Optional<Instant> time) {

    /** Checks that the restore names exactly one origin. */
    public DatabaseRestore {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        if (snapshot.isPresent() == source.isPresent()) {
            throw new IllegalArgumentException("DatabaseRestore: a snapshot or a source database, not both and not neither");
        }
        if (snapshot.isPresent() && time.isPresent()) {
            throw new IllegalArgumentException("DatabaseRestore: a time applies to a source database, not to a snapshot");
        }
    }

    /** The data of a snapshot. */
    public static DatabaseRestore fromSnapshot(String snapshot) {
        return new DatabaseRestore(Optional.of(snapshot), Optional.empty(), Optional.empty());
    }

    /** The data {@code source} held at {@code time}, or at its latest restorable time when empty. */
    public static DatabaseRestore pointInTime(String source, Optional<Instant> time) {
        return new DatabaseRestore(Optional.empty(), Optional.of(source), time);
    }
}

package dev.llmgateway.components.observability;

/**
 * The kind of PostgreSQL database being watched; it decides which RDS metrics exist. Aurora kinds
 * are watched through cluster-level metrics ({@code DBClusterIdentifier}), an RDS instance through
 * {@code DBInstanceIdentifier}.
 */
public enum DatabaseKind {
    /** Aurora Serverless v2: capacity in ACUs ({@code ServerlessDatabaseCapacity}, {@code ACUUtilization}). */
    AURORA_SERVERLESS("DBClusterIdentifier"),
    /** Aurora with provisioned instance classes. */
    AURORA_PROVISIONED("DBClusterIdentifier"),
    /** A single RDS for PostgreSQL instance (optionally Multi-AZ): the only kind with {@code FreeStorageSpace}. */
    RDS_INSTANCE("DBInstanceIdentifier");

    private final String identifierDimension;

    DatabaseKind(String identifierDimension) {
        this.identifierDimension = identifierDimension;
    }

    /** The CloudWatch dimension that names the database of this kind. */
    public String identifierDimension() {
        return identifierDimension;
    }
}

package dev.llmgateway.components.database;

/** Which PostgreSQL offering backs the database. */
public enum DatabaseEngine {
    /** Aurora PostgreSQL Serverless v2. */
    AURORA_SERVERLESS_V2,
    /** Aurora PostgreSQL with provisioned instances. */
    AURORA_PROVISIONED,
    /** RDS for PostgreSQL instance. */
    RDS_INSTANCE
}

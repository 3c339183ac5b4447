package dev.llmgateway.gateway.settings;

/** How the LiteLLM server signs in to PostgreSQL. */
public enum DatabaseAuth {
    /**
     * IAM tokens for the {@code litellm_app} role ({@code IAM_TOKEN_DB_AUTH}): LiteLLM mints and refreshes
     * them itself, so the rotating master password is never in the server.
     */
    IAM,
    /**
     * A generated password of the {@code litellm_app} role, set by the deploy's bootstrap task and read at task start;
     * not rotated by RDS, and never the master secret.
     */
    PASSWORD
}

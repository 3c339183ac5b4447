package dev.llmgateway.gateway.settings;

/** How the LiteLLM server signs in to PostgreSQL. */
public enum DatabaseAuth {
    /**
     * IAM tokens for the {@code litellm_app} role ({@code IAM_TOKEN_DB_AUTH}): LiteLLM mints and refreshes
     * them itself, so the rotating master password is never in the server.
     */
    IAM,
    /** The RDS-managed master secret, read once at task start (reconnects fail after a rotation). */
    PASSWORD
}

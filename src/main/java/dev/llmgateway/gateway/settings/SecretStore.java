package dev.llmgateway.gateway.settings;

/** Where generated secrets and provider keys are stored. */
public enum SecretStore {
    /** AWS Secrets Manager ($0.40 per secret-month; supports rotation). */
    SECRETS_MANAGER,
    /** SSM Parameter Store SecureString (no per-secret charge; no managed rotation). */
    SSM
}

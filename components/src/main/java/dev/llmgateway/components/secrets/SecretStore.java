package dev.llmgateway.components.secrets;

/** Where a {@link SecretVault} keeps its values. */
public enum SecretStore {
    /** AWS Secrets Manager ($0.40 per secret-month; supports rotation). */
    SECRETS_MANAGER,
    /** SSM Parameter Store SecureString (no per-secret charge; no managed rotation). */
    SSM
}

package dev.llmgateway.plan;

/** Which checks apply: production-only checks (deletion protection, backups, Multi-AZ) only under PROD. */
public enum PolicyProfile {
    /** Development stacks: production-only checks are not applicable. */
    DEV,
    /** Production stacks: every check applies, and any HIGH finding fails the stack. */
    PROD
}

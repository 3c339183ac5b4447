package dev.llmgateway.gateway.settings;

/** Which offline policy checks apply to a stack ({@code policyProfile}): production-only checks (deletion protection, backups, Multi-AZ) apply under PROD, where any HIGH finding fails the plan. */
public enum PolicyProfile {
    /** Development stacks: production-only checks are not applicable. */
    DEV,
    /** Production stacks: every check applies, and any HIGH finding fails the stack. */
    PROD
}

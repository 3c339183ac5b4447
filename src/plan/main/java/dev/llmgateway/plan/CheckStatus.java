package dev.llmgateway.plan;

/** The outcome of one policy check on one stack. */
public enum CheckStatus {
    /** Resources in scope and none violates the check. */
    PASS,
    /** At least one finding. */
    FAIL,
    /** Nothing in scope, or a production-only check under the DEV profile. */
    NOT_APPLICABLE
}

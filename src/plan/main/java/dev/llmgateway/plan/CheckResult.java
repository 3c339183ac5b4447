package dev.llmgateway.plan;

import java.util.List;

/**
 * A policy check's outcome on a stack.
 *
 * @param check    the check
 * @param status   PASS, FAIL or NOT_APPLICABLE
 * @param findings the violations (empty unless FAIL)
 */
public record CheckResult(PolicyCheck check, CheckStatus status, List<Finding> findings) {
}

package dev.llmgateway.plan;

/**
 * One violation of a policy check by one resource.
 *
 * @param checkId  the check's id, e.g. {@code LGW-ENC-001}
 * @param severity the check's severity
 * @param resource the offending resource as {@code type name}
 * @param message  what is wrong, in one line
 */
public record Finding(String checkId, Severity severity, String resource, String message) {
}

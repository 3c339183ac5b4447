package dev.llmgateway.components.support;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents as JSON, built from statements whose resources are the exact ARNs a
 * stack creates. Components combine it with {@code Output.all(...).applyValue(...)} so ARNs are
 * never typed by hand.
 */
public final class PolicyDocument {

    private PolicyDocument() {
    }

    /**
     * One IAM statement.
     *
     * @param sid        statement id (letters and digits)
     * @param effect     {@code Allow} or {@code Deny}
     * @param principal  principal block, or null for identity policies
     * @param actions    actions, e.g. {@code secretsmanager:GetSecretValue}
     * @param resources  resource ARNs
     * @param conditions condition block (operator, key, value), or empty
     */
    public record Statement(String sid, String effect, Map<String, Object> principal, List<String> actions,
                            List<String> resources, Map<String, Map<String, Object>> conditions) {

        /** An identity-policy statement allowing {@code actions} on {@code resources}. */
        public static Statement allow(String sid, List<String> actions, List<String> resources) {
            return new Statement(sid, "Allow", null, actions, resources, Map.of());
        }

        /** The same statement with a condition added. */
        public Statement when(String operator, String key, Object value) {
            Map<String, Map<String, Object>> merged = new LinkedHashMap<>(conditions);
            merged.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, value);
            return new Statement(sid, effect, principal, actions, resources, merged);
        }

        /** The same statement with a principal (for resource policies such as key policies). */
        public Statement forPrincipal(String kind, Object value) {
            return new Statement(sid, effect, Map.of(kind, value), actions, resources, conditions);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("Sid", sid);
            map.put("Effect", effect);
            if (principal != null) {
                map.put("Principal", principal);
            }
            map.put("Action", actions);
            map.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
            if (!conditions.isEmpty()) {
                map.put("Condition", conditions);
            }
            return map;
        }
    }

    /** A policy document with the given statements. */
    public static String json(List<Statement> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(Statement::toMap).toList());
        return Json.write(document);
    }

    /**
     * A trust policy letting an AWS service (e.g. {@code ecs-tasks.amazonaws.com}) assume the role on behalf of
     * {@code scope}'s account only, and, when given, only for resources matching {@code sourceArn}: the confused-deputy
     * conditions {@code aws:SourceAccount} and {@code aws:SourceArn} (IAM user guide, "The confused deputy problem",
     * cross-service prevention). Each caller names the service's documented ARN pattern.
     */
    public static String assumeRole(String servicePrincipal, AwsScope scope, java.util.Optional<String> sourceArn) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", scope.account()));
        sourceArn.ifPresent(arn -> condition.put("ArnLike", Map.of("aws:SourceArn", arn)));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", condition);
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }
}

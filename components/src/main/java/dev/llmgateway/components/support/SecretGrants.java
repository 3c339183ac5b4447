package dev.llmgateway.components.support;

import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What an ECS execution role needs to resolve a task's {@code secrets}: read on exactly the secrets and
 * parameters the containers name in {@code valueFrom}, and {@code kms:Decrypt} on the key that encrypts them,
 * usable only through the stores those ARNs live in.
 *
 * <p>ECS resolves a Secrets Manager ARN with {@code secretsmanager:GetSecretValue} and a Parameter Store ARN
 * with {@code ssm:GetParameters} (ECS Developer Guide, "Amazon ECS task execution IAM role", required IAM
 * permissions for Amazon ECS secrets). The key is scoped with {@code kms:ViaService}, whose value is
 * {@code <service>.<region>.amazonaws.com} (AWS KMS Developer Guide, "Condition keys for AWS KMS",
 * kms:ViaService). Both execution roles of the house (the proxy's and the metrics task's) use this class.
 */
public final class SecretGrants {

    private SecretGrants() {
    }

    /** Where a {@code valueFrom} ARN is stored, and the action ECS calls to read it. */
    public enum Store {
        /** AWS Secrets Manager. */
        SECRETS_MANAGER("secretsmanager", "secretsmanager:GetSecretValue", "ReadSecrets"),
        /** AWS Systems Manager Parameter Store. */
        PARAMETER_STORE("ssm", "ssm:GetParameters", "ReadParameters");

        private final String service;
        private final String action;
        private final String sid;

        Store(String service, String action, String sid) {
            this.service = service;
            this.action = action;
            this.sid = sid;
        }

        /** The {@code kms:ViaService} value of this store in {@code region}. */
        public String viaService(String region) {
            return service + "." + region + ".amazonaws.com";
        }

        /** The store a {@code valueFrom} ARN ({@code arn:<partition>:<service>:...}) belongs to. */
        public static Store of(String valueFrom) {
            String[] parts = valueFrom.split(":");
            if (parts.length >= 6 && parts[0].equals("arn")) {
                for (Store store : values()) {
                    if (store.service.equals(parts[2])) {
                        return store;
                    }
                }
            }
            throw new IllegalArgumentException("valueFrom must be a Secrets Manager or Parameter Store ARN "
                    + "(arn:<partition>:secretsmanager:... or arn:<partition>:ssm:...), got: " + valueFrom);
        }
    }

    /**
     * The resource IAM checks for a {@code valueFrom}: a Secrets Manager reference may name a JSON key, stage or
     * version after the secret ({@code arn:...:secret:name-AbCdEf:password::}); IAM wants the secret itself.
     */
    public static String resource(String valueFrom) {
        if (Store.of(valueFrom) != Store.SECRETS_MANAGER) {
            return valueFrom;
        }
        String[] parts = valueFrom.split(":");
        return parts.length > 7 ? String.join(":", Arrays.copyOf(parts, 7)) : valueFrom;
    }

    /**
     * Statements that let an execution role read exactly {@code valueFroms} (one statement per store used:
     * {@code ReadSecrets}, {@code ReadParameters}) and decrypt them with {@code keyArn} through those stores
     * only ({@code DecryptSecrets}). Empty when there is nothing to read.
     */
    public static List<Statement> read(Collection<String> valueFroms, String keyArn, String region) {
        List<String> resources = valueFroms.stream().map(SecretGrants::resource).distinct().sorted().toList();
        List<Statement> statements = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (Store store : Store.values()) {
            List<String> inStore = resources.stream().filter(arn -> Store.of(arn) == store).toList();
            if (!inStore.isEmpty()) {
                statements.add(Statement.allow(store.sid, List.of(store.action), inStore));
                services.add(store.viaService(region));
            }
        }
        if (!statements.isEmpty()) {
            statements.add(Statement.allow("DecryptSecrets", List.of("kms:Decrypt"), List.of(keyArn))
                    .when("StringEquals", "kms:ViaService", services.size() == 1 ? services.get(0) : services));
        }
        return statements;
    }
}

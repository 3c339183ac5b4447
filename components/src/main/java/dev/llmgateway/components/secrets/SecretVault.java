package dev.llmgateway.components.secrets;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named secret values stored in Secrets Manager or as SSM SecureString parameters, encrypted
 * with a customer key. Values go in as secrets and only ARNs come out, for ECS {@code valueFrom}.
 */
public class SecretVault extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:secrets:SecretVault";

    private final Map<String, Output<String>> arns = new LinkedHashMap<>();

    /** Stores every entry of {@code args}. */
    public SecretVault(String name, SecretVaultArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        args.entries().forEach((key, entry) -> {
            String resourceName = name + "-" + key;
            Output<String> value = entry.value().asSecret();
            if (args.store() == SecretStore.SECRETS_MANAGER) {
                var secret = new Secret(resourceName, SecretArgs.builder()
                        .description(entry.description())
                        .kmsKeyId(args.kmsKeyArn())
                        .recoveryWindowInDays(args.recoveryWindowDays())
                        .build(), child);
                new SecretVersion(resourceName, SecretVersionArgs.builder()
                        .secretId(secret.id())
                        .secretString(value)
                        .build(), child);
                arns.put(key, secret.arn());
            } else {
                var parameter = new Parameter(resourceName, ParameterArgs.builder()
                        .name("/" + args.pathPrefix() + "/" + key)
                        .description(entry.description())
                        .type("SecureString")
                        .keyId(args.kmsKeyArn())
                        .value(value)
                        .build(), child);
                arns.put(key, parameter.arn());
            }
        });
        registerOutputs(Map.of("arns", Output.all(List.copyOf(arns.values()))));
    }

    /** ARN of the stored value for {@code key} (a secret or a parameter), for ECS {@code valueFrom}. */
    public Output<String> arn(String key) {
        Output<String> arn = arns.get(key);
        if (arn == null) {
            throw new IllegalArgumentException("no secret " + key + " in vault; known: " + arns.keySet());
        }
        return arn;
    }

    /** ARNs of every stored value, in insertion order. */
    public List<Output<String>> arns() {
        return List.copyOf(arns.values());
    }
}

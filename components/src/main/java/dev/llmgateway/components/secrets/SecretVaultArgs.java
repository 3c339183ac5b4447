package dev.llmgateway.components.secrets;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link SecretVault}; build with {@link #builder()}.
 *
 * @param store              where values live; default {@link #DEFAULT_STORE}
 * @param kmsKeyArn          customer KMS key; required
 * @param pathPrefix         SSM parameter path prefix without leading or trailing slash, e.g.
 *                           {@code litellm-gateway/prod}; required for SSM
 * @param recoveryWindowDays Secrets Manager recovery window: 0 (delete at once) or 7..30 days; default
 *                           {@value #DEFAULT_RECOVERY_WINDOW_DAYS}
 * @param entries            values by key (lower-case letters, digits, dashes), stored in the map's order
 */
@ComponentArgs
public record SecretVaultArgs(@Initializer("DEFAULT_STORE") SecretStore store,
                              Output<String> kmsKeyArn,
                              String pathPrefix,
                              @Initializer("DEFAULT_RECOVERY_WINDOW_DAYS") int recoveryWindowDays,
                              Map<String, Entry> entries) {

    /** Default store: Secrets Manager, which ECS reads as task secrets. */
    public static final SecretStore DEFAULT_STORE = SecretStore.SECRETS_MANAGER;
    /** Default recovery window in days: the shortest that still lets a deletion by mistake be undone. */
    public static final int DEFAULT_RECOVERY_WINDOW_DAYS = 7;

    /**
     * One value to store.
     *
     * @param value       the value (treated as secret whatever its origin)
     * @param description what it is, shown in the AWS console
     */
    public record Entry(Output<String> value, String description) {
    }

    /** Validates the inputs. */
    public SecretVaultArgs {
        Objects.requireNonNull(store, "SecretVaultArgs.store is required");
        Objects.requireNonNull(kmsKeyArn, "SecretVaultArgs.kmsKeyArn is required");
        Reject.when(store == SecretStore.SSM && (pathPrefix == null || pathPrefix.isBlank()),
                "SecretVaultArgs.pathPrefix is required for SSM");
        Reject.when(recoveryWindowDays != 0 && (recoveryWindowDays < 7 || recoveryWindowDays > 30),
                "SecretVaultArgs.recoveryWindowDays must be 0 or 7..30, got " + recoveryWindowDays);
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        entries.keySet().stream().filter(key -> !key.matches("[a-z0-9-]+")).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("SecretVault key must be lower-case letters, digits and dashes: " + key);
        });
    }

    /** Starts a builder with the defaults. */
    public static SecretVaultArgsBuilder builder() {
        return SecretVaultArgsBuilder.builder();
    }
}

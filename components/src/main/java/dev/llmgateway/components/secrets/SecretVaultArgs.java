package dev.llmgateway.components.secrets;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Inputs of {@link SecretVault}; build with {@link #builder()}. */
public final class SecretVaultArgs {

    /**
     * One value to store.
     *
     * @param value       the value (treated as secret whatever its origin)
     * @param description what it is, shown in the AWS console
     */
    public record Entry(Output<String> value, String description) {
    }

    private SecretStore store = SecretStore.SECRETS_MANAGER;
    private Output<String> kmsKeyArn;
    private String pathPrefix;
    private int recoveryWindowDays = 7;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private SecretVaultArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where values live; default Secrets Manager. */
    public SecretStore store() {
        return store;
    }

    /** Customer KMS key; required. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** SSM parameter path prefix (without slashes); required for SSM. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** Secrets Manager recovery window: 0 (delete at once) or 7..30 days; default 7. */
    public int recoveryWindowDays() {
        return recoveryWindowDays;
    }

    /** Values by key (letters, digits, dashes), in order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** Builder of {@link SecretVaultArgs}. */
    public static final class Builder {
        private final SecretVaultArgs args = new SecretVaultArgs();

        /** Store; default SECRETS_MANAGER. */
        public Builder store(SecretStore store) {
            args.store = Objects.requireNonNull(store);
            return this;
        }

        /** Customer KMS key ARN; required. */
        public Builder kmsKeyArn(Output<String> arn) {
            args.kmsKeyArn = arn;
            return this;
        }

        /** SSM path prefix, e.g. {@code litellm-gateway/prod}; required for SSM. */
        public Builder pathPrefix(String prefix) {
            args.pathPrefix = prefix;
            return this;
        }

        /** Recovery window in days (0 or 7..30); default 7. */
        public Builder recoveryWindowDays(int days) {
            args.recoveryWindowDays = days;
            return this;
        }

        /** Adds a value under {@code key}. */
        public Builder entry(String key, Output<String> value, String description) {
            if (!key.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("SecretVault key must be lower-case letters, digits and dashes: " + key);
            }
            args.entries.put(key, new Entry(value, description));
            return this;
        }

        /** Builds and validates the args. */
        public SecretVaultArgs build() {
            Objects.requireNonNull(args.kmsKeyArn, "SecretVaultArgs.kmsKeyArn is required");
            if (args.store == SecretStore.SSM && (args.pathPrefix == null || args.pathPrefix.isBlank())) {
                throw new IllegalArgumentException("SecretVaultArgs.pathPrefix is required for SSM");
            }
            if (args.recoveryWindowDays != 0 && (args.recoveryWindowDays < 7 || args.recoveryWindowDays > 30)) {
                throw new IllegalArgumentException("SecretVaultArgs.recoveryWindowDays must be 0 or 7..30, got " + args.recoveryWindowDays);
            }
            return args;
        }
    }
}

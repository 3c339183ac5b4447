package dev.llmgateway.components.kms;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Inputs of {@link EncryptionKey}; build with {@link #builder()}. */
public final class EncryptionKeyArgs {

    private Output<String> accountId;
    private Output<String> partition = Output.of("aws");
    private String region;
    private String description = "Encrypts the stack's data at rest";
    private int deletionWindowDays = 30;
    private boolean outlivesStack;
    private boolean protect;
    private Function<String, List<Statement>> grants = account -> List.of();

    private EncryptionKeyArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Account that owns the key; required. */
    public Output<String> accountId() {
        return accountId;
    }

    /** Partition of the account ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...), for ARNs in the policy; default aws. */
    public Output<String> partition() {
        return partition;
    }

    /** Region of the log groups that use the key; required. */
    public String region() {
        return region;
    }

    /** Key description; default "Encrypts the stack's data at rest". */
    public String description() {
        return description;
    }

    /** Waiting period before a scheduled deletion, 7..30 days; default 30. */
    public int deletionWindowDays() {
        return deletionWindowDays;
    }

    /** Whether data encrypted with the key outlives the stack, so the key is retained on delete. */
    public boolean outlivesStack() {
        return outlivesStack;
    }

    /** Whether Pulumi refuses to delete the key. */
    public boolean protect() {
        return protect;
    }

    /** Extra key-policy statements (given the account id) for services that use the key, e.g. alarms; default none. */
    public Function<String, List<Statement>> grants() {
        return grants;
    }

    /** Builder of {@link EncryptionKeyArgs}. */
    public static final class Builder {
        private final EncryptionKeyArgs args = new EncryptionKeyArgs();

        /** Account id; required. */
        public Builder accountId(Output<String> accountId) {
            args.accountId = accountId;
            return this;
        }

        /** Partition, e.g. from {@code aws.getPartition}; default aws. */
        public Builder partition(Output<String> partition) {
            args.partition = java.util.Objects.requireNonNull(partition);
            return this;
        }

        /** Region; required. */
        public Builder region(String region) {
            args.region = region;
            return this;
        }

        /** Description; default "Encrypts the stack's data at rest". */
        public Builder description(String description) {
            args.description = Objects.requireNonNull(description);
            return this;
        }

        /** Deletion window, 7..30 days; default 30. */
        public Builder deletionWindowDays(int days) {
            args.deletionWindowDays = days;
            return this;
        }

        /**
         * Data encrypted with the key is kept after {@code pulumi destroy} (final database snapshots,
         * retained buckets): the key is retained on delete, or that data becomes unreadable when the
         * deletion window ends. Its alias is deleted, so a new stack of the same name can be created.
         * Default false.
         */
        public Builder outlivesStack(boolean outlivesStack) {
            args.outlivesStack = outlivesStack;
            return this;
        }

        /** Pulumi refuses to delete or replace the key ({@code protect}); default false. */
        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        /** Extra key-policy statements from the account id. */
        public Builder grants(Function<String, List<Statement>> grants) {
            args.grants = Objects.requireNonNull(grants);
            return this;
        }

        /** Builds and validates the args. */
        public EncryptionKeyArgs build() {
            Objects.requireNonNull(args.accountId, "EncryptionKeyArgs.accountId is required");
            if (args.region == null || args.region.isBlank()) {
                throw new IllegalArgumentException("EncryptionKeyArgs.region is required");
            }
            if (args.deletionWindowDays < 7 || args.deletionWindowDays > 30) {
                throw new IllegalArgumentException("EncryptionKeyArgs.deletionWindowDays must be 7..30, got " + args.deletionWindowDays);
            }
            return args;
        }
    }
}

package dev.llmgateway.components.storage;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Inputs of {@link PrivateBucket}; build with {@link #builder()}. */
public final class PrivateBucketArgs {

    private Output<String> kmsKeyArn;
    private boolean versioning = true;
    private Integer expirationDays;
    private Integer noncurrentVersionExpirationDays;
    private boolean forceDestroy;
    private Function<String, Output<List<Statement>>> grants = bucketArn -> Output.of(List.of());

    private PrivateBucketArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Customer KMS key for default encryption; empty = SSE-S3 (for services that cannot use KMS). */
    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** Object versioning; default on. */
    public boolean versioning() {
        return versioning;
    }

    /** Days after which objects (and old versions) expire; default never. */
    public Optional<Integer> expirationDays() {
        return Optional.ofNullable(expirationDays);
    }

    /** Days after which noncurrent versions (only) expire, current objects stay; default never. */
    public Optional<Integer> noncurrentVersionExpirationDays() {
        return Optional.ofNullable(noncurrentVersionExpirationDays);
    }

    /** Whether {@code pulumi destroy} may delete a non-empty bucket; default false. */
    public boolean forceDestroy() {
        return forceDestroy;
    }

    /** Extra bucket-policy statements, given the bucket ARN; default none. */
    public Function<String, Output<List<Statement>>> grants() {
        return grants;
    }

    /** Builder of {@link PrivateBucketArgs}. */
    public static final class Builder {
        private final PrivateBucketArgs args = new PrivateBucketArgs();

        /** Customer KMS key; default SSE-S3. */
        public Builder kmsKeyArn(Output<String> arn) {
            args.kmsKeyArn = arn;
            return this;
        }

        /** Versioning; default on. */
        public Builder versioning(boolean enabled) {
            args.versioning = enabled;
            return this;
        }

        /** Expiry in days (at least 1); default never. */
        public Builder expirationDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("PrivateBucketArgs.expirationDays must be at least 1, got " + days);
            }
            args.expirationDays = days;
            return this;
        }

        /** Expire noncurrent versions (only) after {@code days} (at least 1); default never. */
        public Builder noncurrentVersionExpirationDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("PrivateBucketArgs.noncurrentVersionExpirationDays must be at least 1, got " + days);
            }
            args.noncurrentVersionExpirationDays = days;
            return this;
        }

        /** Allow destroying a non-empty bucket; default false. */
        public Builder forceDestroy(boolean force) {
            args.forceDestroy = force;
            return this;
        }

        /** Extra policy statements from the bucket ARN (an output, so they may name other resources). */
        public Builder grants(Function<String, Output<List<Statement>>> grants) {
            args.grants = grants;
            return this;
        }

        /** Builds the args. */
        public PrivateBucketArgs build() {
            if (args.expirationDays != null && args.noncurrentVersionExpirationDays != null) {
                throw new IllegalArgumentException("PrivateBucketArgs: set expirationDays (all objects) or noncurrentVersionExpirationDays, not both");
            }
            return args;
        }
    }
}

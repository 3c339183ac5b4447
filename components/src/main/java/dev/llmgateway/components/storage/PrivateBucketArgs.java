package dev.llmgateway.components.storage;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inputs of {@link PrivateBucket}; build with {@link #builder()}.
 *
 * @param kmsKeyArn                       customer KMS key for default encryption; empty = SSE-S3 (for services that
 *                                        cannot use KMS)
 * @param versioning                      object versioning; default {@value #DEFAULT_VERSIONING}
 * @param expirationDays                  days (at least 1) after which objects and old versions expire; default never
 * @param noncurrentVersionExpirationDays days (at least 1) after which noncurrent versions (only) expire, current
 *                                        objects stay; default never; not together with {@code expirationDays}
 * @param archiveDays                     days (at least 1) after which current objects move to S3 Glacier Instant
 *                                        Retrieval (millisecond reads, a fraction of Standard's storage price); default never
 * @param forceDestroy                    whether {@code pulumi destroy} may delete a non-empty bucket; default false
 * @param grants                          extra bucket-policy statements from the bucket ARN (an output, so they may
 *                                        name other resources); default {@link #DEFAULT_GRANTS}
 */
@ComponentArgs
public record PrivateBucketArgs(Optional<Output<String>> kmsKeyArn,
                                @Initializer("DEFAULT_VERSIONING") boolean versioning,
                                Optional<Integer> expirationDays,
                                Optional<Integer> noncurrentVersionExpirationDays,
                                Optional<Integer> archiveDays,
                                boolean forceDestroy,
                                @Initializer("DEFAULT_GRANTS") Function<String, Output<List<Statement>>> grants) {

    /** Versioning is on unless turned off: an overwritten or deleted object can be restored. */
    public static final boolean DEFAULT_VERSIONING = true;
    /** Default grants: none beyond the TLS-only statement every bucket has. */
    public static final Function<String, Output<List<Statement>>> DEFAULT_GRANTS = bucketArn -> Output.of(List.of());

    /** Validates the inputs. */
    public PrivateBucketArgs {
        expirationDays.filter(days -> days < 1).ifPresent(days -> {
            throw new IllegalArgumentException("PrivateBucketArgs.expirationDays must be at least 1, got " + days);
        });
        noncurrentVersionExpirationDays.filter(days -> days < 1).ifPresent(days -> {
            throw new IllegalArgumentException("PrivateBucketArgs.noncurrentVersionExpirationDays must be at least 1, got " + days);
        });
        archiveDays.filter(days -> days < 1 || expirationDays.filter(expire -> expire <= days).isPresent()).ifPresent(days -> {
            throw new IllegalArgumentException("PrivateBucketArgs.archiveDays must be at least 1 and before expirationDays, got " + days);
        });
        Reject.when(expirationDays.isPresent() && noncurrentVersionExpirationDays.isPresent(),
                "PrivateBucketArgs: set expirationDays (all objects) or noncurrentVersionExpirationDays, not both");
        Objects.requireNonNull(grants, "PrivateBucketArgs.grants is required");
    }

    /** Starts a builder with the defaults. */
    public static PrivateBucketArgsBuilder builder() {
        return PrivateBucketArgsBuilder.builder();
    }
}

package dev.llmgateway.components.kms;

import com.pulumi.core.Output;
import dev.llmgateway.components.naming.Partition;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link EncryptionKey}; build with {@link #builder()}.
 *
 * @param accountId          account that owns the key; required
 * @param partition          partition of the account ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...) for ARNs
 *                           in the policy, e.g. from {@code aws.getPartition}; default: the partition of {@code region}
 *                           ({@link #resolvedPartition()})
 * @param region             region of the log groups that use the key; required
 * @param description        key description; default {@value #DEFAULT_DESCRIPTION}
 * @param deletionWindowDays waiting period before a scheduled deletion, 7..30 days; default
 *                           {@value #DEFAULT_DELETION_WINDOW_DAYS}
 * @param outlivesStack      data encrypted with the key is kept after {@code pulumi destroy} (final database
 *                           snapshots, retained buckets): the key is retained on delete, or that data becomes
 *                           unreadable when the deletion window ends; its alias is deleted, so a new stack of the
 *                           same name can be created; default false
 * @param protect            Pulumi refuses to delete or replace the key ({@code protect}); default false
 * @param grants             extra key-policy statements known when the key is created; default none
 * @param deferPolicy        the policy also takes the statements users of the key add after it exists
 *                           ({@link EncryptionKey#allow}) and is written when the owner calls {@link EncryptionKey#seal};
 *                           default false (the policy is written at once, and {@code allow} is refused)
 */
@ComponentArgs
public record EncryptionKeyArgs(Output<String> accountId,
                                Optional<Output<String>> partition,
                                String region,
                                @Initializer("DEFAULT_DESCRIPTION") String description,
                                @Initializer("DEFAULT_DELETION_WINDOW_DAYS") int deletionWindowDays,
                                boolean outlivesStack,
                                boolean protect,
                                @Initializer("DEFAULT_GRANTS") KeyGrant grants,
                                boolean deferPolicy) {

    /** Default description: what the key is for. */
    public static final String DEFAULT_DESCRIPTION = "Encrypts the stack's data at rest";
    /** Default deletion window in days: the longest AWS allows, the most time to cancel a deletion by mistake. */
    public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;
    /** Default grants: none beyond the account's and CloudWatch Logs'. */
    public static final KeyGrant DEFAULT_GRANTS = KeyGrant.NONE;

    /** Validates the inputs. */
    public EncryptionKeyArgs {
        Objects.requireNonNull(accountId, "EncryptionKeyArgs.accountId is required");
        Reject.when(region == null || region.isBlank(), "EncryptionKeyArgs.region is required");
        Objects.requireNonNull(description, "EncryptionKeyArgs.description is required");
        Reject.when(deletionWindowDays < 7 || deletionWindowDays > 30,
                "EncryptionKeyArgs.deletionWindowDays must be 7..30, got " + deletionWindowDays);
        Objects.requireNonNull(grants, "EncryptionKeyArgs.grants is required");
    }

    /** The partition given, or the one of {@code region}. */
    public Output<String> resolvedPartition() {
        return partition.orElse(Output.of(Partition.of(region)));
    }

    /** Starts a builder with the defaults. */
    public static EncryptionKeyArgsBuilder builder() {
        return EncryptionKeyArgsBuilder.builder();
    }
}

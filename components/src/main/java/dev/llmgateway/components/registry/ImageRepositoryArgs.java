package dev.llmgateway.components.registry;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Objects;

/**
 * Inputs of {@link ImageRepository}; build with {@link #builder()}.
 *
 * @param kmsKeyArn  customer KMS key that encrypts the images; required
 * @param keepImages images kept, newest first (older ones expire), 1..{@value #MAX_KEEP_IMAGES}; default
 *                   {@value #DEFAULT_KEEP_IMAGES}; keep more than you push between two deploys
 */
@ComponentArgs
public record ImageRepositoryArgs(Output<String> kmsKeyArn,
                                  @Initializer("DEFAULT_KEEP_IMAGES") int keepImages) {

    /** Most images a lifecycle rule may keep by count (ECR lifecycle policy {@code countNumber} is a positive integer). */
    public static final int MAX_KEEP_IMAGES = 10_000;
    /** Default images kept: enough to roll back several deploys. */
    public static final int DEFAULT_KEEP_IMAGES = 20;

    /** Validates the inputs. */
    public ImageRepositoryArgs {
        Objects.requireNonNull(kmsKeyArn, "ImageRepositoryArgs.kmsKeyArn is required");
        Reject.when(keepImages < 1 || keepImages > MAX_KEEP_IMAGES,
                "ImageRepositoryArgs.keepImages must be 1.." + MAX_KEEP_IMAGES + ", got " + keepImages);
    }

    /** Starts a builder with the defaults. */
    public static ImageRepositoryArgsBuilder builder() {
        return ImageRepositoryArgsBuilder.builder();
    }
}

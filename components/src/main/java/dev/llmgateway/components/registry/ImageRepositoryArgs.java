package dev.llmgateway.components.registry;

import com.pulumi.core.Output;

import java.util.Objects;

/** Inputs of {@link ImageRepository}; build with {@link #builder()}, which validates them. */
public final class ImageRepositoryArgs {

    /** Most images a lifecycle rule may keep by count (ECR lifecycle policy {@code countNumber} is a positive integer). */
    public static final int MAX_KEEP_IMAGES = 10_000;

    /** Customer KMS key that encrypts the images; required. */
    private Output<String> kmsKeyArn;
    /** Images kept, newest first; older ones expire; default 20. */
    private int keepImages = 20;

    private ImageRepositoryArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Customer KMS key that encrypts the images. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Images kept, newest first. */
    public int keepImages() {
        return keepImages;
    }

    /** Builder of {@link ImageRepositoryArgs}. */
    public static final class Builder {
        private final ImageRepositoryArgs args = new ImageRepositoryArgs();

        /** Customer KMS key that encrypts the images; required. */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Images kept, newest first; default 20; 1..10000. Keep more than you push between two deploys. */
        public Builder keepImages(int keepImages) {
            args.keepImages = keepImages;
            return this;
        }

        /** Validates; messages name the argument and what is allowed. */
        public ImageRepositoryArgs build() {
            Objects.requireNonNull(args.kmsKeyArn, "ImageRepositoryArgs.kmsKeyArn is required");
            if (args.keepImages < 1 || args.keepImages > MAX_KEEP_IMAGES) {
                throw new IllegalArgumentException("ImageRepositoryArgs.keepImages must be 1.." + MAX_KEEP_IMAGES + ", got "
                        + args.keepImages);
            }
            return args;
        }
    }
}

package dev.llmgateway.gateway.settings;

import java.util.Optional;

/**
 * LiteLLM's own S3 bucket: request and response logs archived by LiteLLM's {@code s3_v2} logger, and files and
 * batch input a model's config points at ({@code os.environ/S3_BUCKET_NAME}). Off unless the stack asks for it.
 *
 * @param archiveDays {@code litellmBucketArchiveDays}: days after which objects move to S3 Glacier Instant Retrieval
 * @param expireDays  {@code litellmBucketExpireDays}: days after which objects are deleted; 0 = kept
 */
public record FileBucketSettings(int archiveDays, int expireDays) {

    /** The bucket's settings when {@code litellmBucket} is true. */
    public static Optional<FileBucketSettings> read(SettingsReader r) {
        boolean on = r.bool("litellmBucket");
        int archive = r.integer("litellmBucketArchiveDays", 1, 3650);
        int expire = r.integerOrZero("litellmBucketExpireDays", 1, 36500);
        if (expire != 0 && expire <= archive) {
            throw r.invalid("litellmBucketExpireDays", expire, "0 (kept) or more than litellm-gateway:litellmBucketArchiveDays ("
                    + archive + ")");
        }
        return on ? Optional.of(new FileBucketSettings(archive, expire)) : Optional.empty();
    }
}

package dev.llmgateway.gateway;

import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.storage.PrivateBucket;
import dev.llmgateway.components.storage.PrivateBucketArgs;

import java.util.Optional;

/**
 * The rendered LiteLLM {@code config.yaml}, published to a private, KMS-encrypted bucket under a key
 * that contains the config's hash. The task's {@code config} container downloads it for
 * {@code --config}; because the key is part of the task definition, a changed config rolls the service.
 * <p>
 * Previous objects stay: the object is retained when a new config replaces it, and the task role may read
 * every {@code litellm/config-*} key, so a task of the previous revision (a circuit-breaker rollback, a
 * manual rollback, a task still starting during a deployment) still finds the config it was built with.
 * They are a few kilobytes each; noncurrent versions (a key overwritten or deleted by hand) expire after
 * {@link #NONCURRENT_DAYS} days.
 *
 * @param bucketName  bucket holding the config
 * @param objectKey   object key ({@code litellm/config-<hash>.yaml})
 * @param readableArn the ARN pattern of every published config, for the task role's read permission
 */
record PublishedConfig(Output<String> bucketName, String objectKey, Output<String> readableArn) {

    /** Key prefix of every published config. */
    static final String PREFIX = "litellm/config-";
    /** Days a noncurrent version of a config object is kept. */
    static final int NONCURRENT_DAYS = 90;

    /** Publishes {@code yaml} (whose short hash is {@code hash}). */
    static PublishedConfig publish(String prefix, String yaml, String hash, Output<String> keyArn,
                                   boolean forceDestroy, ComponentResourceOptions options) {
        var bucket = new PrivateBucket(prefix + "-config", PrivateBucketArgs.builder()
                .kmsKeyArn(Optional.of(keyArn))
                .versioning(true)
                .noncurrentVersionExpirationDays(Optional.of(NONCURRENT_DAYS))
                .forceDestroy(forceDestroy)
                .build(), options);
        String key = PREFIX + hash + ".yaml";
        new BucketObjectv2(prefix + "-config", BucketObjectv2Args.builder()
                .bucket(bucket.bucketName())
                .key(key)
                .content(yaml)
                .contentType("application/yaml")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(keyArn)
                // A new config replaces this resource; the old object must outlive it for rollbacks.
                .build(), CustomResourceOptions.builder().parent(bucket).retainOnDelete(true).build());
        return new PublishedConfig(bucket.bucketName(), key, bucket.arn().applyValue(arn -> arn + "/" + PREFIX + "*"));
    }
}

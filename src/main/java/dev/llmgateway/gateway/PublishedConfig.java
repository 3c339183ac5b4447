package dev.llmgateway.gateway;

import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.storage.PrivateBucket;
import dev.llmgateway.components.storage.PrivateBucketArgs;

/**
 * The rendered LiteLLM {@code config.yaml}, published to a private, KMS-encrypted bucket under a
 * key that contains the config's hash. LiteLLM reads it at start from
 * {@code LITELLM_CONFIG_BUCKET_NAME} / {@code LITELLM_CONFIG_BUCKET_OBJECT_KEY}; because the key is
 * part of the task definition, any change to the config rolls the service.
 *
 * @param bucketName bucket holding the config
 * @param objectKey  object key ({@code litellm/config-<hash>.yaml})
 * @param objectArn  ARN of the object, for the task role's read permission
 */
record PublishedConfig(Output<String> bucketName, String objectKey, Output<String> objectArn) {

    /** Publishes {@code yaml} (whose short hash is {@code hash}). */
    static PublishedConfig publish(String prefix, String yaml, String hash, Output<String> keyArn,
                                   boolean forceDestroy, ComponentResourceOptions options) {
        var bucket = new PrivateBucket(prefix + "-config", PrivateBucketArgs.builder()
                .kmsKeyArn(keyArn)
                .versioning(true)
                .forceDestroy(forceDestroy)
                .build(), options);
        String key = "litellm/config-" + hash + ".yaml";
        new BucketObjectv2(prefix + "-config", BucketObjectv2Args.builder()
                .bucket(bucket.bucketName())
                .key(key)
                .content(yaml)
                .contentType("application/yaml")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(keyArn)
                .build(), CustomResourceOptions.builder().parent(bucket).build());
        return new PublishedConfig(bucket.bucketName(), key, bucket.arn().applyValue(arn -> arn + "/" + key));
    }
}

package dev.llmgateway.components.storage;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An S3 bucket nobody outside the account can reach: public access blocked, ACLs disabled,
 * encryption by default (the customer key, or SSE-S3 where a service such as ELB log delivery
 * cannot use KMS), TLS-only access, optional versioning and expiry.
 */
public class PrivateBucket extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:storage:PrivateBucket";

    private final Output<String> bucketName;
    private final Output<String> arn;

    /** Creates the bucket and its guard rails. */
    public PrivateBucket(String name, PrivateBucketArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        var bucket = new BucketV2(PhysicalName.autoNamed(name, NameRule.S3_BUCKET), BucketV2Args.builder().forceDestroy(args.forceDestroy()).build(), child);
        this.bucketName = bucket.bucket();
        this.arn = bucket.arn();

        new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        var encryption = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        args.kmsKeyArn().ifPresentOrElse(
                key -> encryption.sseAlgorithm("aws:kms").kmsMasterKeyId(key),
                () -> encryption.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(encryption.build())
                        .bucketKeyEnabled(args.kmsKeyArn().isPresent())
                        .build())
                .build(), child);
        if (args.versioning()) {
            new BucketVersioningV2(name, BucketVersioningV2Args.builder()
                    .bucket(bucket.id())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), child);
        }
        List<BucketLifecycleConfigurationV2RuleArgs> lifecycle = new ArrayList<>();
        args.expirationDays().ifPresent(days -> lifecycle.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("expire")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(days).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(days).build())
                .build()));
        args.noncurrentVersionExpirationDays().ifPresent(days -> lifecycle.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("expire-noncurrent")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(days).build())
                .build()));
        args.archiveDays().ifPresent(days -> lifecycle.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("archive")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder().days(days).storageClass("GLACIER_IR").build())
                .build()));
        if (!lifecycle.isEmpty()) {
            new BucketLifecycleConfigurationV2(name, BucketLifecycleConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(lifecycle)
                    .build(), child);
        }
        new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(arn.apply(bucketArn -> args.grants().apply(bucketArn)
                        .applyValue(grants -> PolicyDocument.json(policy(bucketArn, grants)))))
                .build(), child);
        registerOutputs(Map.of("bucketName", bucketName, "arn", arn));
    }

    /** Bucket name. */
    public Output<String> bucketName() {
        return bucketName;
    }

    /** Bucket ARN. */
    public Output<String> arn() {
        return arn;
    }

    private static List<Statement> policy(String bucketArn, List<Statement> grants) {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement("DenyInsecureTransport", "Deny", Map.of("AWS", "*"), List.of("s3:*"),
                List.of(bucketArn, bucketArn + "/*"), Map.of()).when("Bool", "aws:SecureTransport", "false"));
        statements.addAll(grants);
        return statements;
    }
}

package dev.llmgateway.components.registry;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;
import java.util.Objects;

/**
 * A private ECR repository for the gateway's own image: immutable tags (a tag, once pushed, always names the same
 * image, so deploys by tag or digest are reproducible), a basic vulnerability scan of every pushed image, encryption
 * with the stack's customer KMS key, and a lifecycle rule that expires all but the newest images.
 */
public class ImageRepository extends ComponentResource {

    /** Type token of the component. */
    public static final String TYPE = "llmgateway:registry:ImageRepository";

    private final Output<String> repositoryUrl;
    private final Output<String> arn;
    private final Output<String> repositoryName;

    /** Creates the repository and its lifecycle policy as children of this component. */
    public ImageRepository(String name, ImageRepositoryArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        Objects.requireNonNull(args, "ImageRepositoryArgs is required (build it with ImageRepositoryArgs.builder())");
        var child = CustomResourceOptions.builder().parent(this).build();
        var repository = new Repository(name, RepositoryArgs.builder()
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                // The encryption settings are fixed at creation (ECR user guide, "Encryption at rest").
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                        .encryptionType("KMS")
                        .kmsKey(args.kmsKeyArn())
                        .build())
                .build(), child);
        new LifecyclePolicy(name + "-lifecycle", LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(lifecyclePolicy(args.keepImages()))
                .build(), child);
        this.repositoryUrl = repository.repositoryUrl();
        this.arn = repository.arn();
        this.repositoryName = repository.name();
        registerOutputs(Map.of("repositoryUrl", repositoryUrl, "arn", arn, "repositoryName", repositoryName));
    }

    /**
     * The lifecycle policy: one rule expiring every image beyond the newest {@code keep}, tagged or not
     * (ECR user guide, "Lifecycle policy parameters": {@code tagStatus any} with {@code countType imageCountMoreThan}).
     */
    static String lifecyclePolicy(int keep) {
        return """
                {"rules":[{"rulePriority":1,"description":"keep the newest %d images",\
                "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":%d},\
                "action":{"type":"expire"}}]}""".formatted(keep, keep);
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}: push here, deploy {@code <url>@sha256:<digest>}. */
    public Output<String> repositoryUrl() {
        return repositoryUrl;
    }

    /** ARN of the repository. */
    public Output<String> arn() {
        return arn;
    }

    /** Name of the repository. */
    public Output<String> repositoryName() {
        return repositoryName;
    }
}

package dev.llmgateway.components.regions;

import java.util.Set;

/**
 * Where the AWS services this project depends on exist, per region, checked {@value #AS_OF}.
 *
 * <ul>
 *   <li>Amazon Bedrock: the regions of the {@code bedrock} service in the AWS SDK's endpoint table (boto/botocore
 *       1.43.11, {@code botocore/data/endpoints.json}; the same list as the AWS General Reference, "Amazon Bedrock
 *       endpoints and quotas", https://docs.aws.amazon.com/general/latest/gr/bedrock.html).</li>
 *   <li>CloudFront and its web ACLs (scope {@code CLOUDFRONT}, always created in us-east-1: AWS WAF developer guide,
 *       "Creating a web ACL") exist in the {@code aws} partition only; GovCloud has no CloudFront (GovCloud user guide,
 *       "Amazon CloudFront"), and China's CloudFront is a separate service without AWS WAF integration.</li>
 * </ul>
 */
public final class ServiceRegions {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";

    /** Regions with Amazon Bedrock (control plane and runtime). */
    public static final Set<String> BEDROCK = Set.of(
            "af-south-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
            "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1");

    /** The partition in which CloudFront-scope web ACLs and distributions exist. */
    public static final String CLOUDFRONT_PARTITION = "aws";
    /** The region every CloudFront-scope WAF resource (and its logs) is created in. */
    public static final String CLOUDFRONT_WAF_REGION = "us-east-1";

    private ServiceRegions() {
    }
}

package dev.llmgateway.components.vpc;

/** AWS services that can be reached privately through an interface VPC endpoint. */
public enum InterfaceEndpoint {
    /** ECR API (image manifests). */
    ECR_API("ecr.api"),
    /** ECR Docker registry (image layers come from S3 through the gateway endpoint). */
    ECR_DKR("ecr.dkr"),
    /** Secrets Manager (ECS secrets injection). */
    SECRETS_MANAGER("secretsmanager"),
    /** SSM Parameter Store. */
    SSM("ssm"),
    /** SSM Session Manager message channels (ECS Exec, port forwarding into tasks). */
    SSMMESSAGES("ssmmessages"),
    /** CloudWatch Logs (awslogs driver). */
    LOGS("logs"),
    /** KMS (decrypting secrets and parameters). */
    KMS("kms"),
    /** Bedrock runtime (model invocation). */
    BEDROCK_RUNTIME("bedrock-runtime");

    private final String service;

    InterfaceEndpoint(String service) {
        this.service = service;
    }

    /** The service name in {@code com.amazonaws.<region>.<service>}. */
    public String service() {
        return service;
    }
}

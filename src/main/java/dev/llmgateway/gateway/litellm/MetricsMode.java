package dev.llmgateway.gateway.litellm;

/** Where LiteLLM's own metrics go. */
public enum MetricsMode {
    /** CloudWatch only (load balancer, ECS and database metrics); no extra services. */
    CLOUDWATCH,
    /** Also LiteLLM's Prometheus callback ({@code /metrics}), scraped inside the VPC. */
    PROMETHEUS
}

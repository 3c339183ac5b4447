package dev.llmgateway.components.observability;

/** What a metric describes, which decides the CloudWatch dimensions an alarm or widget carries. */
enum MetricSource {
    /** The ECS service: {@code ClusterName} and {@code ServiceName}. */
    ECS_SERVICE,
    /** The load balancer as a whole: {@code LoadBalancer}. */
    LOAD_BALANCER,
    /** The service's target group on that load balancer: {@code LoadBalancer} and {@code TargetGroup}. */
    TARGET_GROUP,
    /** The database: the dimensions the caller passed (cluster-level for Aurora). */
    DATABASE
}

package dev.llmgateway.components.observability;

/** What a metric describes, which decides the CloudWatch dimensions an alarm or widget carries. */
public enum MetricSource {
    /** The ECS service: {@code ClusterName} and {@code ServiceName}. */
    ECS_SERVICE,
    /** The load balancer as a whole: {@code LoadBalancer}. */
    LOAD_BALANCER,
    /** The service's target group on that load balancer: {@code LoadBalancer} and {@code TargetGroup}. */
    TARGET_GROUP,
    /** The database: the dimensions the caller passed (cluster-level for Aurora). */
    DATABASE,
    /**
     * The instance that takes the writes: an RDS instance itself, or for Aurora the cluster's
     * metrics aggregated by {@code Role = WRITER} (Aurora user guide, "Amazon CloudWatch dimensions
     * for Aurora": DBClusterIdentifier, Role; "Creating CloudWatch alarms to monitor Amazon Aurora": use WRITER
     * or READER role metrics for alarms, since instances change roles), so a busy reader cannot hide a
     * saturated writer.
     */
    DATABASE_WRITER,
    /** An EC2 instance the stack runs (the NAT instance): {@code InstanceId}, given per alarm. */
    EC2_INSTANCE,
    /** An ACM certificate: {@code CertificateArn}, given per alarm. */
    CERTIFICATE,
    /** Anything else: the caller gives the dimensions ({@link Observability#addAlarm(AlarmSpec, com.pulumi.core.Output)}). */
    CUSTOM
}

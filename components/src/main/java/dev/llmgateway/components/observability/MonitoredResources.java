package dev.llmgateway.components.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resolved names of what is watched, and the CloudWatch dimensions each metric source takes.
 * Alarms and dashboard widgets both get their dimensions here, so they always agree.
 *
 * @param clusterName  ECS cluster name
 * @param serviceName  ECS service name
 * @param loadBalancer load balancer ARN suffix ({@code app/<name>/<id>})
 * @param targetGroup  target group ARN suffix ({@code targetgroup/<name>/<id>})
 * @param database     database dimensions as given by the caller
 * @param webAcl       name of the regional WAF web ACL in front of the load balancer, if any
 */
record MonitoredResources(String clusterName, String serviceName, String loadBalancer, String targetGroup,
                          Map<String, String> database, Optional<String> webAcl) {

    /** Copies the database dimensions in a stable order. */
    MonitoredResources {
        database = new TreeMap<>(database);
    }

    /** The dimensions of metrics from {@code source}, in a stable order. */
    Map<String, String> dimensions(MetricSource source) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        switch (source) {
            case ECS_SERVICE -> {
                dimensions.put("ClusterName", clusterName);
                dimensions.put("ServiceName", serviceName);
            }
            case LOAD_BALANCER -> dimensions.put("LoadBalancer", loadBalancer);
            case TARGET_GROUP -> {
                dimensions.put("LoadBalancer", loadBalancer);
                dimensions.put("TargetGroup", targetGroup);
            }
            case DATABASE -> dimensions.putAll(database);
            case DATABASE_WRITER -> {
                dimensions.putAll(database);
                if (database.containsKey(DatabaseKind.AURORA_SERVERLESS.identifierDimension())) {
                    dimensions.put("Role", "WRITER");
                }
            }
            case EC2_INSTANCE, CERTIFICATE, CUSTOM -> throw new IllegalArgumentException(
                    source + " dimensions name one resource and are given with each alarm");
        }
        return dimensions;
    }

    /**
     * Checks that the database dimensions name a database of {@code kind}: Aurora metrics are read
     * at cluster level ({@code DBClusterIdentifier}), an RDS instance by {@code DBInstanceIdentifier}.
     */
    static Map<String, String> checkDatabaseDimensions(DatabaseKind kind, Map<String, String> dimensions) {
        String value = dimensions.get(kind.identifierDimension());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("databaseDimensions: " + dimensions + " must contain "
                    + kind.identifierDimension() + " for databaseKind " + kind);
        }
        return dimensions;
    }
}

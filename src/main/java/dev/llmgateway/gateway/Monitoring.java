package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.observability.AlarmThresholds;
import dev.llmgateway.components.observability.DatabaseKind;
import dev.llmgateway.components.observability.Observability;
import dev.llmgateway.components.observability.ObservabilityArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.gateway.settings.ObservabilitySettings;
import dev.llmgateway.gateway.settings.StackSettings;

/** Alarms and the dashboard for the proxy service, its load balancer and its database. */
final class Monitoring {

    private Monitoring() {
    }

    /** Name of the monitoring component (its alarms are named after it, which the key policy relies on). */
    static String name(String prefix) {
        return prefix + "-monitoring";
    }

    /** Alarms at the stack's level and thresholds, notifying the stack's e-mails. */
    static Observability observability(String prefix, StackSettings s, Output<String> keyArn, ProxyService proxy,
                                       Database database, ComponentResourceOptions options) {
        ObservabilitySettings o = s.observability();
        return new Observability(name(prefix), ObservabilityArgs.builder()
                .kmsKeyArn(keyArn)
                .alarmEmails(o.alarmEmails())
                .level(o.alarmLevel())
                .thresholds(AlarmThresholds.builder()
                        .ecsCpuPercent(o.cpuAlarmPercent())
                        .ecsMemoryPercent(o.memoryAlarmPercent())
                        .p95LatencySeconds(o.latencyAlarmSeconds())
                        .alb5xxPer5Min(o.errorAlarmCount())
                        .target5xxPer5Min(o.errorAlarmCount())
                        .build())
                .clusterName(proxy.clusterName())
                .clusterArn(proxy.clusterArn())
                .serviceName(proxy.serviceName())
                .minTasks(s.proxy().minTasks())
                .loadBalancerArnSuffix(proxy.loadBalancerArnSuffix())
                .targetGroupArnSuffix(proxy.targetGroupArnSuffix())
                .databaseDimensions(Output.of(database.metricDimensions()))
                .databaseKind(switch (database.engine()) {
                    case AURORA_SERVERLESS_V2 -> DatabaseKind.AURORA_SERVERLESS;
                    case AURORA_PROVISIONED -> DatabaseKind.AURORA_PROVISIONED;
                    case RDS_INSTANCE -> DatabaseKind.RDS_INSTANCE;
                })
                .dashboard(o.dashboard())
                .containerInsights(o.containerInsights())
                .region(s.region())
                .build(), options);
    }
}

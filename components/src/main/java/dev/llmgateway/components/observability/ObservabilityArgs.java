package dev.llmgateway.components.observability;

import com.pulumi.core.Output;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Observability}: where notifications go, how many alarms, and the plain names
 * and dimensions of the watched ECS service, load balancer, target group and database (so this
 * component depends on no other component). {@link Builder#build()} rejects missing required
 * fields and invalid values with a message naming the field.
 */
public final class ObservabilityArgs {

    /** What {@code alarmEmails} accepts: name@domain.tld (SNS e-mail subscriptions need a deliverable address). */
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final Output<String> kmsKeyArn;
    private final List<String> alarmEmails;
    private final AlarmLevel level;
    private final AlarmThresholds thresholds;
    private final Output<String> clusterName;
    private final Output<String> clusterArn;
    private final Output<String> serviceName;
    private final int minTasks;
    private final Output<String> loadBalancerArnSuffix;
    private final Output<String> targetGroupArnSuffix;
    private final Output<Map<String, String>> databaseDimensions;
    private final DatabaseKind databaseKind;
    private final boolean dashboard;
    private final boolean containerInsights;
    private final String region;
    private final Map<String, Output<String>> instances;
    private final Map<String, Output<String>> certificates;
    private final Map<String, Output<String>> targetGroups;
    private final Optional<Output<String>> webAclName;

    private ObservabilityArgs(Builder b) {
        this.kmsKeyArn = b.kmsKeyArn;
        this.alarmEmails = List.copyOf(b.alarmEmails);
        this.level = b.level;
        this.thresholds = b.thresholds;
        this.clusterName = b.clusterName;
        this.clusterArn = b.clusterArn;
        this.serviceName = b.serviceName;
        this.minTasks = b.minTasks;
        this.loadBalancerArnSuffix = b.loadBalancerArnSuffix;
        this.targetGroupArnSuffix = b.targetGroupArnSuffix;
        this.databaseDimensions = b.databaseDimensions;
        this.databaseKind = b.databaseKind;
        this.dashboard = b.dashboard;
        this.containerInsights = b.containerInsights;
        this.region = b.region;
        this.instances = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.instances));
        this.certificates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.certificates));
        this.targetGroups = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.targetGroups));
        this.webAclName = Optional.ofNullable(b.webAclName);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Customer-managed KMS key encrypting the alarm topic. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Addresses that get an e-mail subscription each. */
    public List<String> alarmEmails() {
        return alarmEmails;
    }

    /** Which alarms exist. */
    public AlarmLevel level() {
        return level;
    }

    /** Where the alarms fire. */
    public AlarmThresholds thresholds() {
        return thresholds;
    }

    /** ECS cluster name. */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** ECS cluster ARN (its failed deployments and tasks are published to the topic). */
    public Output<String> clusterArn() {
        return clusterArn;
    }

    /** ECS service name. */
    public Output<String> serviceName() {
        return serviceName;
    }

    /** Fewest running tasks that is healthy; 0 when the service is scaled to zero on a schedule. */
    public int minTasks() {
        return minTasks;
    }

    /** Load balancer ARN suffix ({@code app/<name>/<id>}); empty for a service without a load balancer. */
    public java.util.Optional<Output<String>> loadBalancerArnSuffix() {
        return java.util.Optional.ofNullable(loadBalancerArnSuffix);
    }

    /** Target group ARN suffix ({@code targetgroup/<name>/<id>}); empty without a load balancer. */
    public java.util.Optional<Output<String>> targetGroupArnSuffix() {
        return java.util.Optional.ofNullable(targetGroupArnSuffix);
    }

    /** CloudWatch dimensions of the database metrics. */
    public Output<Map<String, String>> databaseDimensions() {
        return databaseDimensions;
    }

    /** Kind of database, which decides its metrics. */
    public DatabaseKind databaseKind() {
        return databaseKind;
    }

    /** Whether a dashboard is created. */
    public boolean dashboard() {
        return dashboard;
    }

    /** Whether the cluster publishes Container Insights metrics (the running-task alarm needs them). */
    public boolean containerInsights() {
        return containerInsights;
    }

    /** Region of the watched resources. */
    public String region() {
        return region;
    }

    /** EC2 instances whose status check is watched, by label. */
    public Map<String, Output<String>> instances() {
        return instances;
    }

    /** ACM certificates whose expiry is watched, by label. */
    public Map<String, Output<String>> certificates() {
        return certificates;
    }

    /** Further target groups on the watched load balancer, by label, as ARN suffixes. */
    public Map<String, Output<String>> targetGroups() {
        return targetGroups;
    }

    /** Name of the regional WAF web ACL in front of the load balancer, graphed on the dashboard. */
    public Optional<Output<String>> webAclName() {
        return webAclName;
    }

    /** Builds {@link ObservabilityArgs}. */
    public static final class Builder {
        private Output<String> kmsKeyArn;
        private List<String> alarmEmails = List.of();
        private AlarmLevel level = AlarmLevel.FULL;
        private AlarmThresholds thresholds = AlarmThresholds.defaults();
        private Output<String> clusterName;
        private Output<String> clusterArn;
        private Output<String> serviceName;
        private int minTasks = 1;
        private Output<String> loadBalancerArnSuffix;
        private Output<String> targetGroupArnSuffix;
        private Output<Map<String, String>> databaseDimensions;
        private DatabaseKind databaseKind;
        private boolean dashboard = true;
        private boolean containerInsights = true;
        private String region;
        private final Map<String, Output<String>> instances = new TreeMap<>();
        private final Map<String, Output<String>> certificates = new TreeMap<>();
        private final Map<String, Output<String>> targetGroups = new TreeMap<>();
        private Output<String> webAclName;

        private Builder() {
        }

        /** Required: ARN of the customer-managed KMS key that encrypts the SNS alarm topic. */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** E-mail addresses subscribed to the alarm topic, one subscription each; default none. */
        public Builder alarmEmails(List<String> alarmEmails) {
            this.alarmEmails = alarmEmails;
            return this;
        }

        /** Which alarms to create; default {@link AlarmLevel#FULL}. */
        public Builder level(AlarmLevel level) {
            this.level = level;
            return this;
        }

        /** Alarm thresholds; default {@link AlarmThresholds#defaults()}. */
        public Builder thresholds(AlarmThresholds thresholds) {
            this.thresholds = thresholds;
            return this;
        }

        /** Required: name of the ECS cluster running the service. */
        public Builder clusterName(Output<String> clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /**
         * Required: ARN of the ECS cluster; EventBridge publishes its failed service deployments
         * (circuit breaker) and tasks that failed to start or whose essential container exited.
         */
        public Builder clusterArn(Output<String> clusterArn) {
            this.clusterArn = clusterArn;
            return this;
        }

        /** Required: name of the ECS service. */
        public Builder serviceName(Output<String> serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /**
         * Fewest running tasks that is healthy, at least 0; default 1. The healthy-hosts alarm fires
         * when fewer targets pass the load balancer's health check; the running-tasks alarm (only with
         * Container Insights) when fewer tasks run. With 0 (a service scaled to zero outside office
         * hours) there is no running-task alarm, since no task running is then normal.
         */
        public Builder minTasks(int minTasks) {
            this.minTasks = minTasks;
            return this;
        }

        /**
         * ARN suffix of the application load balancer ({@code app/<name>/<id>}); with the target group's, or
         * neither for a service without a load balancer (then no load balancer alarms or graphs).
         */
        public Builder loadBalancerArnSuffix(Output<String> loadBalancerArnSuffix) {
            this.loadBalancerArnSuffix = loadBalancerArnSuffix;
            return this;
        }

        /** ARN suffix of the service's target group ({@code targetgroup/<name>/<id>}); see the load balancer's. */
        public Builder targetGroupArnSuffix(Output<String> targetGroupArnSuffix) {
            this.targetGroupArnSuffix = targetGroupArnSuffix;
            return this;
        }

        /**
         * Required: CloudWatch dimensions of the database metrics: {@code DBClusterIdentifier} for
         * Aurora (cluster-level metrics), {@code DBInstanceIdentifier} for an RDS instance.
         */
        public Builder databaseDimensions(Output<Map<String, String>> databaseDimensions) {
            this.databaseDimensions = databaseDimensions;
            return this;
        }

        /** Required: kind of database, which decides which database alarms exist. */
        public Builder databaseKind(DatabaseKind databaseKind) {
            this.databaseKind = databaseKind;
            return this;
        }

        /** Whether to create a CloudWatch dashboard ($3 per month); default true. */
        public Builder dashboard(boolean dashboard) {
            this.dashboard = dashboard;
            return this;
        }

        /** Whether the cluster has Container Insights; without it the running-task alarm is left out
         * (its metric would be missing and read as breaching); default true. */
        public Builder containerInsights(boolean containerInsights) {
            this.containerInsights = containerInsights;
            return this;
        }

        /** Required: region of the watched resources, e.g. {@code us-east-1} (dashboard widgets name it). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Watches an EC2 instance's status check (e.g. label {@code nat}): alarm {@code <name>-<label>-status-check},
         * at every level. Labels: lower-case letters, digits and {@code -}.
         */
        public Builder instance(String label, Output<String> instanceId) {
            instances.put(checkLabel(label), instanceId);
            return this;
        }

        /**
         * Watches an ACM certificate's days to expiry (e.g. label {@code alb}): alarm
         * {@code <name>-<label>-certificate-expiry}, at every level.
         */
        public Builder certificate(String label, Output<String> certificateArn) {
            certificates.put(checkLabel(label), certificateArn);
            return this;
        }

        /**
         * Watches a further target group on the same load balancer (e.g. label {@code metrics}): alarm
         * {@code <name>-<label>-healthy-hosts} when none of its targets is healthy, at level FULL.
         */
        public Builder targetGroup(String label, Output<String> targetGroupArnSuffix) {
            targetGroups.put(checkLabel(label), targetGroupArnSuffix);
            return this;
        }

        /**
         * The regional WAF web ACL in front of the load balancer: the dashboard graphs its blocked and
         * allowed requests (a panel, not an alarm: blocks are mostly WAF doing its job); default none.
         */
        public Builder webAclName(Output<String> webAclName) {
            this.webAclName = webAclName;
            return this;
        }

        private static String checkLabel(String label) {
            if (label == null || !label.matches("[a-z][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("label: '" + label
                        + "' must be 1 to 31 lower-case letters, digits or '-', starting with a letter (it names an alarm)");
            }
            return label;
        }

        /** The args; throws {@link IllegalArgumentException} naming a missing or invalid field. */
        public ObservabilityArgs build() {
            required("kmsKeyArn", kmsKeyArn);
            required("clusterName", clusterName);
            required("clusterArn", clusterArn);
            required("serviceName", serviceName);
            if ((loadBalancerArnSuffix == null) != (targetGroupArnSuffix == null)) {
                throw new IllegalArgumentException("loadBalancerArnSuffix and targetGroupArnSuffix: give both or neither");
            }
            required("databaseDimensions", databaseDimensions);
            required("databaseKind", databaseKind);
            required("region", region);
            required("alarmEmails", alarmEmails);
            required("level", level);
            required("thresholds", thresholds);
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region: '" + region + "' is not an AWS region name (e.g. us-east-1)");
            }
            if (minTasks < 0) {
                throw new IllegalArgumentException("minTasks: " + minTasks
                        + " must be at least 0 (the alarm fires when fewer tasks run; 0 = no such alarm)");
            }
            checkEmails(alarmEmails);
            return new ObservabilityArgs(this);
        }

        private static void checkEmails(List<String> emails) {
            Set<String> seen = new HashSet<>();
            for (String email : emails) {
                if (email == null || !EMAIL.matcher(email).matches()) {
                    throw new IllegalArgumentException("alarmEmails: '" + email
                            + "' is not an e-mail address (expected name@domain.tld)");
                }
                if (!seen.add(email.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("alarmEmails: '" + email + "' is listed twice");
                }
            }
        }

        private static void required(String field, Object value) {
            if (value == null) {
                throw new IllegalArgumentException("ObservabilityArgs." + field + " is required");
            }
        }
    }
}

package dev.llmgateway.components.observability;

import com.pulumi.aws.cloudwatch.CompositeAlarm;
import com.pulumi.aws.cloudwatch.CompositeAlarmArgs;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import dev.llmgateway.components.kms.KeyGrant;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alarms and a dashboard for an ECS service behind an application load balancer plus its
 * PostgreSQL database: an SNS topic encrypted with the customer key (with one e-mail subscription
 * per address), the alarms of {@link AlarmCatalog} for the chosen {@link AlarmLevel} and
 * {@link DatabaseKind}, each notifying the topic on ALARM and OK, and optionally a CloudWatch
 * dashboard. It takes plain names and dimensions, so it works with any service and database.
 *
 * EventBridge rules also publish the cluster's failed deployments and failed tasks to the topic.
 *
 * <p>Callers add alarms of their own with {@link #addAlarm} (one metric, or a metric-math expression such as a rate
 * or a burn rate), composite alarms over them with {@link #addCompositeAlarm} and EventBridge rules with
 * {@link #addEventRule}: they notify the same topic and are named like the catalog's. The KMS key's policy must let CloudWatch and EventBridge use the key, or notifications are
 * dropped silently: give the key {@link #keyPolicyStatements()}.
 */
public final class Observability extends ComponentResource {

    private static final String DEPLOYMENT_FAILED = "deployment-failed";
    private static final String TASK_FAILED = "task-failed";

    /** Pulumi type token. */
    public static final String TYPE = "llmgateway:observability:Observability";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final String name;
    private final AlarmLevel level;
    private final String region;
    private final Topic topic;
    private final Output<MonitoredResources> watched;
    private final Output<String> topicArn;
    private final Output<List<String>> alarmNames;
    private final Optional<Output<String>> dashboardName;

    /**
     * Creates the topic, subscriptions, alarms and dashboard.
     *
     * @param name prefix of every child's logical name and of the alarm and dashboard names, unique
     *             per account and region (letters, digits, {@code - _ .})
     * @param args what to watch and where to notify
     * @param opts component options
     */
    public Observability(String name, ObservabilityArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, checked(name, args, opts));
        this.name = name;
        this.level = args.level();
        this.region = args.region();
        var child = CustomResourceOptions.builder().parent(this).build();

        this.topic = new Topic(name + "-alarms", TopicArgs.builder()
                .kmsMasterKeyId(args.kmsKeyArn())
                .build(), child);
        this.topicArn = topic.arn();
        new TopicPolicy(name + "-alarms-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(topic.arn().applyValue(arn -> topicPolicy(arn, name)))
                .build(), child);
        ecsEvent(name, DEPLOYMENT_FAILED, "a deployment of a service in the cluster failed and was rolled back",
                args.clusterArn().applyValue(EcsEventPatterns::deploymentFailed), topic, child);
        ecsEvent(name, TASK_FAILED, "a task of the cluster failed to start or its essential container exited",
                args.clusterArn().applyValue(EcsEventPatterns::taskFailed), topic, child);
        for (String email : args.alarmEmails()) {
            new TopicSubscription(name + "-email-" + email.toLowerCase(Locale.ROOT), TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(email)
                    .build(), child);
        }

        boolean loadBalanced = args.loadBalancerArnSuffix().isPresent();
        Output<Optional<String>> webAcl = args.webAclName().map(n -> n.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        this.watched = Output.tuple(args.clusterName(), args.serviceName(),
                        args.loadBalancerArnSuffix().orElse(Output.of("")), args.targetGroupArnSuffix().orElse(Output.of("")),
                        args.databaseDimensions().applyValue(
                                d -> MonitoredResources.checkDatabaseDimensions(args.databaseKind(), d)), webAcl)
                .applyValue(t -> new MonitoredResources(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6));
        List<MetricAlarm> alarms = new ArrayList<>();
        AlarmCatalog.select(args.level(), args.databaseKind(), args.thresholds(), args.minTasks()).stream()
                .filter(spec -> args.containerInsights() && args.minTasks() > 0
                        || !spec.namespace().equals(AlarmCatalog.CONTAINER_INSIGHTS))
                .filter(spec -> loadBalanced || !spec.namespace().equals(AlarmCatalog.ALB))
                .forEach(spec -> alarms.add(alarm(name, spec, watched.applyValue(w -> w.dimensions(spec.source())),
                        topic.arn(), child)));
        AlarmThresholds limits = args.thresholds();
        args.instances().forEach((label, id) -> extra(name, args.level(), AlarmCatalog.instanceStatus(label, limits,
                        args.stoppedOnSchedule().contains(label)),
                id.applyValue(i -> Map.of("InstanceId", i)), topic, child).ifPresent(alarms::add));
        args.certificates().forEach((label, arn) -> extra(name, args.level(), AlarmCatalog.certificateExpiry(label, limits),
                arn.applyValue(a -> Map.of("CertificateArn", a)), topic, child).ifPresent(alarms::add));
        args.loadBalancerArnSuffix().ifPresent(balancer -> args.targetGroups().forEach((label, suffix) -> extra(name,
                args.level(), AlarmCatalog.targetGroupHealthy(label, limits),
                Output.tuple(balancer, suffix).applyValue(p -> orderedMap("LoadBalancer", p.t1, "TargetGroup", p.t2)),
                topic, child).ifPresent(alarms::add)));
        this.alarmNames = Output.all(alarms.stream().map(MetricAlarm::name).toList());

        if (args.dashboard()) {
            Output<List<String>> alarmArns = Output.all(alarms.stream().map(MetricAlarm::arn).toList());
            List<String> labels = new ArrayList<>(args.targetGroups().keySet());
            Output<Map<String, String>> targetGroups = Output.all(labels.stream().map(label -> args.targetGroups().get(label)).toList())
                    .applyValue(suffixes -> {
                        Map<String, String> byLabel = new LinkedHashMap<>();
                        for (int i = 0; i < labels.size(); i++) {
                            byLabel.put(labels.get(i), suffixes.get(i));
                        }
                        return byLabel;
                    });
            var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                    .dashboardName(name + "-" + args.region())
                    .dashboardBody(Output.tuple(watched, alarmArns, targetGroups).applyValue(t ->
                            DashboardBody.render(args.region(), t.t1, args.databaseKind(), t.t2, loadBalanced, t.t3)))
                    .build(), child);
            this.dashboardName = Optional.of(dashboard.dashboardName());
        } else {
            this.dashboardName = Optional.empty();
        }

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("topicArn", topicArn);
        outputs.put("alarmNames", alarmNames);
        dashboardName.ifPresent(d -> outputs.put("dashboardName", d));
        registerOutputs(outputs);
    }

    /** ARN of the SNS topic every alarm notifies; subscribe further endpoints to it. */
    public Output<String> topicArn() {
        return topicArn;
    }

    /** Names of the alarms created, in catalog order. */
    public Output<List<String>> alarmNames() {
        return alarmNames;
    }

    /** Name of the CloudWatch dashboard, when one was requested. */
    public Optional<Output<String>> dashboardName() {
        return dashboardName;
    }

    /**
     * The statements the KMS key's policy needs so CloudWatch alarms and EventBridge rules can publish
     * to the topic this component encrypts with it (in the key's partition and account, this component's region). CloudWatch is
     * limited to this component's alarms. EventBridge gets the statement AWS gives for AWS event sources
     * publishing to encrypted topics ({@code kms:GenerateDataKey*} and {@code kms:Decrypt} for
     * {@code events.amazonaws.com}: SNS developer guide, "Key management", and AWS Knowledge Center,
     * "Why isn't my Amazon SNS topic receiving EventBridge notifications?"); the topic policy then
     * admits only this component's rules.
     */
    public KeyGrant keyPolicyStatements() {
        // In a key policy the resource "*" means "this key": AWS requires it there.
        return (partition, account) -> List.of(
                Statement.allow("CloudWatchAlarmsUseKey", List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of("*"))
                        .forPrincipal("Service", "cloudwatch.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", account)
                        .when("ArnLike", "aws:SourceArn", alarmArnPattern(partition, account, region, name)),
                Statement.allow("EventBridgeRulesUseKey", List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of("*"))
                        .forPrincipal("Service", "events.amazonaws.com"));
    }

    /**
     * Adds an alarm on a metric whose dimensions this component knows ({@link MetricSource} other than
     * {@code CUSTOM}, {@code EC2_INSTANCE} and {@code CERTIFICATE}); empty when the stack's alarm level leaves it out.
     */
    public Optional<MetricAlarm> addAlarm(AlarmSpec spec) {
        return addAlarm(spec, watched.applyValue(w -> w.dimensions(spec.source())));
    }

    /** Adds an alarm on any metric, with the dimensions given; empty when the stack's alarm level leaves it out. */
    public Optional<MetricAlarm> addAlarm(AlarmSpec spec, Output<Map<String, String>> dimensions) {
        return extra(name, level, spec, dimensions, topic, CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * Adds an alarm on a metric-math expression whose metrics this component knows the dimensions of; empty when the
     * stack's alarm level leaves it out. A {@link MathAlarmSpec#silent() silent} alarm changes state without
     * notifying, for a composite alarm to combine.
     */
    public Optional<MetricAlarm> addAlarm(MathAlarmSpec spec) {
        if (!level.includes(spec.level())) {
            return Optional.empty();
        }
        List<Output<MetricAlarmMetricQueryArgs>> queries = new ArrayList<>();
        queries.add(Output.of(MetricAlarmMetricQueryArgs.builder()
                .id("e1").expression(spec.expression()).label(spec.key()).returnData(true).build()));
        spec.metrics().forEach((id, metric) -> queries.add(watched.applyValue(w -> MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(metric.namespace())
                        .metricName(metric.metric())
                        .dimensions(w.dimensions(metric.source()))
                        .period(spec.periodSeconds())
                        .stat(metric.statistic())
                        .build())
                .build())));
        var builder = MetricAlarmArgs.builder()
                .name(alarmName(spec.key()))
                .alarmDescription(spec.description())
                .metricQueries(Output.all(queries))
                .comparisonOperator(spec.comparison().operator())
                .threshold(spec.threshold())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.datapointsToAlarm())
                .treatMissingData(spec.missingData().value());
        if (spec.notifies()) {
            builder.alarmActions(topicArn.applyValue(List::of)).okActions(topicArn.applyValue(List::of));
        }
        return Optional.of(new MetricAlarm(alarmName(spec.key()), builder.build(),
                CustomResourceOptions.builder().parent(this).build()));
    }

    /**
     * Adds a composite alarm that notifies the topic when {@code rule} holds (CloudWatch alarm-rule syntax over
     * {@code ALARM("<name>")}, the names from {@link #alarmName}); {@code parts} are the alarms the rule names, created
     * first. Empty when the level leaves it out or a part is missing.
     */
    public Optional<CompositeAlarm> addCompositeAlarm(String key, String meaning, AlarmLevel alarmLevel, String rule,
                                                      List<MetricAlarm> parts) {
        if (!level.includes(alarmLevel) || parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CompositeAlarm(alarmName(key), CompositeAlarmArgs.builder()
                .alarmName(alarmName(key))
                .alarmDescription("Fires when " + meaning + ".")
                .alarmRule(rule)
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.copyOf(parts)).build()));
    }

    /**
     * Adds an EventBridge rule on the default bus that sends the events matching {@code pattern} to the topic
     * (e.g. a one-off task that failed); the topic policy admits every rule named after this component.
     */
    public void addEventRule(String key, String meaning, Output<String> pattern) {
        ecsEvent(name, key, meaning, pattern, topic, CustomResourceOptions.builder().parent(this).build());
    }

    /** The name this component gives the alarm {@code key}: {@code <name>-<key>}. */
    public String alarmName(String key) {
        return name + "-" + key;
    }

    private static ComponentResourceOptions checked(String name, ObservabilityArgs args,
                                                    ComponentResourceOptions opts) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name
                    + "' must be 1 to 200 letters, digits, '-', '_' or '.' (it prefixes alarm and dashboard names)");
        }
        if (args == null) {
            throw new IllegalArgumentException("args: ObservabilityArgs are required");
        }
        return opts;
    }

    /** An alarm on one further resource, when the component's level includes it. */
    private static Optional<MetricAlarm> extra(String name, AlarmLevel level, AlarmSpec spec,
                                               Output<Map<String, String>> dimensions, Topic topic,
                                               CustomResourceOptions child) {
        return level.includes(spec.level())
                ? Optional.of(alarm(name, spec, dimensions, topic.arn(), child))
                : Optional.empty();
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static MetricAlarm alarm(String name, AlarmSpec spec, Output<Map<String, String>> dimensions,
                                     Output<String> topicArn, CustomResourceOptions child) {
        var builder = MetricAlarmArgs.builder()
                .name(name + "-" + spec.key())
                .alarmDescription(spec.description())
                .namespace(spec.namespace())
                .metricName(spec.metric())
                .dimensions(dimensions)
                .comparisonOperator(spec.comparison().operator())
                .threshold(spec.threshold())
                .period(spec.periodSeconds())
                .evaluationPeriods(spec.evaluationPeriods())
                .treatMissingData(spec.missingData().value())
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of));
        if (spec.isPercentile()) {
            builder.extendedStatistic(spec.statistic());
        } else {
            builder.statistic(spec.statistic());
        }
        return new MetricAlarm(name + "-" + spec.key(), builder.build(), child);
    }

    /** The EventBridge rule's name, fitted to its 64-character limit; the topic policy names exactly these rules. */
    private static String eventRuleName(String name, String key) {
        return PhysicalName.explicit(name + "-" + key, NameRule.EVENT_RULE);
    }

    /** An EventBridge rule on the default bus that sends matching ECS events to the topic. */
    private static void ecsEvent(String name, String key, String meaning, Output<String> pattern, Topic topic,
                                 CustomResourceOptions child) {
        var rule = new EventRule(name + "-" + key, EventRuleArgs.builder()
                .name(eventRuleName(name, key))
                .description("Notifies the alarm topic when " + meaning + ".")
                .eventPattern(pattern)
                .build(), child);
        new EventTarget(name + "-" + key, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(topic.arn())
                .build(), child);
    }

    /** Lets CloudWatch publish to the topic for this component's alarms only, EventBridge for its rules only. */
    private static String topicPolicy(String topicArn, String name) {
        String[] arn = topicArn.split(":");
        String partition = arn[1];
        String region = arn[3];
        String account = arn[4];
        return PolicyDocument.json(List.of(
                Statement.allow("CloudWatchAlarmsPublish", List.of("sns:Publish"), List.of(topicArn))
                        .forPrincipal("Service", "cloudwatch.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", account)
                        .when("ArnLike", "aws:SourceArn", alarmArnPattern(partition, account, region, name)),
                Statement.allow("EventBridgeRulesPublish", List.of("sns:Publish"), List.of(topicArn))
                        .forPrincipal("Service", "events.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", account)
                        // Every rule named after this component: the built-in ones and those added with addEventRule.
                        .when("ArnLike", "aws:SourceArn", "arn:" + partition + ":events:" + region + ":" + account
                                + ":rule/" + name + "-*")));
    }

    private static String alarmArnPattern(String partition, String accountId, String region, String name) {
        return "arn:" + partition + ":cloudwatch:" + region + ":" + accountId + ":alarm:" + name + "-*";
    }
}

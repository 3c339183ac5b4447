package dev.llmgateway.components.proxy;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;
import dev.llmgateway.components.regions.ElbLogDelivery;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionSourceIpArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.storage.PrivateBucket;
import dev.llmgateway.components.storage.PrivateBucketArgs;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.components.waf.WebFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The load-balancer half of {@link ProxyService}: its security group (no ingress until callers admit peers,
 * egress only to the tasks), the ALB (invalid headers dropped, long idle timeout, access logs), the target group
 * on the readiness path, HTTPS with an HTTP redirect (or plain HTTP when explicitly allowed), path rules, an
 * optional required header and an optional WAF. Callers decide who may enter ({@link #admit}) and can compose
 * further listener rules on its primitives ({@link #servingListener()}, {@link #targetGroup()}).
 */
public final class ServiceLoadBalancer implements Connectable {

    /**
     * Condition values one listener rule may hold, paths, header values and source addresses together (ELB user
     * guide, "Quotas for your Application Load Balancers": condition values per rule, 5).
     */
    public static final int CONDITION_VALUES_PER_RULE = 5;

    private final String name;
    private final Resource parent;
    private final SecurityGroup securityGroup;
    private final Connections connections;
    private final LoadBalancer loadBalancer;
    private final TargetGroup targetGroup;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<ListenerRule> forwardRules = new ArrayList<>();
    private final Listener serving;
    private final boolean https;
    private final List<Integer> ports;
    private final Optional<Output<String>> webAclArn;
    private final Output<String> vpcId;
    private final Optional<ProxyServiceArgs.RequiredHeader> requiredHeader;

    ServiceLoadBalancer(String name, ProxyServiceArgs args, Connections tasks, Resource parent) {
        this.name = name;
        this.parent = parent;
        this.https = args.certificateArn().isPresent();
        this.vpcId = args.vpcId();
        this.requiredHeader = args.requiredHeader();
        var child = options();

        this.securityGroup = new SecurityGroup(name + "-lb", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Proxy load balancer: listeners open to the allowed sources only")
                .build(), child);
        this.ports = https ? List.of(443, 80) : List.of(80);
        // No default port: every listener rule carries its port in its name, so turning HTTPS on or off renames none
        // (a rule renamed with the same permission would be created while the old one still holds it:
        // InvalidPermission.Duplicate).
        this.connections = Connections.of(parent, name + "-lb", "lb", "load balancer", securityGroup.id())
                .withSubnets(args.loadBalancerSubnetIds());
        tasks.allowFrom(this, args.containerPort(), "the load balancer forwards to LiteLLM");

        var balancer = LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(args.internal())
                .securityGroups(Output.all(securityGroup.id()))
                .subnets(args.loadBalancerSubnetIds())
                .dropInvalidHeaderFields(true)
                .idleTimeout(args.idleTimeoutSeconds())
                .enableDeletionProtection(args.deletionProtection());
        var balancerOptions = CustomResourceOptions.builder().parent(parent);
        List<Resource> balancerDependencies = new ArrayList<>();
        if (!args.internal()) {
            // An internet-facing load balancer fails to create in a VPC without an attached internet gateway.
            args.internetGateway().ifPresent(balancerDependencies::add);
        }
        if (args.accessLogs()) {
            var logs = accessLogBucket(args);
            balancer.accessLogs(LoadBalancerAccessLogsArgs.builder().bucket(logs.bucketName()).prefix("alb").enabled(true).build());
            balancerDependencies.add(logs);
        }
        balancerOptions.dependsOn(balancerDependencies);
        // Replaced only when it turns internal or internet-facing (both force-new): the target group it forwards to
        // is kept, and a target group serves one load balancer (TargetGroupAssociationLimit), so the old one and its
        // listeners must go before the new one's listeners attach. The gateway is down while it comes up (3-4 min).
        balancerOptions.deleteBeforeReplace(true);
        this.loadBalancer = new LoadBalancer(PhysicalName.autoNamed(name, NameRule.LOAD_BALANCER), balancer.build(), balancerOptions.build());

        this.targetGroup = new TargetGroup(PhysicalName.autoNamed(name, NameRule.TARGET_GROUP), TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .port(args.containerPort())
                .protocol("HTTP")
                .targetType("ip")
                .deregistrationDelay(args.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(args.healthCheckPath()).matcher("200")
                        .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3)
                        .build())
                .build(), child);

        if (https) {
            this.serving = listener("https", 443, "HTTPS", args, defaultAction(args), l -> l
                    .certificateArn(args.certificateArn().orElseThrow()).sslPolicy(args.sslPolicy()));
            // Port 80 is one listener whatever it does (redirect here, serve without a certificate): a second one on the
            // port would be created while the first still holds it (DuplicateListener) when HTTPS is turned on.
            listener("http", 80, "HTTP", args, ListenerDefaultActionArgs.builder().type("redirect")
                    .redirect(ListenerDefaultActionRedirectArgs.builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                    .build(), l -> { });
        } else {
            // Only reachable with allowPlainHttp(true), which ProxyServiceArgs requires without a certificate.
            this.serving = listener("http", 80, "HTTP", args, defaultAction(args), l -> { });
        }
        rules(args);
        this.webAclArn = args.waf().map(wafArgs -> {
            var waf = new WebFirewall(name + "-waf", wafArgs, ComponentResourceOptions.builder().parent(parent).build());
            new WebAclAssociation(name + "-waf", WebAclAssociationArgs.builder()
                    .resourceArn(loadBalancer.arn()).webAclArn(waf.arn()).build(), child);
            return waf.arn();
        });
    }

    /**
     * Lets {@code peer} reach every listener: the serving port, and with HTTPS port 80, whose listener only
     * redirects to HTTPS. A prefix list weighs its maximum entries against the 60-rule quota (CloudFront's
     * origin-facing list: 55): admit one on the serving port alone ({@code connections().allowFrom(peer,
     * servingPort(), why)}).
     *
     * @return the flows opened, serving port first
     */
    public List<Flow> admit(Peer peer, String why) {
        List<Flow> flows = new ArrayList<>();
        for (int port : ports) {
            flows.add(connections.allowFrom(peer, port, port == servingPort() ? why : why + " (redirected to HTTPS)"));
        }
        return flows;
    }

    /** The port of the listener that serves traffic: 443, or 80 when plain HTTP is allowed. */
    public int servingPort() {
        return ports.get(0);
    }

    /** The load balancer's group: listener ports from the admitted peers, the container port to the tasks. */
    @Override
    public Connections connections() {
        return connections;
    }

    /** The load balancer's security group. */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** The Application Load Balancer. */
    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** The target group of the tasks. */
    public TargetGroup targetGroup() {
        return targetGroup;
    }

    /** Every listener, serving one first. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The listeners and the rules that forward to the target group: the service registers targets only after them. */
    List<Resource> attachments() {
        List<Resource> all = new ArrayList<>(listeners);
        all.addAll(forwardRules);
        return all;
    }

    /** The listener that serves traffic (HTTPS, or HTTP when plain HTTP is allowed). */
    public Listener servingListener() {
        return serving;
    }

    /** The WAF web ACL's ARN, when WAF is on. */
    public Optional<Output<String>> webAclArn() {
        return webAclArn;
    }

    /** {@code https://} or {@code http://} plus the load balancer's DNS name. */
    public Output<String> url() {
        return loadBalancer.dnsName().applyValue(dns -> (https ? "https://" : "http://") + dns);
    }

    private CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    private PrivateBucket accessLogBucket(ProxyServiceArgs args) {
        // Regions older than August 2022 deliver from a regional ELB account (looked up: the provider knows it); newer
        // ones have none (the lookup would fail there) and deliver as the log-delivery service principal.
        Output<Map.Entry<String, String>> writer = ElbLogDelivery.account(args.region()).isPresent()
                ? ElbFunctions.getServiceAccount(GetServiceAccountArgs.builder().region(args.region()).build(),
                        InvokeOptions.builder().parent(parent).build()).applyValue(account -> Map.entry("AWS", account.arn()))
                : Output.of(Map.entry("Service", ElbLogDelivery.SERVICE_PRINCIPAL));
        return new PrivateBucket(name + "-access-logs", PrivateBucketArgs.builder()
                // ALB access logs support only SSE-S3, not SSE-KMS (ELB user guide), hence no customer key here.
                .versioning(false)
                .expirationDays(Optional.of(args.accessLogExpirationDays()))
                .forceDestroy(!args.deletionProtection())
                .grants(bucketArn -> writer.applyValue(principal -> List.of(
                        Statement.allow("ElbLogDelivery", List.of("s3:PutObject"), List.of(bucketArn + "/alb/AWSLogs/*"))
                                .forPrincipal(principal.getKey(), principal.getValue()))))
                .build(), ComponentResourceOptions.builder().parent(parent).build());
    }

    private ListenerDefaultActionArgs defaultAction(ProxyServiceArgs args) {
        if (args.requiredHeader().isPresent()) {
            return ListenerDefaultActionArgs.builder().type("fixed-response")
                    .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                            .contentType("text/plain").messageBody("Forbidden").statusCode("403").build())
                    .build();
        }
        return ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build();
    }

    private Listener listener(String suffix, int port, String protocol, ProxyServiceArgs args, ListenerDefaultActionArgs action,
                              Consumer<ListenerArgs.Builder> tls) {
        var listener = ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(port)
                .protocol(protocol)
                .defaultActions(action);
        tls.accept(listener);
        var created = new Listener(name + "-" + suffix, listener.build(), options());
        listeners.add(created);
        return created;
    }

    /** The condition that a request carries the required header. */
    static ListenerRuleConditionArgs headerCondition(ProxyServiceArgs.RequiredHeader header) {
        return ListenerRuleConditionArgs.builder()
                .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName(header.name()).values(header.value().applyValue(List::of)).build())
                .build();
    }

    /**
     * 403 rules for blocked paths (priorities 1..9), forward rules for the listed paths
     * ({@link ProxyService#FIRST_FORWARD_PRIORITY}, +10, ...; as many paths per rule as its condition values allow),
     * each carrying the required header when there is one.
     */
    private void rules(ProxyServiceArgs args) {
        for (int i = 0; i < args.blockedPaths().size(); i++) {
            new ListenerRule(name + "-blocked-" + (i + 1), ListenerRuleArgs.builder()
                    .listenerArn(serving.arn())
                    .priority(i + 1)
                    .conditions(ListenerRuleConditionArgs.builder()
                            .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(args.blockedPaths().get(i)).build()).build())
                    .actions(ListenerRuleActionArgs.builder().type("fixed-response")
                            .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                    .contentType("text/plain").messageBody("Forbidden").statusCode("403").build())
                            .build())
                    .build(), options());
        }
        List<List<String>> chunks = chunks(args.listenerPaths(), List.of());
        for (int i = 0; i < chunks.size(); i++) {
            forwardRules.add(forwardRule(name + "-rule-" + (i + 1), ProxyService.FIRST_FORWARD_PRIORITY + 10 * i, chunks.get(i),
                    List.of(), targetGroup));
        }
    }

    /**
     * A target group for a further service on this load balancer and the serving listener's rules that forward
     * {@code route}'s paths to it (from those addresses only, when it names some; carrying the required header, when
     * one is required). The service registers its tasks in it ({@code ProxyServiceArgs.target}).
     *
     * @param suffix what the service is ({@code backend}); names the target group and rules
     */
    public LoadBalancerTarget route(String suffix, Route route) {
        var group = new TargetGroup(PhysicalName.autoNamed(name + "-" + suffix, NameRule.TARGET_GROUP), TargetGroupArgs.builder()
                .vpcId(vpcId)
                .port(route.port())
                .protocol("HTTP")
                .targetType("ip")
                .deregistrationDelay(route.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(route.healthCheckPath()).matcher("200")
                        .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3)
                        .build())
                .build(), options());
        List<String> sources = route.sourceCidrs().stream().map(Cidr::toString).toList();
        List<List<String>> chunks = chunks(route.paths(), sources);
        List<ListenerRule> rules = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            rules.add(forwardRule(name + "-" + suffix + "-rule-" + (i + 1), route.firstPriority() + i, chunks.get(i), sources, group));
        }
        return new LoadBalancerTarget(this, group, rules, route.port());
    }

    /** Path patterns in rules of as many as fit beside the source addresses and the required header. */
    private List<List<String>> chunks(List<String> paths, List<String> sources) {
        int size = CONDITION_VALUES_PER_RULE - sources.size() - (requiredHeader.isPresent() ? 1 : 0);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < paths.size(); from += size) {
            chunks.add(paths.subList(from, Math.min(paths.size(), from + size)));
        }
        return chunks;
    }

    private ListenerRule forwardRule(String ruleName, int priority, List<String> paths, List<String> sources, TargetGroup group) {
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>();
        conditions.add(ListenerRuleConditionArgs.builder()
                .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(paths).build()).build());
        requiredHeader.map(ServiceLoadBalancer::headerCondition).ifPresent(conditions::add);
        if (!sources.isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder()
                    .sourceIp(ListenerRuleConditionSourceIpArgs.builder().values(sources).build()).build());
        }
        return new ListenerRule(ruleName, ListenerRuleArgs.builder()
                .listenerArn(serving.arn())
                .priority(priority)
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(group.arn()).build())
                .build(), options());
    }
}

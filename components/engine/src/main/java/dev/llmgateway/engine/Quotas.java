package dev.llmgateway.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AWS default quotas a stack of this project can hit within itself, counted from a plan. What
 * the rest of the account already uses is unknown offline, so these are upper bounds of what the
 * stack alone needs. Each quota names its AWS documentation page.
 */
public final class Quotas {

    /** Usage of one quota by one resource. */
    public record Usage(String quota, String resource, int used, int limit, String source) {
        /** Whether AWS would refuse it. */
        public boolean over() {
            return used > limit;
        }
    }

    private record Quota(String name, int limit, String source, Function<PlannedStack, Map<String, Integer>> count) {
    }

    private static final String VPC_QUOTAS = "Amazon VPC quotas";
    private static final String ELB_QUOTAS = "Quotas for your Application Load Balancers";
    private static final String ECS_QUOTAS = "Amazon ECS service quotas";

    /** WCU of the AWS managed rule groups (AWS WAF developer guide, "AWS Managed Rules rule groups list"). */
    static final Map<String, Integer> MANAGED_RULE_GROUP_WCU = Map.of(
            "AWSManagedRulesCommonRuleSet", 700,
            "AWSManagedRulesKnownBadInputsRuleSet", 200,
            "AWSManagedRulesAmazonIpReputationList", 25,
            "AWSManagedRulesAnonymousIpList", 50,
            "AWSManagedRulesSQLiRuleSet", 200,
            "AWSManagedRulesLinuxRuleSet", 200,
            "AWSManagedRulesUnixRuleSet", 100,
            "AWSManagedRulesAdminProtectionRuleSet", 100,
            "AWSManagedRulesBotControlRuleSet", 50);

    private static final List<Quota> QUOTAS = List.of(
            new Quota("inbound rules per security group", 60, VPC_QUOTAS, plan -> rulesPerGroup(plan, true)),
            new Quota("outbound rules per security group", 60, VPC_QUOTAS, plan -> rulesPerGroup(plan, false)),
            new Quota("security groups per network interface", 5, VPC_QUOTAS, Quotas::groupsPerInterface),
            new Quota("routes per route table", 50, VPC_QUOTAS, Quotas::routesPerTable),
            new Quota("interface endpoints per VPC", 50, VPC_QUOTAS,
                    plan -> perParent(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "vpcId", r -> "Interface".equals(r.input("vpcEndpointType").orElse(null)))),
            new Quota("Elastic IP addresses per Region", 5, VPC_QUOTAS,
                    plan -> Map.of("stack " + plan.stack(), plan.ofType("aws:ec2/eip:Eip").size())),
            new Quota("rules per load balancer (listener rules, defaults excluded)", 100, ELB_QUOTAS, Quotas::rulesPerLoadBalancer),
            new Quota("condition values per listener rule", 5, ELB_QUOTAS, Quotas::conditionValues),
            new Quota("target groups per ECS service", 5, ECS_QUOTAS,
                    plan -> count(plan, "aws:ecs/service:Service", r -> r.list("loadBalancers").size())),
            new Quota("containers per task definition", 10, ECS_QUOTAS,
                    plan -> count(plan, "aws:ecs/taskDefinition:TaskDefinition", Quotas::containers)),
            new Quota("WAF capacity units per web ACL (base price)", 1500, "AWS WAF quotas", Quotas::webAclCapacity),
            new Quota("cache behaviors per CloudFront distribution", 75, "Amazon CloudFront quotas",
                    plan -> count(plan, "aws:cloudfront/distribution:Distribution", r -> r.list("orderedCacheBehaviors").size())),
            new Quota("authorization rules per Client VPN endpoint", 200, "AWS Client VPN quotas",
                    plan -> perParent(plan, "aws:ec2clientvpn/authorizationRule:AuthorizationRule", "clientVpnEndpointId", r -> true)),
            new Quota("characters of a role's inline policies", 10_240, "IAM and AWS STS quotas", Quotas::inlinePolicySize));

    private Quotas() {
    }

    /** The usage of every quota by every resource that counts against it, highest first per quota. */
    public static List<Usage> usage(PlannedStack plan) {
        List<Usage> usage = new ArrayList<>();
        for (Quota quota : QUOTAS) {
            quota.count().apply(plan).forEach((resource, used) ->
                    usage.add(new Usage(quota.name(), resource, used, quota.limit(), quota.source())));
        }
        usage.sort(Comparator.comparing((Usage u) -> QUOTAS.stream().map(Quota::name).toList().indexOf(u.quota()))
                .thenComparing(Usage::used, Comparator.reverseOrder()).thenComparing(Usage::resource));
        return usage;
    }

    /** The highest usage of each quota the stack touches, in quota order. */
    public static List<Usage> summary(PlannedStack plan) {
        Map<String, Usage> highest = new LinkedHashMap<>();
        usage(plan).forEach(u -> highest.putIfAbsent(u.quota(), u));
        return List.copyOf(highest.values());
    }

    private static Map<String, Integer> rulesPerGroup(PlannedStack plan, boolean ingress) {
        Map<String, Integer> weights = MockCloud.PREFIX_LISTS.values().stream()
                .collect(Collectors.toMap(MockCloud.ManagedPrefixList::id, MockCloud.ManagedPrefixList::weight));
        Map<String, String> names = plan.ofType("aws:ec2/securityGroup:SecurityGroup").stream()
                .collect(Collectors.toMap(PlannedResource::id, PlannedResource::name));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Reachability.rules(plan).stream().filter(r -> r.ingress() == ingress && names.containsKey(r.groupId()))
                .forEach(r -> counts.merge(names.get(r.groupId()),
                        r.prefixList() == null ? 1 : weights.getOrDefault(r.prefixList(), 1), Integer::sum));
        return counts;
    }

    private static Map<String, Integer> groupsPerInterface(PlannedStack plan) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.putAll(count(plan, "aws:ecs/service:Service", r -> r.list("networkConfiguration.securityGroups").size()));
        counts.putAll(count(plan, "aws:lb/loadBalancer:LoadBalancer", r -> r.list("securityGroups").size()));
        counts.putAll(count(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", r -> r.list("securityGroupIds").size()));
        counts.putAll(count(plan, "aws:ec2/instance:Instance", r -> r.list("vpcSecurityGroupIds").size()));
        counts.putAll(count(plan, "aws:ec2clientvpn/endpoint:Endpoint", r -> r.list("securityGroupIds").size()));
        return counts;
    }

    private static Map<String, Integer> routesPerTable(PlannedStack plan) {
        Map<String, String> tables = plan.ofType("aws:ec2/routeTable:RouteTable").stream()
                .collect(Collectors.toMap(PlannedResource::id, PlannedResource::name));
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.ofType("aws:ec2/route:Route").forEach(r -> counts.merge(tables.getOrDefault(r.string("routeTableId"), "?"), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> rulesPerLoadBalancer(PlannedStack plan) {
        Map<String, String> balancerOfListener = new LinkedHashMap<>();
        Map<String, String> balancerNames = plan.ofType("aws:lb/loadBalancer:LoadBalancer").stream()
                .collect(Collectors.toMap(r -> String.valueOf(r.output("arn").orElse("")), PlannedResource::name));
        plan.ofType("aws:lb/listener:Listener").forEach(l -> balancerOfListener.put(String.valueOf(l.output("arn").orElse("")),
                balancerNames.getOrDefault(l.string("loadBalancerArn"), "?")));
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.ofType("aws:lb/listenerRule:ListenerRule").forEach(rule ->
                counts.merge(balancerOfListener.getOrDefault(rule.string("listenerArn"), "?"), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> conditionValues(PlannedStack plan) {
        return count(plan, "aws:lb/listenerRule:ListenerRule", rule -> rule.list("conditions").stream()
                .map(c -> (Map<?, ?>) c)
                .mapToInt(c -> c.values().stream().filter(v -> v instanceof Map<?, ?>)
                        .mapToInt(v -> ((Map<?, ?>) v).get("values") instanceof List<?> values ? values.size() : 1).sum())
                .sum());
    }

    private static int containers(PlannedResource taskDefinition) {
        return taskDefinition.input("containerDefinitions").map(json -> {
            JsonArray array = JsonParser.parseString(String.valueOf(json)).getAsJsonArray();
            return array.size();
        }).orElse(0);
    }

    private static Map<String, Integer> webAclCapacity(PlannedStack plan) {
        return count(plan, "aws:wafv2/webAcl:WebAcl", acl -> acl.list("rules").stream().map(r -> (Map<?, ?>) r)
                .mapToInt(rule -> {
                    Map<?, ?> statement = (Map<?, ?>) rule.get("statement");
                    if (statement == null) {
                        return 1;
                    }
                    if (statement.get("managedRuleGroupStatement") instanceof Map<?, ?> group) {
                        return MANAGED_RULE_GROUP_WCU.getOrDefault(String.valueOf(group.get("name")), 100);
                    }
                    // A rate-based rule costs 2 WCU plus its scope-down statement (counted as 1 here).
                    return statement.containsKey("rateBasedStatement") ? 3 : 1;
                }).sum());
    }

    private static Map<String, Integer> inlinePolicySize(PlannedStack plan) {
        Map<String, String> roles = plan.ofType("aws:iam/role:Role").stream()
                .collect(Collectors.toMap(PlannedResource::id, PlannedResource::name));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        plan.ofType("aws:iam/rolePolicy:RolePolicy").forEach(p -> sizes.merge(roles.getOrDefault(p.string("role"), p.name()),
                p.input("policy").map(String::valueOf).map(s -> s.replaceAll("\\s", "")).map(String::length).orElse(0), Integer::sum));
        return sizes;
    }

    private static Map<String, Integer> count(PlannedStack plan, String type, Function<PlannedResource, Integer> counter) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.ofType(type).forEach(r -> counts.put(r.name(), counter.apply(r)));
        return counts;
    }

    private static Map<String, Integer> perParent(PlannedStack plan, String type, String parentKey,
                                                  java.util.function.Predicate<PlannedResource> filter) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.ofType(type).stream().filter(filter).forEach(r -> counts.merge(
                resourceName(plan, Objects.toString(r.input(parentKey).orElse("?"))), 1, Integer::sum));
        return counts;
    }

    private static String resourceName(PlannedStack plan, String id) {
        return plan.resources().stream().filter(r -> id.equals(r.id())).map(PlannedResource::name).findFirst().orElse(id);
    }
}

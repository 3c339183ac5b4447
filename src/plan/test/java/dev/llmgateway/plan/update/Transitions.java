package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.plan.Plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Realistic changes a team makes to the committed stacks and examples, each as the deployed stack file (base) and the
 * same file with some settings changed (head), with what must happen: the update applies, or the settings refuse it
 * up front naming a key. Head plans are made once per JVM ({@link Plans}).
 */
final class Transitions {

    /**
     * One transition.
     *
     * @param name    what changes, for the test name
     * @param base    {@code stack:<name>} or {@code example:<name>}
     * @param changes settings of the head (a null value removes the key)
     * @param refused the key the settings refuse, or empty when the update must apply cleanly
     */
    record Transition(String name, String base, Map<String, Object> changes, Optional<String> refused) {

        @Override
        public String toString() {
            return name;
        }

        /** The base stack file's settings source. */
        StackFileConfigSource baseSource() {
            String[] parts = base.split(":");
            return parts[0].equals("stack") ? Stacks.load(parts[1]) : Stacks.example(parts[1]);
        }

        /** The head: the base file with the changes. */
        StackFileConfigSource headSource() {
            return baseSource().with(changes);
        }

        /** The base plan, shared with every test that plans the committed files. */
        PlannedStack basePlan() {
            String[] parts = base.split(":");
            return parts[0].equals("stack") ? Plans.stack(parts[1]) : Plans.example(parts[1]);
        }

        /** The head plan, once per JVM (shared with every test that plans the same change). */
        PlannedStack headPlan() {
            String[] parts = base.split(":");
            return parts[0].equals("stack") ? Plans.stack(parts[1], changes) : Plans.example(parts[1], changes);
        }

        StackSettings baseSettings() {
            return StackSettings.read(baseSource());
        }

        StackSettings headSettings() {
            return StackSettings.read(headSource());
        }
    }

    private Transitions() {
    }

    private static Transition applies(String name, String base, Object... changes) {
        return new Transition(name, base, map(changes), Optional.empty());
    }

    private static Transition refused(String name, String base, String key, Object... changes) {
        return new Transition(name, base, map(changes), Optional.of(key));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final String DEV = "stack:dev";
    private static final String PROD = "stack:prod";
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    /** The matrix. */
    static final List<Transition> ALL = List.of(
            // zones and network
            applies("dev: a third zone", DEV, "azCount", 3, "availabilityZones", List.of("us-east-1a", "us-east-1b", "us-east-1c")),
            refused("prod: three zones down to two", PROD, "litellm-gateway:azCount", "azCount", 2,
                    "availabilityZones", List.of("us-east-1a", "us-east-1b")),
            refused("prod: zones reordered", PROD, "litellm-gateway:availabilityZones",
                    "availabilityZones", List.of("us-east-1b", "us-east-1a", "us-east-1c")),
            refused("prod: another VPC block", PROD, "litellm-gateway:vpcCidr", "vpcCidr", "10.1.0.0/16"),
            applies("dev: NAT instance to one NAT gateway", DEV, "natStrategy", "single-gateway"),
            applies("prod: a NAT gateway per zone to one", PROD, "natStrategy", "single-gateway"),
            applies("enterprise: one more interface endpoint", "example:enterprise-private-endpoints",
                    "vpcEndpoints", List.of("ecr.api", "ecr.dkr", "secretsmanager", "logs", "bedrock-runtime", "ssm")),
            // access
            applies("dev: private to a public load balancer", DEV, "accessMode", "public", "allowedCidrs", List.of("203.0.113.0/24"),
                    "allowPlainHttp", true, "proxyReadOnlyRootFilesystem", null),
            applies("dev-public-alb: HTTP to HTTPS on a custom domain", "example:dev-public-alb", "certificateArn", CERTIFICATE,
                    "albDomainName", "llm-dev.example.com", "albHostedZoneId", "Z0123456789EXAMPLE", "allowPlainHttp", false),
            applies("local-model: HTTPS on its own domain back to plain HTTP", "example:local-model-guardrails",
                    "albDomainName", null, "albHostedZoneId", null, "allowPlainHttp", true),
            refused("prod: public to VPN while the load balancer is deletion-protected", PROD, "litellm-gateway:accessMode",
                    "accessMode", "vpn", "allowedCidrs", List.of(), "vpnUsers", List.of("alice")),
            applies("vpn: another VPN client range", "example:vpn-private-gateway", "vpnClientCidr", "172.20.0.0/22"),
            applies("prod: another custom domain", PROD, "albDomainName", "gateway.example.com"),
            applies("prod: WAF off", PROD, "waf", false, "allowedCidrs", List.of("203.0.113.0/24")),
            applies("dev-public-alb: WAF on", "example:dev-public-alb", "waf", true),
            // proxy
            applies("dev: Fargate Spot to on-demand", DEV, "proxyCapacity", "fargate"),
            applies("prod: bigger tasks", PROD, "proxyCpu", 4096, "proxyMemory", 8192),
            applies("prod: scaling bounds 2-6 to 3-8", PROD, "proxyMinTasks", 3, "proxyMaxTasks", 8),
            applies("dev: a new LiteLLM image", DEV, "litellmImage", "ghcr.io/berriai/litellm:main-v1.80.0-stable"),
            applies("prod: another model", PROD, "models", List.of("claude-haiku=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0",
                    "claude-sonnet=bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                    "claude-opus=bedrock/us.anthropic.claude-opus-4-5-20251101-v1:0")),
            applies("local-model: the Presidio guardrail off", "example:local-model-guardrails", "guardrails", List.of("regex-pii")),
            applies("dev: office hours off", DEV, "officeHours", null, "officeDays", null, "officeTimeZone", null),
            // cache, database, secrets, metrics
            applies("dev: Redis on", DEV, "redis", true),
            applies("prod: Redis off with one task, losing the cache by consent", PROD, "redis", false, "redisReplicas", null,
                    "proxyMinTasks", 1, "proxyMaxTasks", 1, "acceptDataLoss", List.of("cache")),
            applies("dev: a bigger database instance", DEV, "dbInstanceClass", "db.t4g.small"),
            applies("prod: a second Aurora reader", PROD, "dbReaders", 2),
            applies("prod: a higher Aurora capacity ceiling", PROD, "dbMaxCapacity", "16"),
            applies("prod: a restored copy next to the serving database", PROD, "dbSlots", List.of("a", "b"),
                    "dbRestoreSource", "latest"),
            refused("prod: serving a slot created in the same update", PROD, "litellm-gateway:dbServingSlot",
                    "dbSlots", List.of("a", "b"), "dbRestoreSource", "latest", "dbServingSlot", "b"),
            refused("dev: PostgreSQL 16 to 17", DEV, "litellm-gateway:dbEngineVersion", "dbEngineVersion", "17.7"),
            refused("dev: RDS instance to Aurora", DEV, "litellm-gateway:dbEngine", "dbEngine", "aurora-serverless-v2",
                    "dbInstanceClass", null, "dbEngineVersion", null, "dbAllocatedStorageGb", null, "officeHours", null,
                    "officeDays", null, "officeTimeZone", null),
            applies("dev: secrets from SSM to Secrets Manager", DEV, "secretStore", "secrets-manager"),
            applies("bedrock-metrics: Prometheus metrics off, losing their history by consent", "example:bedrock-budgets-metrics",
                    "metrics", "cloudwatch", "acceptDataLoss", List.of("metrics-history")),
            // tags and region
            applies("prod: another default tag", PROD, "tags", List.of("environment=prod", "cost-center=ml-platform")),
            refused("dev: another region", DEV, "aws:region", "aws:region", "eu-west-1", "availabilityZones",
                    List.of("eu-west-1a", "eu-west-1b"), "models",
                    List.of("claude-haiku=bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0")));
}

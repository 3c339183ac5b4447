package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C4 views of a planned stack in Mermaid's C4 syntax: the system context (who uses the gateway, which model providers
 * and AWS services it depends on) and the containers inside it (entry, LiteLLM tasks, database, cache, secrets,
 * metrics). Everything drawn is read from the plan's resources and its published LiteLLM config, so the views change
 * when the stack does.
 */
public final class C4Diagram {

    private final PlannedStack stack;
    private final String name;

    private C4Diagram(PlannedStack stack) {
        this.stack = stack;
        this.name = "LiteLLM gateway (" + stack.stack() + ")";
    }

    /** The system context view. */
    public static String context(PlannedStack stack) {
        return new C4Diagram(stack).contextText();
    }

    /** The container view. */
    public static String container(PlannedStack stack) {
        return new C4Diagram(stack).containerText();
    }

    private boolean has(String type) {
        return !stack.ofType(type).isEmpty();
    }

    private String people() {
        boolean vpn = has("aws:ec2clientvpn/endpoint:Endpoint");
        boolean balanced = has("aws:lb/loadBalancer:LoadBalancer") || has("aws:cloudfront/distribution:Distribution");
        return vpn ? "VPN users" : balanced ? "Applications and people" : "Operators (SSM tunnel)";
    }

    private String contextText() {
        List<String> out = new ArrayList<>();
        out.add("C4Context");
        out.add("    title " + name + ": system context");
        out.add("    Person(users, \"" + people() + "\", \"call the OpenAI-compatible API with virtual keys\")");
        out.add("    Person(admins, \"Administrators\", \"manage keys, budgets and models in the admin UI\")");
        out.add("    System(gateway, \"" + name + "\", \"LiteLLM on ECS Fargate with PostgreSQL, in one AWS account\")");
        providers().forEach(p -> out.add("    System_Ext(" + p.id() + ", \"" + p.label() + "\", \"" + p.detail() + "\")"));
        out.add("    System_Ext(ops, \"On-call\", \"alarm e-mails through SNS\")");
        out.add("    Rel(users, gateway, \"chat completions, embeddings\", \"HTTPS\")");
        out.add("    Rel(admins, gateway, \"/ui, management API\", \"HTTPS\")");
        providers().forEach(p -> out.add("    Rel(gateway, " + p.id() + ", \"model calls\", \"" + p.protocol() + "\")"));
        out.add("    Rel(gateway, ops, \"alarms, failed deployments\", \"SNS\")");
        return String.join("\n", out) + "\n";
    }

    private String containerText() {
        List<String> out = new ArrayList<>();
        out.add("C4Container");
        out.add("    title " + name + ": containers");
        out.add("    Person(users, \"" + people() + "\")");
        out.add("    Container_Boundary(aws, \"" + name + " in AWS\") {");
        List<String> rels = new ArrayList<>();
        String entry = "proxy";
        if (has("aws:cloudfront/distribution:Distribution")) {
            out.add("        Container(cdn, \"CloudFront + WAF\", \"Amazon CloudFront\", \"admits the world, forwards with a secret header\")");
            rels.add("    Rel(users, cdn, \"calls\", \"HTTPS\")");
            entry = "cdn";
        }
        if (has("aws:ec2clientvpn/endpoint:Endpoint")) {
            out.add("        Container(vpn, \"Client VPN\", \"AWS Client VPN\", \"mutual TLS or SAML\")");
            rels.add("    Rel(users, vpn, \"connect\", \"OpenVPN\")");
            entry = "vpn";
        }
        Optional<PlannedResource> balancer = stack.ofType("aws:lb/loadBalancer:LoadBalancer").stream().findFirst();
        if (balancer.isPresent()) {
            boolean waf = stack.ofType("aws:wafv2/webAcl:WebAcl").stream().anyMatch(a -> "REGIONAL".equals(a.input("scope").orElse(null)));
            out.add("        Container(lb, \"Load balancer\", \"ALB, " + (balancer.get().flag("internal") ? "internal" : "internet-facing")
                    + (waf ? ", WAF" : "") + "\", \"HTTPS, health checks\")");
            rels.add("    Rel(" + (entry.equals("proxy") ? "users" : entry) + ", lb, \"forwards\", \"HTTPS\")");
            rels.add("    Rel(lb, proxy, \"forwards\", \"HTTP :4000\")");
        } else if (!entry.equals("cdn")) {
            rels.add("    Rel(users, proxy, \"SSM port forwarding\", \"localhost:4000\")");
        }
        out.add("        Container(proxy, \"LiteLLM\", \"ECS Fargate, " + tasks() + "\", \"routing, keys, budgets, guardrails\")");
        out.add("        ContainerDb(db, \"PostgreSQL\", \"" + database() + "\", \"keys, budgets, spend\")");
        rels.add("    Rel(proxy, db, \"keys, spend\", \"TLS :5432\")");
        if (has("aws:elasticache/replicationGroup:ReplicationGroup")) {
            out.add("        ContainerDb(cache, \"Redis\", \"ElastiCache for Valkey\", \"shared limits and cache\")");
            rels.add("    Rel(proxy, cache, \"limits, budgets\", \"TLS :6379\")");
        }
        boolean secretsManager = has("aws:secretsmanager/secret:Secret");
        out.add("        Container(secrets, \"Secrets\", \"" + (secretsManager ? "Secrets Manager" : "SSM Parameter Store") + ", KMS\", \"master key, provider keys\")");
        rels.add("    Rel(proxy, secrets, \"read at task start\", \"valueFrom\")");
        if (has("llmgateway:observability:PrometheusMetrics")) {
            out.add("        Container(metrics, \"VictoriaMetrics + Grafana\", \"ECS Fargate, EFS\", \"scrapes /metrics\")");
            rels.add("    Rel(metrics, proxy, \"scrapes\", \"HTTP :4000/metrics\")");
        }
        out.add("    }");
        providers().forEach(p -> {
            out.add("    System_Ext(" + p.id() + ", \"" + p.label() + "\", \"" + p.detail() + "\")");
            rels.add("    Rel(proxy, " + p.id() + ", \"model calls\", \"" + p.protocol() + "\")");
        });
        out.addAll(rels);
        return String.join("\n", out) + "\n";
    }

    private String tasks() {
        Optional<PlannedResource> target = stack.ofType("aws:appautoscaling/target:Target").stream().findFirst();
        return target.map(t -> CostReport.number(StackLinks.number(t, "minCapacity").orElse(1.0)) + "-"
                + CostReport.number(StackLinks.number(t, "maxCapacity").orElse(1.0)) + " tasks").orElse("1 task");
    }

    private String database() {
        if (has("aws:rds/cluster:Cluster")) {
            return "Aurora PostgreSQL";
        }
        return stack.ofType("aws:rds/instance:Instance").stream().findFirst()
                .map(db -> "RDS " + StackLinks.text(db, "instanceClass").orElse("") + (db.flag("multiAz") ? ", Multi-AZ" : ""))
                .orElse("PostgreSQL");
    }

    /** A model provider the catalog calls. */
    private record Provider(String id, String label, String detail, String protocol) {
    }

    private List<Provider> providers() {
        String config = stack.ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream()
                .map(o -> StackLinks.text(o, "content").orElse("")).filter(t -> t.contains("model_list")).findFirst().orElse("");
        List<Provider> providers = new ArrayList<>();
        if (config.contains("model: bedrock/")) {
            providers.add(new Provider("bedrock", "Amazon Bedrock", "Claude and other models, invoked with the task role", "HTTPS, SigV4"));
        }
        if (config.contains("model: openai/")) {
            providers.add(new Provider("openai", "OpenAI", "API key from the secret store", "HTTPS"));
        }
        if (config.contains("model: anthropic/")) {
            providers.add(new Provider("anthropic", "Anthropic", "API key from the secret store", "HTTPS"));
        }
        if (config.contains("model: azure/")) {
            providers.add(new Provider("azure", "Azure OpenAI", "API key from the secret store", "HTTPS"));
        }
        return providers;
    }
}

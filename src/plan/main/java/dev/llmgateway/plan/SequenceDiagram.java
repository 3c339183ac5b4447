package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chat completion's path through a planned stack as a Mermaid {@code sequenceDiagram}: who calls, what it passes
 * on the way in (CloudFront and its WAF, Client VPN, the load balancer and its WAF, or an SSM tunnel), LiteLLM's
 * checks (the key and budget in PostgreSQL, limits in Redis), the guardrails before and after the call (the built-in
 * regex filter, the Presidio sidecars), the model providers the catalog names, and the spend write that follows in a
 * batch. Every participant and step comes from the plan's resources and the LiteLLM config it publishes; the same
 * stack gives the same text.
 */
public final class SequenceDiagram {

    private final PlannedStack stack;
    private final Map<String, Object> config;
    private final List<String> lines = new ArrayList<>();

    private SequenceDiagram(PlannedStack stack) {
        this.stack = stack;
        this.config = config(stack);
    }

    /** The sequence diagram of a planned stack, as Mermaid source. */
    public static String render(PlannedStack stack) {
        return new SequenceDiagram(stack).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(PlannedStack stack) {
        return stack.ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream()
                .map(o -> StackLinks.text(o, "content").orElse(""))
                .filter(text -> text.contains("model_list"))
                .findFirst()
                .map(text -> (Map<String, Object>) new Yaml().load(text))
                .orElse(Map.of());
    }

    private String text() {
        boolean cdn = !stack.ofType("aws:cloudfront/distribution:Distribution").isEmpty();
        boolean vpn = !stack.ofType("aws:ec2clientvpn/endpoint:Endpoint").isEmpty();
        Optional<PlannedResource> balancer = stack.ofType("aws:lb/loadBalancer:LoadBalancer").stream().findFirst();
        boolean regionalWaf = stack.ofType("aws:wafv2/webAcl:WebAcl").stream()
                .anyMatch(acl -> "REGIONAL".equals(acl.input("scope").orElse(null)));
        boolean redis = !stack.ofType("aws:elasticache/replicationGroup:ReplicationGroup").isEmpty();
        boolean presidio = containers().contains("presidio-analyzer");
        List<String> regex = guardrailModes("litellm_content_filter");
        Set<String> providers = providers();

        lines.add("sequenceDiagram");
        lines.add("    autonumber");
        lines.add(vpn ? "    actor C as VPN user" : balancer.isEmpty() && !cdn ? "    actor C as Operator" : "    actor C as Client");
        if (cdn) {
            lines.add("    participant F as CloudFront + WAF");
        }
        if (vpn) {
            lines.add("    participant V as Client VPN");
        }
        if (balancer.isPresent()) {
            lines.add("    participant B as Load balancer" + (regionalWaf ? " + WAF" : ""));
        } else if (!cdn) {
            lines.add("    participant S as SSM port forwarding");
        }
        lines.add("    participant L as LiteLLM task");
        if (presidio) {
            lines.add("    participant P as Presidio sidecars");
        }
        if (redis) {
            lines.add("    participant R as Redis");
        }
        lines.add("    participant D as PostgreSQL");
        lines.add("    participant M as " + (providers.isEmpty() ? "Model provider" : String.join(", ", providers)));

        String first = cdn ? "F" : vpn ? "V" : balancer.isPresent() ? "B" : "S";
        lines.add("    C->>" + first + ": POST /v1/chat/completions, Bearer virtual key");
        if (cdn) {
            lines.add("    F->>B: forward with the origin header");
        }
        if (vpn) {
            lines.add("    V->>B: HTTPS inside the VPC");
        }
        String entry = balancer.isPresent() ? "B" : first;
        lines.add("    " + entry + "->>L: " + (balancer.isPresent() ? "forward to a healthy task :4000" : "localhost:4000 in the task"));
        lines.add("    L->>D: key, budget and model access (cached)");
        if (redis) {
            lines.add("    L->>R: rate limits and budget counters");
        }
        if (regex.contains("pre_call")) {
            lines.add("    L->>L: regex PII filter on the request");
        }
        if (presidio) {
            lines.add("    L->>P: analyze and anonymize the request");
            lines.add("    P-->>L: masked text (or refusal)");
        }
        lines.add("    L->>M: completion request (HTTPS)");
        lines.add("    M-->>L: answer");
        if (regex.contains("post_call")) {
            lines.add("    L->>L: regex PII filter on the answer");
        }
        lines.add("    L-->>" + entry + ": 200 with the answer (400 when a guardrail refuses)");
        if (cdn) {
            lines.add("    B-->>F: response");
            lines.add("    F-->>C: response");
        } else {
            lines.add("    " + entry + "-->>C: response");
        }
        lines.add("    L-)D: spend row in the next batch write (every " + batchSeconds() + " s)");
        return String.join("\n", lines) + "\n";
    }

    private Set<String> containers() {
        Set<String> names = new LinkedHashSet<>();
        stack.ofType("aws:ecs/taskDefinition:TaskDefinition").forEach(task -> StackLinks.json(task, "containerDefinitions")
                .filter(json -> json.isJsonArray())
                .ifPresent(json -> json.getAsJsonArray().forEach(c -> names.add(c.getAsJsonObject().get("name").getAsString()))));
        return names;
    }

    /** The modes ({@code pre_call}, {@code post_call}) in which the config runs a guardrail of a kind. */
    @SuppressWarnings("unchecked")
    private List<String> guardrailModes(String kind) {
        List<String> modes = new ArrayList<>();
        ((List<Map<String, Object>>) config.getOrDefault("guardrails", List.of())).forEach(g -> {
            Map<String, Object> params = (Map<String, Object>) g.getOrDefault("litellm_params", Map.of());
            if (kind.equals(params.get("guardrail"))) {
                modes.add(String.valueOf(params.get("mode")));
            }
        });
        return modes;
    }

    /** The providers the catalog calls, by LiteLLM's model prefix, in catalog order. */
    @SuppressWarnings("unchecked")
    private Set<String> providers() {
        Set<String> providers = new LinkedHashSet<>();
        ((List<Map<String, Object>>) config.getOrDefault("model_list", List.of())).forEach(model -> {
            String id = String.valueOf(((Map<String, Object>) model.getOrDefault("litellm_params", Map.of())).get("model"));
            String prefix = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
            providers.add(switch (prefix) {
                case "bedrock" -> "Bedrock";
                case "openai" -> "OpenAI";
                case "anthropic" -> "Anthropic";
                case "azure" -> "Azure OpenAI";
                case "ollama_chat", "ollama" -> "Ollama sidecar";
                default -> prefix;
            });
        });
        return providers;
    }

    @SuppressWarnings("unchecked")
    private String batchSeconds() {
        Object seconds = ((Map<String, Object>) config.getOrDefault("general_settings", Map.of())).get("proxy_batch_write_at");
        return seconds == null ? "60" : String.valueOf(seconds);
    }
}

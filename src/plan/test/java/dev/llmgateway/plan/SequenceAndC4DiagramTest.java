package dev.llmgateway.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request sequence and the C4 views follow each stack's own path, guardrails, providers and containers. */
class SequenceAndC4DiagramTest {

    @Test
    void theSequenceFollowsTheWayInTheGuardrailsAndTheProviders() {
        String local = SequenceDiagram.render(Plans.example("local-model-guardrails"));
        assertTrue(local.contains("participant P as Presidio sidecars") && local.contains("L->>P: analyze and anonymize the request"), local);
        assertTrue(local.contains("L->>L: regex PII filter on the request") && local.contains("L->>L: regex PII filter on the answer"), local);
        assertTrue(local.contains("participant M as Ollama sidecar, OpenAI, Anthropic, Azure OpenAI"), local);
        String edge = SequenceDiagram.render(Plans.example("edge-waf-autoscaled"));
        assertTrue(edge.contains("C->>F: POST /v1/chat/completions") && edge.contains("F->>B: forward with the origin header"), edge);
        String vpn = SequenceDiagram.render(Plans.example("vpn-private-gateway"));
        assertTrue(vpn.contains("actor C as VPN user") && vpn.contains("V->>B: HTTPS inside the VPC"), vpn);
        String dev = SequenceDiagram.render(Plans.stack("dev"));
        assertTrue(dev.contains("actor C as Operator") && dev.contains("participant S as SSM port forwarding"), dev);
        assertFalse(dev.contains("Redis"), "one task needs no Redis: " + dev);
        assertTrue(dev.endsWith("L-)D: spend row in the next batch write (every 60 s)\n"), dev);
    }

    @Test
    void theC4ViewsNameTheProvidersAndTheContainersTheStackHas() {
        String context = C4Diagram.context(Plans.example("vpn-private-gateway"));
        assertTrue(context.startsWith("C4Context\n") && context.contains("System_Ext(openai, \"OpenAI\"")
                && context.contains("System_Ext(bedrock, \"Amazon Bedrock\"") && context.contains("Person(users, \"VPN users\""), context);
        String metrics = C4Diagram.container(Plans.example("bedrock-budgets-metrics"));
        assertTrue(metrics.contains("Container(metrics, \"VictoriaMetrics + Grafana\"") && metrics.contains("Container(cdn, "), metrics);
        String dev = C4Diagram.container(Plans.stack("dev"));
        assertTrue(dev.contains("Rel(users, proxy, \"SSM port forwarding\"") && dev.contains("SSM Parameter Store")
                && dev.contains("RDS db.t4g.micro"), dev);
    }
}

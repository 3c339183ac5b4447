package dev.llmgateway.gateway.litellm;

/** Guardrails LiteLLM applies to every request (pre-call) and response (post-call). */
public enum Guardrail {
    /** Built-in {@code litellm_content_filter}: regex detection of SSNs, e-mails, card and AWS key numbers. */
    REGEX_PII,
    /** Microsoft Presidio analyzer + anonymizer sidecars: ML-based PII detection and masking. */
    PRESIDIO
}

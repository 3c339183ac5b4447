package dev.llmgateway.gateway.litellm;

/** Guardrails LiteLLM applies to every request (see litellm/guardrails.md for which run before and after the call). */
public enum Guardrail {
    /** Built-in {@code litellm_content_filter}: regex detection of SSNs, e-mails, card and AWS key numbers. */
    REGEX_PII,
    /** Microsoft Presidio analyzer + anonymizer sidecars: ML-based PII detection and masking. */
    PRESIDIO
}

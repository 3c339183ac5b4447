package dev.llmgateway.gateway.litellm;

/** Guardrails LiteLLM applies to every request (see litellm/guardrails.md for which run before and after the call). */
public enum Guardrail {
    /** Built-in {@code litellm_content_filter}: SSNs, e-mails, US phone numbers, cards of every brand, AWS key ids; prompts and answers. */
    REGEX_PII,
    /** Microsoft Presidio analyzer + anonymizer sidecars: ML-based PII detection and masking of prompts; fails closed. */
    PRESIDIO
}

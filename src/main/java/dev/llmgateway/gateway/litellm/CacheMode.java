package dev.llmgateway.gateway.litellm;

/**
 * Whether LiteLLM answers repeated calls from its Redis response cache. Redis also carries rate limits,
 * budgets and cooldowns; this only decides about cached responses (LiteLLM docs, proxy/caching and
 * proxy/caching_controls: {@code cache_params.mode}).
 */
public enum CacheMode {
    /** Callers opt in per request ({@code "cache": {"use-cache": true}}); {@code cache_params.mode: default_off}. */
    OPT_IN,
    /** Every call and every key is cached for the TTL ({@code default_on}). */
    ALWAYS,
    /** No response cache at all. */
    OFF
}

package dev.llmgateway.gateway.settings;

/** How LiteLLM is deployed ({@code litellmLayout}; LiteLLM docs, "Production Deployment": monolithic or componentized). */
public enum LiteLlmLayout {
    /** One service of the LiteLLM proxy image: data plane, management API and admin UI in one process. */
    MONOLITHIC,
    /**
     * LiteLLM's split images as three services behind one load balancer: {@code gateway} (the LLM data plane, :4000),
     * {@code backend} (management API, :4001) and {@code ui} (the static admin UI, :3000).
     */
    COMPONENTIZED
}

package dev.llmgateway.gateway;

import java.util.List;

/**
 * How the componentized layout's load balancer splits requests, as LiteLLM's own deployments do: the LLM data plane
 * to the gateway, the admin UI's pages and assets to the UI, everything else (the management API) to the backend.
 * The lists are LiteLLM's (BerriAI/litellm terraform/litellm/aws/locals.tf, "mirrored verbatim from
 * gateway/routes/allowlist.py and the helm ingress"); the gateway app itself drops every other route
 * (gateway/main.py), so a management path that reaches it is a 404.
 */
final class GatewayRoutes {

    /** Data-plane path patterns: the gateway's. */
    static final List<String> DATA_PLANE = List.of(
            "/v1/chat/*", "/chat/*",
            "/v1/completions*", "/completions*",
            "/v1/embeddings*", "/embeddings*",
            "/v1/moderations*", "/moderations*",
            "/v1/audio/*", "/audio/*",
            "/v1/images/*", "/images/*",
            "/v1/files*", "/files*",
            "/v1/batches*", "/batches*",
            "/v1/fine_tuning/*", "/fine_tuning/*",
            "/v1/fine-tuning/*", "/fine-tuning/*",
            "/v1/responses*", "/responses*",
            "/v1/threads*", "/threads*",
            "/v1/assistants*", "/assistants*",
            "/v1/vector_stores*", "/vector_stores*",
            "/v1/indexes*",
            "/v1/models*", "/models*",
            "/openai/*", "/engines/*",
            "/v1/messages*", "/messages*",
            "/v1/skills/*", "/v1/a2a/*",
            "/v1/rerank*", "/v2/rerank*", "/rerank*",
            "/v1/ocr*", "/ocr*",
            "/v1/rag/*", "/rag/*",
            "/v1/video/*", "/v1/videos/*", "/video/*", "/videos/*",
            "/v1/search*", "/search*",
            "/v1/containers/*", "/containers/*",
            "/v1/evals/*",
            "/v1/memory/*",
            "/queue/chat/*",
            "/v1beta/*",
            "/interactions/*",
            "/anthropic/*", "/azure/*", "/azure_ai/*", "/azure_speech/*", "/aws/*", "/bedrock/*", "/comprehendmedical*", "/transcribe*",
            "/cohere/*", "/gemini/*", "/google/*",
            "/vertex_ai/*", "/vertex-ai/*",
            "/assemblyai/*", "/eu.assemblyai/*",
            "/langfuse/*", "/vllm/*",
            "/mistral/*", "/groq/*", "/voyage/*", "/cursor/*", "/milvus/*",
            "/openai_passthrough/*",
            "/toolset/*",
            "/v1/realtime*", "/realtime*",
            "/health*", "/metrics", "/test*");

    /** The admin UI's pages and static assets: the UI's (exact paths first, then prefixes). */
    static final List<String> UI = List.of("/", "/favicon.ico", "/ui", "/litellm-asset-prefix/*", "/_next/*", "/assets/*", "/ui/*");

    /** Everything else: the backend's (the management API). */
    static final List<String> MANAGEMENT = List.of("/*");

    /** The UI image's health path (LiteLLM's AWS module, terraform/litellm/aws/alb.tf, target group "ui"). */
    static final String UI_HEALTH = "/healthz";

    /**
     * First listener-rule priorities: the gateway's rules start at {@code ProxyService.FIRST_FORWARD_PRIORITY} (100,
     * +10 per rule, about 20 rules), then the UI's, then the backend's catch-all, evaluated last.
     */
    static final int UI_PRIORITY = 1000;
    static final int MANAGEMENT_PRIORITY = 2000;

    private GatewayRoutes() {
    }
}

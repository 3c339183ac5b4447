package dev.llmgateway.gateway.litellm;

import java.util.Optional;

/** Upstream model providers, recognized by the prefix of a LiteLLM model name. */
public enum Provider {
    /** Amazon Bedrock, authorized by the task role (no key). */
    BEDROCK("bedrock", null, null),
    /** OpenAI. */
    OPENAI("openai", "openaiApiKey", "OPENAI_API_KEY"),
    /** Anthropic. */
    ANTHROPIC("anthropic", "anthropicApiKey", "ANTHROPIC_API_KEY"),
    /** Azure OpenAI (needs {@code api_base}). */
    AZURE("azure", "azureApiKey", "AZURE_API_KEY"),
    /** A local Ollama sidecar on localhost:11434 (no key). */
    OLLAMA("ollama_chat", null, null);

    private final String prefix;
    private final String configKey;
    private final String environmentName;

    Provider(String prefix, String configKey, String environmentName) {
        this.prefix = prefix;
        this.configKey = configKey;
        this.environmentName = environmentName;
    }

    /** The model-name prefix, e.g. {@code bedrock} in {@code bedrock/anthropic...}. */
    public String prefix() {
        return prefix;
    }

    /** The secret stack setting holding the API key, if the provider needs one. */
    public Optional<String> configKey() {
        return Optional.ofNullable(configKey);
    }

    /** The environment variable LiteLLM reads the key from ({@code os.environ/...} in the config). */
    public Optional<String> environmentName() {
        return Optional.ofNullable(environmentName);
    }

    /** The provider of a LiteLLM model name, if known. */
    public static Optional<Provider> of(String model) {
        for (Provider p : values()) {
            if (model.startsWith(p.prefix + "/")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

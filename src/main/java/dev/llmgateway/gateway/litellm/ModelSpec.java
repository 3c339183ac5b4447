package dev.llmgateway.gateway.litellm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the model catalog, written in stack files as
 * {@code <alias>=<litellm model>[;param=value...]}, e.g.
 * {@code gpt-4o=azure/gpt-4o;api_base=https://example.openai.azure.com;api_version=2024-10-21}.
 *
 * @param alias    the name clients ask for
 * @param model    the LiteLLM model name, provider-prefixed
 * @param provider the provider
 * @param params   extra {@code litellm_params} (api_base, api_version, temperature, ...), typed as LiteLLM reads them
 */
public record ModelSpec(String alias, String model, Provider provider, Map<String, Object> params) {

    /** Parses an entry; empty with a reason when malformed. */
    static ParseResult parse(String entry) {
        String[] parts = entry.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0 || eq == parts[0].length() - 1) {
            return ParseResult.error("entries look like alias=provider/model[;param=value]");
        }
        String alias = parts[0].substring(0, eq).trim();
        String model = parts[0].substring(eq + 1).trim();
        if (!alias.matches("[A-Za-z0-9._:-]+")) {
            return ParseResult.error("the alias may use letters, digits, '.', '_', ':' and '-'");
        }
        Optional<Provider> provider = Provider.of(model);
        if (provider.isEmpty()) {
            return ParseResult.error("the model must start with one of " + java.util.Arrays.stream(Provider.values())
                    .map(p -> p.prefix() + "/").collect(java.util.stream.Collectors.joining(", ")));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int sep = parts[i].indexOf('=');
            if (sep <= 0) {
                return ParseResult.error("parameters look like name=value");
            }
            String name = parts[i].substring(0, sep).trim();
            if (params.put(name, parts[i].substring(sep + 1).trim()) != null) {
                return ParseResult.error("each parameter once; " + name + " is given twice");
            }
        }
        if (provider.get() == Provider.AZURE && !params.containsKey("api_base")) {
            return ParseResult.error("azure models need ;api_base=https://<resource>.openai.azure.com");
        }
        return new ParseResult(Optional.of(new ModelSpec(alias, model, provider.get(), Map.copyOf(params))), null);
    }

    /** The part after the provider prefix, e.g. the Bedrock model or inference-profile id. */
    public String modelId() {
        return model.substring(model.indexOf('/') + 1);
    }

    /**
     * The outcome of parsing one entry.
     *
     * @param spec  the parsed entry
     * @param error why it could not be parsed
     */
    record ParseResult(Optional<ModelSpec> spec, String error) {
        static ParseResult error(String error) {
            return new ParseResult(Optional.empty(), error);
        }
    }
}

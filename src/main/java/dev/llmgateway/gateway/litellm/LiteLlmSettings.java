package dev.llmgateway.gateway.litellm;

import com.pulumi.core.Output;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What LiteLLM serves and how: the model catalog, budgets, guardrails, database pool and the
 * optional local model and metrics.
 *
 * @param models                     {@code models}
 * @param maxBudgetUsd               {@code maxBudgetUsd}: proxy-wide budget
 * @param budgetDuration             {@code budgetDuration}: reset period of the proxy-wide budget
 * @param internalUserBudgetUsd      {@code internalUserBudgetUsd}: default budget per internal user
 * @param internalUserBudgetDuration {@code internalUserBudgetDuration}
 * @param internalUserModels         {@code internalUserModels}: catalog aliases a new internal user may call (empty = all)
 * @param requestTimeoutSeconds      {@code requestTimeoutSeconds}
 * @param databasePoolLimit          {@code databasePoolLimit}: connections per worker
 * @param batchWriteSeconds          {@code spendBatchWriteSeconds}: how often spend is written
 * @param spendLogRetention          {@code spendLogRetention}: how long request logs are kept
 * @param storeModelInDb             {@code storeModelInDb}: allow adding models through the admin UI
 * @param uiAdminOnly                {@code uiAdminOnly}: only proxy admins (and view-only admins) may sign in to the UI
 * @param guardrails                 {@code guardrails}
 * @param guardrailAction            {@code guardrailAction}: MASK or BLOCK for regex matches
 * @param ollamaModel                {@code ollamaModel}: a model pulled into an Ollama sidecar
 * @param metrics                    {@code metrics}
 * @param cacheMode                  {@code cacheMode}: response cache when Redis is on (opt-in by default)
 * @param cacheTtlSeconds            {@code cacheTtlSeconds}: how long cached responses live
 * @param providerKeys               API keys of the providers the catalog uses ({@code openaiApiKey}, ...), as secrets
 * @param storePrompts               {@code storePromptsInSpendLogs}: keep each request's messages and response with its spend row
 */
public record LiteLlmSettings(List<ModelSpec> models, Optional<Double> maxBudgetUsd, String budgetDuration,
                              Optional<Double> internalUserBudgetUsd, String internalUserBudgetDuration,
                              List<String> internalUserModels, int requestTimeoutSeconds, int databasePoolLimit, int batchWriteSeconds,
                              String spendLogRetention, boolean storeModelInDb, Set<Guardrail> guardrails,
                              String guardrailAction, Optional<String> ollamaModel, MetricsMode metrics,
                              CacheMode cacheMode, int cacheTtlSeconds, Map<Provider, Output<String>> providerKeys,
                              boolean uiAdminOnly, boolean storePrompts) {

    private static final Pattern DURATION = Pattern.compile("\\d+[smhd]");
    /**
     * Geography prefixes of Bedrock's system-defined (cross-Region) inference profiles: the one list,
     * as of 2026-11 (aws-cdk bedrock-alpha {@code CrossRegionInferenceProfileRegion}: GLOBAL, US, US_GOV,
     * EU, APAC, JP, AU; Bedrock user guide, "Supported Regions and models for inference profiles").
     */
    public static final List<String> INFERENCE_PROFILE_GEOGRAPHIES = List.of("us", "us-gov", "eu", "apac", "jp", "au", "global");
    private static final Pattern CROSS_REGION_PROFILE = Pattern.compile(
            "(" + String.join("|", INFERENCE_PROFILE_GEOGRAPHIES) + ")\\.(.+)");

    /** LiteLLM's request timeout when neither the stack nor the access mode sets one. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 600;

    /** Reads and validates the LiteLLM settings. */
    public static LiteLlmSettings read(SettingsReader r) {
        return read(r, DEFAULT_REQUEST_TIMEOUT_SECONDS);
    }

    /** Reads and validates the LiteLLM settings; {@code requestTimeoutFallback} applies when the stack sets none. */
    public static LiteLlmSettings read(SettingsReader r, int requestTimeoutFallback) {
        List<ModelSpec> models = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        for (String entry : r.list("models", List.of())) {
            ModelSpec.ParseResult parsed = ModelSpec.parse(entry);
            ModelSpec spec = parsed.spec().orElseThrow(() -> r.invalid("models", entry, parsed.error()));
            if (!aliases.add(spec.alias())) {
                throw r.invalid("models", entry, "unique aliases; " + spec.alias() + " appears twice");
            }
            models.add(spec);
        }
        if (models.isEmpty() && !r.bool("storeModelInDb", false)) {
            throw r.invalid("models", "[]", "at least one model, or storeModelInDb = true to add models in the admin UI");
        }
        Optional<String> ollama = r.optional("ollamaModel");
        if (models.stream().anyMatch(m -> m.provider() == Provider.OLLAMA) && ollama.isEmpty()) {
            throw r.invalid("ollamaModel", "", "the Ollama model to pull, because models lists an ollama_chat/ model");
        }
        Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        for (String raw : r.list("guardrails", List.of())) {
            switch (raw) {
                case "regex-pii" -> guardrails.add(Guardrail.REGEX_PII);
                case "presidio" -> guardrails.add(Guardrail.PRESIDIO);
                default -> throw r.invalid("guardrails", raw, "regex-pii and/or presidio");
            }
        }
        List<String> userModels = r.list("internalUserModels", List.of());
        userModels.stream().filter(m -> !aliases.contains(m)).findFirst().ifPresent(unknown -> {
            throw r.invalid("internalUserModels", unknown, "aliases of the models catalog " + aliases.stream().sorted().toList());
        });
        if (userModels.stream().distinct().count() < userModels.size()) {
            throw r.invalid("internalUserModels", userModels, "each alias once");
        }
        String action = r.string("guardrailAction", "MASK").toUpperCase(java.util.Locale.ROOT);
        if (!action.equals("MASK") && !action.equals("BLOCK")) {
            throw r.invalid("guardrailAction", action, "MASK or BLOCK");
        }
        return new LiteLlmSettings(List.copyOf(models),
                budget(r, "maxBudgetUsd"), duration(r, "budgetDuration", "30d"),
                budget(r, "internalUserBudgetUsd"), duration(r, "internalUserBudgetDuration", "30d"), List.copyOf(userModels),
                r.integer("requestTimeoutSeconds", requestTimeoutFallback, 10, 3600),
                r.integer("databasePoolLimit", 10, 1, 100),
                r.integer("spendBatchWriteSeconds", 60, 1, 3600),
                duration(r, "spendLogRetention", "90d"),
                r.bool("storeModelInDb", false), Set.copyOf(guardrails), action, ollama,
                r.choice("metrics", MetricsMode.class, MetricsMode.CLOUDWATCH),
                r.choice("cacheMode", CacheMode.class, CacheMode.OPT_IN), r.integer("cacheTtlSeconds", 600, 1, 604_800),
                readProviderKeys(r, models),
                r.bool("uiAdminOnly", true),
                r.bool("storePromptsInSpendLogs", false));
    }

    /** The secret API key of every provider the catalog uses that needs one, in catalog order. */
    private static Map<Provider, Output<String>> readProviderKeys(SettingsReader r, List<ModelSpec> models) {
        Map<Provider, Output<String>> keys = new LinkedHashMap<>();
        models.stream().map(ModelSpec::provider).distinct().forEach(provider -> provider.configKey().ifPresent(key ->
                keys.put(provider, r.requiredSecret(key, "models lists a " + provider.prefix() + "/ model"))));
        return keys;
    }

    /**
     * The Bedrock resources the task role may invoke: each foundation model in the stack's region,
     * and for cross-region inference profiles ({@link #INFERENCE_PROFILE_GEOGRAPHIES}) the profile plus its
     * foundation model in every region the profile may route to.
     */
    public List<String> bedrockResourceArns(String partition, String region, String account) {
        List<String> arns = new ArrayList<>();
        for (ModelSpec model : models) {
            if (model.provider() != Provider.BEDROCK) {
                continue;
            }
            var profile = CROSS_REGION_PROFILE.matcher(model.modelId());
            if (profile.matches()) {
                arns.add("arn:" + partition + ":bedrock:" + region + ":" + account + ":inference-profile/" + model.modelId());
                arns.add("arn:" + partition + ":bedrock:*::foundation-model/" + profile.group(2));
            } else {
                arns.add("arn:" + partition + ":bedrock:" + region + "::foundation-model/" + model.modelId());
            }
        }
        return arns.stream().distinct().toList();
    }

    private static Optional<Double> budget(SettingsReader r, String key) {
        return r.optional(key).map(raw -> r.decimal(key, 0, 0.01, 1_000_000_000));
    }

    private static String duration(SettingsReader r, String key, String fallback) {
        String value = r.string(key, fallback);
        if (!DURATION.matcher(value).matches()) {
            throw r.invalid(key, value, "a LiteLLM duration such as 30s, 12h or 30d");
        }
        return value;
    }
}

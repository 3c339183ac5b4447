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
import java.util.OptionalInt;
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

    /** Reads and validates the LiteLLM settings. */
    public static LiteLlmSettings read(SettingsReader r) {
        return read(r, OptionalInt.empty());
    }

    /**
     * Reads and validates the LiteLLM settings; {@code requestTimeoutCeiling} is what the path in front of LiteLLM waits
     * at most (CloudFront's origin read timeout), which the default request timeout is lowered to.
     */
    public static LiteLlmSettings read(SettingsReader r, OptionalInt requestTimeoutCeiling) {
        List<ModelSpec> models = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        for (String entry : r.list("models")) {
            ModelSpec.ParseResult parsed = ModelSpec.parse(entry);
            ModelSpec spec = typed(r, entry, parsed.spec().orElseThrow(() -> r.invalid("models", entry, parsed.error())));
            if (!aliases.add(spec.alias())) {
                throw r.invalid("models", entry, "unique aliases; " + spec.alias() + " appears twice");
            }
            models.add(spec);
        }
        if (models.isEmpty() && !r.bool("storeModelInDb")) {
            throw r.invalid("models", "[]", "at least one model, or storeModelInDb = true to add models in the admin UI");
        }
        Optional<String> ollama = r.optional("ollamaModel");
        if (models.stream().anyMatch(m -> m.provider() == Provider.OLLAMA) && ollama.isEmpty()) {
            throw r.invalid("ollamaModel", "", "the Ollama model to pull, because models lists an ollama_chat/ model");
        }
        Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        for (String raw : r.list("guardrails")) {
            switch (raw) {
                case "regex-pii" -> guardrails.add(Guardrail.REGEX_PII);
                case "presidio" -> guardrails.add(Guardrail.PRESIDIO);
                default -> throw r.invalid("guardrails", raw, "regex-pii and/or presidio");
            }
        }
        List<String> userModels = r.list("internalUserModels");
        userModels.stream().filter(m -> !aliases.contains(m)).findFirst().ifPresent(unknown -> {
            throw r.invalid("internalUserModels", unknown, "aliases of the models catalog " + aliases.stream().sorted().toList());
        });
        if (userModels.stream().distinct().count() < userModels.size()) {
            throw r.invalid("internalUserModels", userModels, "each alias once");
        }
        String action = r.string("guardrailAction").toUpperCase(java.util.Locale.ROOT);
        if (!action.equals("MASK") && !action.equals("BLOCK")) {
            throw r.invalid("guardrailAction", action, "MASK or BLOCK");
        }
        return new LiteLlmSettings(List.copyOf(models),
                budget(r, "maxBudgetUsd"), duration(r, "budgetDuration"),
                budget(r, "internalUserBudgetUsd"), duration(r, "internalUserBudgetDuration"), List.copyOf(userModels),
                requestTimeout(r, requestTimeoutCeiling),
                r.integer("databasePoolLimit", 1, 100),
                r.integer("spendBatchWriteSeconds", 1, 3600),
                duration(r, "spendLogRetention"),
                r.bool("storeModelInDb"), Set.copyOf(guardrails), action, ollama,
                r.choice("metrics", MetricsMode.class),
                r.choice("cacheMode", CacheMode.class), r.integer("cacheTtlSeconds", 1, 604_800),
                readProviderKeys(r, models),
                r.bool("uiAdminOnly"),
                r.bool("storePromptsInSpendLogs"));
    }

    /** {@code spec} with each parameter typed as LiteLLM reads it ({@link LiteLlmParams}); unknown names are warned about. */
    private static ModelSpec typed(SettingsReader r, String entry, ModelSpec spec) {
        Map<String, Object> typed = new LinkedHashMap<>();
        spec.params().forEach((name, value) -> {
            LiteLlmParams.Checked checked = LiteLlmParams.check(name, String.valueOf(value));
            checked.problem().ifPresent(problem -> {
                throw r.invalid("models", entry, "LiteLLM parameters it knows, with their types: " + problem
                        + " (table as of " + LiteLlmParams.AS_OF + ")");
            });
            if (checked.unknown()) {
                r.warnUnknown("models", entry, "the LiteLLM parameters known for model entries (" + name + ")", LiteLlmParams.AS_OF);
            }
            typed.put(name, checked.value().orElseThrow());
        });
        return new ModelSpec(spec.alias(), spec.model(), spec.provider(), Map.copyOf(typed));
    }

    /**
     * The secret API key of every provider the catalog uses that needs one, in catalog order. The keys of providers
     * no model uses are read too (every declared key is honoured) but not kept: no task receives them.
     */
    private static Map<Provider, Output<String>> readProviderKeys(SettingsReader r, List<ModelSpec> models) {
        Map<Provider, Output<String>> keys = new LinkedHashMap<>();
        models.stream().map(ModelSpec::provider).distinct().forEach(provider -> provider.configKey().ifPresent(key ->
                keys.put(provider, r.requiredSecret(key, "models lists a " + provider.prefix() + "/ model"))));
        for (Provider unused : Provider.values()) {
            if (!keys.containsKey(unused)) {
                unused.configKey().ifPresent(r::secret);
            }
        }
        return keys;
    }

    /**
     * The Bedrock resources the task role may invoke: each foundation model in the stack's region,
     * and for cross-region inference profiles ({@link BedrockModels#PROFILE_GEOGRAPHIES}) the profile plus its
     * foundation model in every region the profile may route to.
     */
    public List<String> bedrockResourceArns(String partition, String region, String account) {
        List<String> arns = new ArrayList<>();
        for (ModelSpec model : models) {
            if (model.provider() != Provider.BEDROCK) {
                continue;
            }
            if (BedrockModels.isProfile(model.modelId())) {
                arns.add("arn:" + partition + ":bedrock:" + region + ":" + account + ":inference-profile/" + model.modelId());
                arns.add("arn:" + partition + ":bedrock:*::foundation-model/" + BedrockModels.foundationModel(model.modelId()));
            } else {
                arns.add("arn:" + partition + ":bedrock:" + region + "::foundation-model/" + model.modelId());
            }
        }
        return arns.stream().distinct().toList();
    }

    /** {@code requestTimeoutSeconds}; its default (not a value set by hand) is lowered to what the path in front waits. */
    private static int requestTimeout(SettingsReader r, OptionalInt ceiling) {
        int seconds = r.integer("requestTimeoutSeconds", 10, 3600);
        return r.isDefault("requestTimeoutSeconds") ? Math.min(seconds, ceiling.orElse(seconds)) : seconds;
    }

    private static Optional<Double> budget(SettingsReader r, String key) {
        return r.optional(key).map(raw -> r.decimal(key, 0.01, 1_000_000_000));
    }

    private static String duration(SettingsReader r, String key) {
        String value = r.string(key);
        if (!DURATION.matcher(value).matches()) {
            throw r.invalid(key, value, "a LiteLLM duration such as 30s, 12h or 30d");
        }
        return value;
    }
}

package dev.llmgateway.gateway.litellm;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders LiteLLM's {@code config.yaml}: {@code litellm/config.base.yaml} plus the stack's model
 * catalog, budgets, guardrails, cache and database settings. Provider keys and passwords appear
 * only as {@code os.environ/NAME} references; their values reach the process as ECS secrets.
 * Mapping keys are written in sorted order at every level, so the same settings give the same bytes
 * (and the same object key) in every run, whatever map types built them.
 */
public final class LiteLlmConfig {

    /** Classpath location of the base config (copied from {@code litellm/}). */
    static final String BASE = "/litellm/config.base.yaml";
    /**
     * Prebuilt patterns of {@code litellm_content_filter} the regex guardrail applies (LiteLLM
     * {@code litellm_content_filter/patterns.json}): US social security numbers, e-mail addresses, US phone numbers,
     * cards of every brand LiteLLM ships a pattern for ({@code credit_card} is its Visa, Mastercard, American Express
     * and Discover patterns in one) and AWS access key ids. Left out, because they match ordinary technical text: {@code
     * aws_secret_key} (any 40 characters of {@code [A-Za-z0-9/+=]}: every git commit id, SHA-1 digest, much base64) and
     * {@code us_ssn_no_dash} (most 9-digit numbers). {@code GuardrailStreamingTest} runs these patterns, copied from
     * LiteLLM, over chunked answers.
     */
    public static final List<String> REGEX_PATTERNS = List.of("us_ssn", "email", "us_phone", "credit_card", "aws_access_key");

    /** Lowest US_SSN score the {@code presidio} guardrail acts on (see {@link #guardrails}). */
    static final double PRESIDIO_US_SSN_MIN_SCORE = 0.4;
    /** Presidio entities the {@code presidio} guardrail acts on (Presidio's entity names). */
    static final List<String> PRESIDIO_ENTITIES = List.of("CREDIT_CARD", "EMAIL_ADDRESS", "IBAN_CODE", "PHONE_NUMBER", "US_SSN");

    /**
     * What the rendering needs besides the settings.
     *
     * @param region            region of Bedrock models
     * @param redis             whether Redis is available (router state, cache)
     * @param requestLogArchive whether LiteLLM's bucket exists to archive request and response logs in
     */
    public record RenderContext(String region, boolean redis, boolean requestLogArchive) {
    }

    /** Key prefix of archived request logs in LiteLLM's bucket. */
    public static final String REQUEST_LOG_PREFIX = "request-logs";

    private LiteLlmConfig() {
    }

    /**
     * What every new internal user gets unless the request says otherwise: the models they may call
     * and their budget. LiteLLM applies {@code default_internal_user_params} to {@code /user/new} for
     * every non-admin user (keys the request leaves out: {@code internal_user_endpoints.py},
     * {@code _update_internal_new_user_params}) and to users created at SSO sign-in
     * ({@code get_new_internal_user_defaults}: {@code models}, {@code max_budget} falling back to
     * {@code max_internal_user_budget}, {@code budget_duration} to {@code internal_user_budget_duration}).
     */
    static Map<String, Object> internalUserDefaults(LiteLlmSettings s) {
        Map<String, Object> defaults = new java.util.TreeMap<>();
        if (!s.internalUserModels().isEmpty()) {
            defaults.put("models", s.internalUserModels());
        }
        s.internalUserBudgetUsd().ifPresent(budget -> {
            defaults.put("max_budget", budget);
            defaults.put("budget_duration", s.internalUserBudgetDuration());
        });
        return defaults;
    }

    /** The config as YAML text. */
    public static String render(LiteLlmSettings s, RenderContext context) {
        Map<String, Object> config = base();
        config.put("model_list", s.models().stream().map(m -> model(m, context)).toList());

        Map<String, Object> litellm = section(config, "litellm_settings");
        litellm.put("request_timeout", s.requestTimeoutSeconds());
        s.maxBudgetUsd().ifPresent(budget -> {
            litellm.put("max_budget", budget);
            litellm.put("budget_duration", s.budgetDuration());
        });
        s.internalUserBudgetUsd().ifPresent(budget -> {
            litellm.put("max_internal_user_budget", budget);
            litellm.put("internal_user_budget_duration", s.internalUserBudgetDuration());
        });
        Map<String, Object> userDefaults = internalUserDefaults(s);
        if (!userDefaults.isEmpty()) {
            litellm.put("default_internal_user_params", userDefaults);
        }
        if (s.metrics() == MetricsMode.PROMETHEUS) {
            litellm.put("callbacks", List.of("prometheus"));
        }
        if (context.requestLogArchive()) {
            // Every request and response, as LiteLLM's S3 logger writes them (docs proxy/logging, "s3 Buckets":
            // success_callback s3_v2 with s3_callback_params), with the task role's credentials (no keys).
            litellm.put("success_callback", List.of("s3_v2"));
            litellm.put("s3_callback_params", Map.of("s3_bucket_name", "os.environ/S3_BUCKET_NAME",
                    "s3_region_name", context.region(), "s3_path", REQUEST_LOG_PREFIX));
        }
        if (context.redis() && s.cacheMode() != CacheMode.OFF) {
            // Without mode and ttl LiteLLM caches every call of every key with no expiry (docs proxy/caching,
            // proxy/caching_controls). The Redis connection itself comes from REDIS_HOST/PORT/PASSWORD/SSL.
            litellm.put("cache", true);
            litellm.put("cache_params", Map.of("type", "redis",
                    "mode", s.cacheMode() == CacheMode.ALWAYS ? "default_on" : "default_off",
                    "ttl", s.cacheTtlSeconds()));
        }

        Map<String, Object> general = section(config, "general_settings");
        general.put("proxy_batch_write_at", s.batchWriteSeconds());
        // Applied only because the server reads this file with --config (litellm/proxy/proxy_cli.py reads
        // general_settings.database_connection_pool_limit inside `if config is not None`).
        general.put("database_connection_pool_limit", s.databasePoolLimit());
        // TLS to PostgreSQL: appended to DATABASE_URL by the same code (database_extra_connection_params).
        general.put("database_extra_connection_params", Map.of("sslmode", "require"));
        general.put("maximum_spend_logs_retention_period", s.spendLogRetention());
        general.put("store_model_in_db", s.storeModelInDb());
        // Off unless the stack asks: with it, the spend row of every request keeps its messages and response
        // (litellm/proxy/spend_tracking/spend_tracking_utils.py, _should_store_prompts_and_responses_in_spend_logs).
        general.put("store_prompts_in_spend_logs", s.storePrompts());
        if (s.uiAdminOnly()) {
            // Only proxy_admin and proxy_admin_view_only users may use the UI (litellm/proxy/management_endpoints/
            // sso_helper_utils.py: check_is_admin_only_access, has_admin_ui_access; docs proxy/configs general_settings).
            general.put("ui_access_mode", "admin_only");
        }
        // No use_x_forwarded_for: LiteLLM would take the whole header as sent, spoofable and with every hop in
        // it (litellm/proxy/auth/auth_utils.py, _get_request_ip_address). uvicorn resolves the client instead,
        // trusting only the VPC (FORWARDED_ALLOW_IPS on the server). There is no `trusted_proxy_ranges`
        // setting in LiteLLM (only MCP has mcp_trusted_proxy_ranges).
        if (s.metrics() == MetricsMode.PROMETHEUS) {
            // /metrics on the API port asks for a LiteLLM key: the proxy's auth middleware checks every path that
            // contains "/metrics" once decoded (litellm/proxy/middleware/unified_auth_middleware.py,
            // UnifiedAuthMiddleware._requires_special_auth: `"/metrics" in path` on the ASGI scope's path, and
            // `litellm.require_auth_for_metrics_endpoint is not False`; docs proxy/prometheus).
            // The scraper uses the dedicated metrics port instead (ProxyContainers.METRICS_PORT), which no key opens and
            // only the metrics task reaches. A litellm_settings key: under general_settings it is ignored.
            litellm.put("require_auth_for_metrics_endpoint", true);
        }

        if (context.redis()) {
            Map<String, Object> router = section(config, "router_settings");
            router.put("redis_host", "os.environ/REDIS_HOST");
            router.put("redis_port", "os.environ/REDIS_PORT");
            router.put("redis_password", "os.environ/REDIS_PASSWORD");
        }
        List<Map<String, Object>> guardrails = guardrails(s);
        if (!guardrails.isEmpty()) {
            config.put("guardrails", guardrails);
        }
        return yaml().dump(sorted(config));
    }

    /** The same structure with every mapping's keys in sorted order (lists keep their order). */
    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(LiteLlmConfig::sorted).toList();
        }
        return node;
    }

    /** A short SHA-256 of the text, for object keys that change when the config does. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Map<String, Object> model(ModelSpec m, RenderContext context) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model", m.model());
        m.provider().environmentName().ifPresent(env -> params.put("api_key", "os.environ/" + env));
        if (m.provider() == Provider.BEDROCK) {
            params.put("aws_region_name", context.region());
        }
        if (m.provider() == Provider.OLLAMA) {
            params.put("api_base", "http://localhost:" + Sidecars.OLLAMA_PORT);
        }
        params.putAll(m.params());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model_name", m.alias());
        entry.put("litellm_params", params);
        return entry;
    }

    /**
     * The guardrails (litellm/guardrails.md says exactly what each checks). The regex filter checks prompts and
     * answers, streamed ones across chunk boundaries. Presidio runs once, pre-call, on prompts only: in MASK mode it
     * replaces PII before the model sees it and, with {@code output_parse_pii}, puts the caller's values back into
     * the answer (the token map lives on that pre-call instance, LiteLLM docs proxy/guardrails/pii_masking_v2); it
     * refuses the call when it cannot check it. BLOCK refuses a call that contains PII with HTTP 400, per entity
     * ({@code pii_entities_config}) for Presidio and per pattern for the regex filter.
     */
    private static List<Map<String, Object>> guardrails(LiteLlmSettings s) {
        List<Map<String, Object>> guardrails = new ArrayList<>();
        if (s.guardrails().contains(Guardrail.REGEX_PII)) {
            for (String mode : List.of("pre_call", "post_call")) {
                guardrails.add(guardrail("pii-regex-" + mode.replace("_call", ""), "litellm_content_filter", mode,
                        Map.of("patterns", REGEX_PATTERNS.stream().map(name -> Map.of(
                                "pattern_type", "prebuilt", "pattern_name", name, "action", s.guardrailAction())).toList())));
            }
        }
        if (s.guardrails().contains(Guardrail.PRESIDIO)) {
            // The analyzer and anonymizer addresses come from PRESIDIO_*_API_BASE in the environment.
            Map<String, Object> presidio = new LinkedHashMap<>();
            Map<String, Object> entities = new LinkedHashMap<>();
            PRESIDIO_ENTITIES.forEach(entity -> entities.put(entity, s.guardrailAction()));
            presidio.put("pii_entities_config", entities);
            // Presidio's analyzer keeps every score above 0 and LiteLLM filters only by these thresholds: US_SSN's
            // "very weak" patterns (any 9 digits, a ZIP+4) score 0.05 (presidio-analyzer us_ssn_recognizer.py), so
            // without one every order number would be blocked. 0.4 keeps the medium pattern (0.5) and weak ones that
            // the words around them support ("ssn", "social security": the context enhancer lifts them to 0.4).
            presidio.put("presidio_score_thresholds", Map.of("US_SSN", PRESIDIO_US_SSN_MIN_SCORE));
            presidio.put("output_parse_pii", s.guardrailAction().equals("MASK"));
            // Prompts only. Presidio's default scope is "both": with output_parse_pii the entry also runs after the
            // call, and would scan (and in BLOCK mode refuse, after the model was paid) the answer. Answers are the
            // regex filter's (presidio.py: presidio_filter_scope "input" | "output" | "both", default "both").
            presidio.put("presidio_filter_scope", "input");
            // An analyzer or anonymizer that fails or times out refuses the call instead of passing the text on
            // unchecked (presidio.py: unreachable_fallback; its default has been fail_open in some releases).
            presidio.put("unreachable_fallback", "fail_closed");
            guardrails.add(guardrail("pii-presidio", "presidio", "pre_call", presidio));
        }
        return guardrails;
    }

    private static Map<String, Object> guardrail(String name, String type, String mode, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("guardrail", type);
        params.put("mode", mode);
        params.put("default_on", true);
        params.putAll(extra);
        Map<String, Object> guardrail = new LinkedHashMap<>();
        guardrail.put("guardrail_name", name);
        guardrail.put("litellm_params", params);
        return guardrail;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> config, String name) {
        return (Map<String, Object>) config.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    private static Map<String, Object> base() {
        try (InputStream in = LiteLlmConfig.class.getResourceAsStream(BASE)) {
            if (in == null) {
                throw new IllegalStateException(BASE + " is missing from the classpath (built from litellm/config.base.yaml)");
            }
            Map<String, Object> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new LinkedHashMap<>(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options);
    }
}

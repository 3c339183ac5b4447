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
 */
public final class LiteLlmConfig {

    /** Classpath location of the base config (copied from {@code litellm/}). */
    static final String BASE = "/litellm/config.base.yaml";
    /** Prebuilt patterns of {@code litellm_content_filter} the regex guardrail applies. */
    static final List<String> REGEX_PATTERNS = List.of("us_ssn", "email", "visa", "aws_access_key", "aws_secret_key");

    /**
     * What the rendering needs besides the settings.
     *
     * @param region            region of Bedrock models
     * @param trustedProxyCidrs addresses of the load balancer, whose X-Forwarded-For LiteLLM may trust
     * @param redis             whether Redis is available (router state, cache)
     */
    public record RenderContext(String region, List<String> trustedProxyCidrs, boolean redis) {
    }

    private LiteLlmConfig() {
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
        if (s.metrics() == MetricsMode.PROMETHEUS) {
            litellm.put("callbacks", List.of("prometheus"));
        }
        if (context.redis()) {
            litellm.put("cache", true);
            litellm.put("cache_params", new LinkedHashMap<>(Map.of("type", "redis")));
        }

        Map<String, Object> general = section(config, "general_settings");
        general.put("proxy_batch_write_at", s.batchWriteSeconds());
        general.put("database_connection_pool_limit", s.databasePoolLimit());
        general.put("maximum_spend_logs_retention_period", s.spendLogRetention());
        general.put("store_model_in_db", s.storeModelInDb());
        general.put("use_x_forwarded_for", true);
        if (s.metrics() == MetricsMode.PROMETHEUS) {
            // The scraper reaches tasks directly inside the VPC without a key; the load balancer refuses
            // /metrics from outside, and only the metrics task's security group reaches the tasks directly.
            general.put("require_auth_for_metrics_endpoint", false);
        }
        general.put("trusted_proxy_ranges", context.trustedProxyCidrs());

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
        return yaml().dump(config);
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

    private static List<Map<String, Object>> guardrails(LiteLlmSettings s) {
        List<Map<String, Object>> guardrails = new ArrayList<>();
        for (String mode : List.of("pre_call", "post_call")) {
            if (s.guardrails().contains(Guardrail.REGEX_PII)) {
                guardrails.add(guardrail("pii-regex-" + mode.replace("_call", ""), "litellm_content_filter", mode,
                        Map.of("patterns", REGEX_PATTERNS.stream().map(name -> Map.of(
                                "pattern_type", "prebuilt", "pattern_name", name, "action", s.guardrailAction())).toList())));
            }
            if (s.guardrails().contains(Guardrail.PRESIDIO)) {
                // The analyzer and anonymizer addresses come from PRESIDIO_*_API_BASE in the environment.
                guardrails.add(guardrail("pii-presidio-" + mode.replace("_call", ""), "presidio", mode,
                        mode.equals("post_call") ? Map.of("output_parse_pii", true) : Map.of()));
            }
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

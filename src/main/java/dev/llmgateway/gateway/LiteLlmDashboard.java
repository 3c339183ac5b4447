package dev.llmgateway.gateway;

import dev.llmgateway.components.support.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Grafana dashboard this project provisions for LiteLLM's Prometheus metrics: requests,
 * failures, latency, spend, tokens and remaining budgets, per model and per key and team.
 *
 * <p>Metric and label names are LiteLLM's, read in its source (BerriAI/litellm
 * {@code litellm/integrations/prometheus.py}, {@code PrometheusLogger.__init__}, and
 * {@code litellm/types/integrations/prometheus.py}, {@code PrometheusMetricLabels}). The Python
 * client exposes a counter with {@code _total} appended and a histogram as {@code _bucket},
 * {@code _sum} and {@code _count} series (LiteLLM's own tests scrape
 * {@code litellm_spend_metric_total}, {@code litellm_proxy_total_requests_metric_total}).
 */
final class LiteLlmDashboard {

    /** File name Grafana's provider reads the dashboard from. */
    static final String NAME = "litellm";

    /** Every series the dashboard queries, with the labels LiteLLM gives it. */
    static final Map<String, Set<String>> METRICS = Map.of(
            "litellm_proxy_total_requests_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "requested_model", "team", "team_alias", "user", "status_code"),
            "litellm_proxy_failed_requests_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "requested_model", "team", "team_alias", "user",
                    "exception_status", "exception_class"),
            "litellm_request_total_latency_metric_bucket",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "requested_model", "team", "team_alias", "user", "model", "le"),
            "litellm_llm_api_latency_metric_bucket",
            Set.of("model", "hashed_api_key", "api_key_alias", "team", "team_alias", "requested_model", "end_user", "user", "le"),
            "litellm_spend_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "model", "team", "team_alias", "user"),
            "litellm_input_tokens_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "model", "team", "team_alias", "user", "requested_model"),
            "litellm_output_tokens_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "model", "team", "team_alias", "user", "requested_model"),
            "litellm_total_tokens_metric_total",
            Set.of("end_user", "hashed_api_key", "api_key_alias", "model", "team", "team_alias", "user"),
            "litellm_remaining_team_budget_metric", Set.of("team", "team_alias"),
            "litellm_remaining_api_key_budget_metric", Set.of("hashed_api_key", "api_key_alias"));

    private static final int WIDTH = 12;
    private static final int HEIGHT = 8;

    private LiteLlmDashboard() {
    }

    /** One panel: title, unit, and its queries as legend to PromQL. */
    private record Panel(String title, String unit, Map<String, String> queries) {
    }

    private static Panel panel(String title, String unit, String... legendsAndQueries) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (int i = 0; i < legendsAndQueries.length; i += 2) {
            queries.put(legendsAndQueries[i], legendsAndQueries[i + 1]);
        }
        return new Panel(title, unit, queries);
    }

    private static String p95(String bucket, String by) {
        return "histogram_quantile(0.95, sum by (le, " + by + ") (rate(" + bucket + "[5m])))";
    }

    private static final List<Panel> PANELS = List.of(
            panel("Requests per second by model", "reqps",
                    "{{requested_model}}", "sum by (requested_model) (rate(litellm_proxy_total_requests_metric_total[5m]))"),
            panel("Failed requests per second by model and status", "reqps",
                    "{{requested_model}} {{exception_status}}",
                    "sum by (requested_model, exception_status) (rate(litellm_proxy_failed_requests_metric_total[5m]))"),
            panel("p95 latency by model (whole request)", "s",
                    "{{requested_model}}", p95("litellm_request_total_latency_metric_bucket", "requested_model")),
            panel("p95 latency by model (provider call)", "s",
                    "{{model}}", p95("litellm_llm_api_latency_metric_bucket", "model")),
            panel("Spend per hour by model (USD)", "currencyUSD",
                    "{{model}}", "sum by (model) (increase(litellm_spend_metric_total[1h]))"),
            panel("Spend per hour by team (USD)", "currencyUSD",
                    "{{team_alias}}", "sum by (team_alias) (increase(litellm_spend_metric_total[1h]))"),
            panel("Spend per hour, top 10 keys (USD)", "currencyUSD",
                    "{{api_key_alias}}", "topk(10, sum by (api_key_alias) (increase(litellm_spend_metric_total[1h])))"),
            panel("Requests per second, top 10 keys", "reqps",
                    "{{api_key_alias}}", "topk(10, sum by (api_key_alias) (rate(litellm_proxy_total_requests_metric_total[5m])))"),
            panel("Tokens per second by model", "short",
                    "input {{model}}", "sum by (model) (rate(litellm_input_tokens_metric_total[5m]))",
                    "output {{model}}", "sum by (model) (rate(litellm_output_tokens_metric_total[5m]))"),
            panel("Tokens per second by team", "short",
                    "{{team_alias}}", "sum by (team_alias) (rate(litellm_total_tokens_metric_total[5m]))"),
            panel("Remaining budget by team (USD)", "currencyUSD",
                    "{{team_alias}}", "max by (team_alias) (litellm_remaining_team_budget_metric)"),
            panel("Remaining budget by key (USD)", "currencyUSD",
                    "{{api_key_alias}}", "max by (api_key_alias) (litellm_remaining_api_key_budget_metric)"));

    /** The dashboard JSON (Grafana dashboard model, time series panels on the default data source). */
    static String json() {
        List<Map<String, Object>> panels = new ArrayList<>();
        for (int i = 0; i < PANELS.size(); i++) {
            Panel p = PANELS.get(i);
            List<Map<String, Object>> targets = new ArrayList<>();
            p.queries().forEach((legend, expr) -> targets.add(Map.of(
                    "refId", String.valueOf((char) ('A' + targets.size())), "expr", expr, "legendFormat", legend)));
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("id", i + 1);
            panel.put("type", "timeseries");
            panel.put("title", p.title());
            panel.put("gridPos", Map.of("x", (i % 2) * WIDTH, "y", (i / 2) * HEIGHT, "w", WIDTH, "h", HEIGHT));
            panel.put("fieldConfig", Map.of("defaults", Map.of("unit", p.unit()), "overrides", List.of()));
            panel.put("targets", targets);
            panels.add(panel);
        }
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("uid", "litellm-gateway");
        dashboard.put("title", "LiteLLM gateway");
        dashboard.put("tags", List.of("litellm"));
        dashboard.put("timezone", "browser");
        dashboard.put("refresh", "1m");
        dashboard.put("time", Map.of("from", "now-24h", "to", "now"));
        dashboard.put("schemaVersion", 39);
        dashboard.put("panels", panels);
        return Json.write(dashboard);
    }
}

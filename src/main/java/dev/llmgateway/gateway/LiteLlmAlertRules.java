package dev.llmgateway.gateway;

import dev.llmgateway.components.observability.PrometheusMetrics;
import dev.llmgateway.components.support.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana alert rules on LiteLLM's own Prometheus metrics ({@code metrics: prometheus}), the counterparts of the
 * CloudWatch alarms in {@link UserAlarms} that only LiteLLM can measure: the same availability burn rates on the
 * requests LiteLLM failed, the latency LiteLLM adds (its overhead histogram, which excludes the provider's time),
 * the share of failed requests, and teams whose budget is spent. Metric names, labels and buckets: LiteLLM
 * {@code litellm/types/integrations/prometheus.py} ({@code DEFINED_PROMETHEUS_METRICS}, {@code LATENCY_BUCKETS},
 * which include 0.1) and {@code litellm/integrations/prometheus.py} (the overhead is observed in seconds).
 * File format: Grafana docs, "Use configuration files to provision alerting resources" (apiVersion 1, groups of
 * rules, each a query and a threshold expression).
 */
final class LiteLlmAlertRules {

    /** File name of the rules (provisioning/alerting/litellm.json). */
    static final String NAME = "litellm";
    /** Added latency per request that the objective allows: seed 002, "under 100 ms added latency". */
    static final double ADDED_LATENCY_SECONDS = 0.1;
    /** Share of requests that must stay under {@link #ADDED_LATENCY_SECONDS}: the 99th percentile. */
    static final double LATENCY_OBJECTIVE = 0.99;
    /** Evaluation interval: LiteLLM is scraped every 30 s, a minute sees two scrapes. */
    static final String INTERVAL = "1m";

    private static final String FAILED = "litellm_proxy_failed_requests_metric_total";
    private static final String TOTAL = "litellm_proxy_total_requests_metric_total";
    private static final String OVERHEAD = "litellm_overhead_latency_metric";

    private LiteLlmAlertRules() {
    }

    /** The provisioning file for an availability objective (a fraction, e.g. 0.999). */
    static String json(double availabilityObjective) {
        List<Object> rules = new ArrayList<>();
        rules.add(rule("availability-burn-rate", "LiteLLM fails more requests than the availability objective allows",
                burnRate(w -> "sum(rate(" + FAILED + "[" + w + "])) / sum(rate(" + TOTAL + "[" + w + "]))",
                        1 - availabilityObjective), "2m"));
        rules.add(rule("added-latency-burn-rate", "LiteLLM adds more than 100 ms to more requests than the latency objective allows",
                burnRate(w -> "1 - sum(rate(" + OVERHEAD + "_bucket{le=\"" + ADDED_LATENCY_SECONDS + "\"}[" + w + "])) / sum(rate("
                        + OVERHEAD + "_count[" + w + "]))", 1 - LATENCY_OBJECTIVE), "2m"));
        rules.add(rule("failed-requests", "more than " + Math.round(UserAlarms.FAILED_SHARE * 100)
                        + " % of LiteLLM's requests fail (budget exhausted, provider key revoked or throttled, provider down)",
                "(sum(rate(" + FAILED + "[15m])) / sum(rate(" + TOTAL + "[15m])) > " + UserAlarms.FAILED_SHARE
                        + ") and sum(increase(" + TOTAL + "[15m])) >= " + UserAlarms.MIN_REQUESTS_PER_5_MIN * 3, "5m"));
        // Team budgets are shared by everyone in the team, so a spent one fails many users; a key's own budget running
        // out is that key's business and stays a dashboard panel.
        rules.add(rule("team-budget-spent", "a team's budget is spent: every request of its members fails",
                "min by (team, team_alias) (litellm_remaining_team_budget_metric) <= 0", "5m"));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("orgId", 1);
        group.put("name", "litellm-gateway");
        group.put("folder", "LiteLLM gateway");
        group.put("interval", INTERVAL);
        group.put("rules", rules);
        return Json.write(Map.of("apiVersion", 1, "groups", List.of(group)));
    }

    /**
     * The multiwindow, multi-burn-rate condition of {@link UserAlarms#BURN_RATES} in PromQL: the ratio over both
     * windows of a pair above its burn times the error budget.
     */
    private static String burnRate(java.util.function.Function<String, String> ratio, double budget) {
        List<String> pairs = new ArrayList<>();
        for (UserAlarms.BurnRate rate : UserAlarms.BURN_RATES) {
            // Six significant digits: 14.4 x (1 - 0.999) is 0.0144, not 0.014399999999998414.
            String threshold = new java.math.BigDecimal(rate.burn() * budget).round(new java.math.MathContext(6))
                    .stripTrailingZeros().toPlainString();
            pairs.add("((" + ratio.apply(window(rate.longSeconds())) + ") > " + threshold + " and ("
                    + ratio.apply(window(rate.shortSeconds())) + ") > " + threshold + ")");
        }
        return String.join(" or ", pairs);
    }

    private static String window(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60 + "m";
    }

    /**
     * One rule: query A returns a series while the condition holds (PromQL filters), B fires when A has a value above
     * 0. No data is normal (nothing fails, no traffic, no budgets) and counts as OK.
     */
    private static Map<String, Object> rule(String uid, String summary, String expr, String pendingFor) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("refId", "A");
        query.put("relativeTimeRange", Map.of("from", 21600, "to", 0));
        query.put("datasourceUid", PrometheusMetrics.DATA_SOURCE_UID);
        query.put("model", Map.of("refId", "A", "expr", expr, "instant", true));
        Map<String, Object> threshold = new LinkedHashMap<>();
        threshold.put("refId", "B");
        threshold.put("datasourceUid", "__expr__");
        threshold.put("model", Map.of("refId", "B", "type", "threshold", "expression", "A",
                "conditions", List.of(Map.of("evaluator", Map.of("type", "gt", "params", List.of(0))))));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("uid", uid);
        rule.put("title", uid);
        rule.put("condition", "B");
        rule.put("data", List.of(query, threshold));
        rule.put("noDataState", "OK");
        rule.put("execErrState", "Error");
        rule.put("for", pendingFor);
        rule.put("annotations", Map.of("summary", summary));
        rule.put("labels", Map.of("gateway", "litellm"));
        return rule;
    }
}

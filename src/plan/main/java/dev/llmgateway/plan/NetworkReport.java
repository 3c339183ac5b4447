package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Quotas;
import dev.llmgateway.engine.Reachability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the offline plan proves about the network and the account limits: every intended flow
 * with its verdict and the rules (or missing rules) that decide it, and the highest use of each
 * AWS quota the stack touches.
 *
 * @param flows  verdict per intended flow
 * @param quotas highest usage per quota
 */
public record NetworkReport(List<Reachability.Verdict> flows, List<Quotas.Usage> quotas) {

    /** Analyses a plan. */
    public static NetworkReport of(PlannedStack plan) {
        return new NetworkReport(Reachability.analyze(plan), Quotas.summary(plan));
    }

    /** The reachability table. */
    public String flowTable() {
        StringBuilder out = new StringBuilder();
        String format = "  %-8s %-5s %-44s %s%n";
        out.append(String.format(format, "Status", "Port", "Flow", "Decided by").stripTrailing()).append('\n');
        for (Reachability.Verdict v : flows) {
            out.append(String.format(format, v.status(), v.port(), v.from() + " -> " + v.to(), String.join("; ", v.decidedBy())));
        }
        long blocked = flows.stream().filter(v -> !v.allowed()).count();
        out.append(String.format("%d intended flows, %d blocked%n", flows.size(), blocked));
        return out.toString();
    }

    /** The quota summary. */
    public String quotaTable() {
        StringBuilder out = new StringBuilder();
        for (Quotas.Usage u : quotas) {
            out.append(String.format("  %-4s %5d / %-6d %-58s %s%n", u.over() ? "OVER" : "ok", u.used(), u.limit(), u.quota(), u.resource()));
        }
        out.append(String.format("%d quotas checked, %d over%n", quotas.size(), quotas.stream().filter(Quotas.Usage::over).count()));
        return out.toString();
    }

    /** The reachability section of the plan JSON. */
    public List<Map<String, Object>> flowsJson() {
        return flows.stream().map(v -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flow", v.flow());
            row.put("from", v.from());
            row.put("to", v.to());
            row.put("port", v.port());
            row.put("status", v.status());
            row.put("decidedBy", v.decidedBy());
            row.put("why", v.why());
            return row;
        }).toList();
    }

    /** The quota section of the plan JSON. */
    public List<Map<String, Object>> quotasJson() {
        return quotas.stream().map(u -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("quota", u.quota());
            row.put("resource", u.resource());
            row.put("used", u.used());
            row.put("limit", u.limit());
            row.put("over", u.over());
            row.put("source", u.source());
            return row;
        }).toList();
    }
}

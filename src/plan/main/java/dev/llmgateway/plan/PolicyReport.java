package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.PolicyProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every policy check on a stack under a profile.
 *
 * @param profile the profile the checks ran under
 * @param results one result per check, in check order
 */
public record PolicyReport(PolicyProfile profile, List<CheckResult> results) {

    /** All findings, in check order. */
    public List<Finding> findings() {
        return results.stream().flatMap(r -> r.findings().stream()).toList();
    }

    /** The result of the check with this id. */
    public CheckResult result(String checkId) {
        return results.stream().filter(r -> r.check().id().equals(checkId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy check " + checkId));
    }

    /** Whether any finding has {@code severity} or worse. */
    public boolean failsOn(Severity severity) {
        return findings().stream().anyMatch(f -> f.severity().atLeast(severity));
    }

    /**
     * Whether the stack fails the gate: a HIGH finding under the PROD profile, or under any profile
     * a finding that AWS would refuse or that stops traffic (a blocked flow, a quota overflow).
     */
    public boolean fails() {
        return profile == PolicyProfile.PROD && failsOn(Severity.HIGH)
                || findings().stream().anyMatch(f -> PolicyChecks.GATE_EVERY_PROFILE.contains(f.checkId()));
    }

    /** A structure of maps, lists and strings for the plan JSON (Gson-serializable). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", profile.name());
        json.put("fails", fails());
        json.put("checks", results.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.check().id());
            row.put("title", r.check().title());
            row.put("severity", r.check().severity().name());
            row.put("source", r.check().source());
            row.put("rationale", r.check().rationale());
            row.put("status", r.status().name());
            row.put("findings", r.findings().stream()
                    .map(f -> Map.of("resource", f.resource(), "message", f.message())).toList());
            return row;
        }).toList());
        return json;
    }

    /** An aligned text table: one row per check, findings indented under failed checks. */
    public String table() {
        int idWidth = "Check".length();
        int titleWidth = "Title".length();
        for (CheckResult r : results) {
            idWidth = Math.max(idWidth, r.check().id().length());
            titleWidth = Math.max(titleWidth, r.check().title().length());
        }
        String format = "%-" + idWidth + "s  %-14s  %-6s  %-" + titleWidth + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "Check", "Status", "Sev", "Title", "Source").stripTrailing()).append('\n');
        for (CheckResult r : results) {
            out.append(String.format(format, r.check().id(), r.status(), r.check().severity(), r.check().title(),
                    r.check().source()));
            r.findings().forEach(f -> out.append("    - ").append(f.resource()).append(": ")
                    .append(f.message()).append('\n'));
        }
        long failed = results.stream().filter(r -> r.status() == CheckStatus.FAIL).count();
        out.append(String.format("%d checks, %d failed, %d findings; profile %s: %s%n", results.size(), failed,
                findings().size(), profile, fails() ? "FAILS (HIGH findings)" : "passes the gate"));
        return out.toString();
    }
}

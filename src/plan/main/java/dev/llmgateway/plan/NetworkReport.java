package dev.llmgateway.plan;

import dev.llmgateway.components.network.DeclaredNetwork;
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
 * @param flows    verdict per intended flow
 * @param quotas   highest usage per quota
 * @param existing the existing networks the stack deploys into, as declared
 */
public record NetworkReport(List<Reachability.Verdict> flows, List<Quotas.Usage> quotas, List<DeclaredNetwork> existing) {

    /** Analyses a plan. */
    public static NetworkReport of(PlannedStack plan) {
        return new NetworkReport(Reachability.analyze(plan), Quotas.summary(plan), plan.networks());
    }

    /**
     * For a stack in an existing network: what was declared and checked offline, which verdicts rest on the
     * declarations, and what only AWS can confirm; empty for a stack that creates its network.
     */
    public String existingNetworkText() {
        if (existing.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (DeclaredNetwork network : existing) {
            out.append("Existing network ").append(network.vpcId()).append(" (").append(network.cidr())
                    .append(", declared; the stack creates no VPC, subnet, route, NAT or endpoint in it):\n");
            network.subnets().forEach(subnet -> out.append(String.format("  %-26s %-9s %-17s %-12s %s%n", subnet.id(),
                    subnet.tier(), subnet.cidr(), subnet.zone(), subnet.routes().isEmpty() ? "no route out"
                            : subnet.routes().stream().map(r -> r.destination() + " -> " + r.target())
                            .collect(java.util.stream.Collectors.joining(", ")))));
            network.groups().forEach(group -> out.append("  ").append(group.label()).append(" ").append(group.id())
                    .append(": admits ").append(group.ports()).append(" from ").append(group.from()).append('\n'));
        }
        long resting = flows.stream().filter(v -> v.decidedBy().stream().anyMatch(d -> d.startsWith("declared"))).count();
        out.append("Checked offline: every block inside the VPC and apart, one subnet per zone and tier, private and isolated"
                + " subnets in the same zones, a route out for the tasks' subnets and none for the databases'.\n");
        out.append(resting).append(" of ").append(flows.size()).append(" flows rest on these declarations. Only AWS knows,"
                + " and pulumi up finds out: that the VPC and subnets exist with these blocks and zones, that their route"
                + " tables hold these routes and what lies beyond them forwards HTTPS, that the endpoints' group admits the"
                + " tasks, that a private hosted zone is associated with the VPC.\n");
        return out.toString();
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

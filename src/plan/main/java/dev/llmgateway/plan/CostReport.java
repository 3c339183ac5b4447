package dev.llmgateway.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A monthly cost estimate: priced lines, their idle and typical totals, the assumptions
 * behind them, and the lines that could not be priced.
 *
 * @param lines       priced items, in a stable order
 * @param assumptions the usage the typical column assumes
 * @param unpriced    resources the price table has no price for (named, never silently zero)
 * @param basis       the few facts that decide the total (running hours, what is always on), in a stable order
 * @param commitments what runs all month and what a commitment could take off it at most (Savings Plans, reserved
 *                    instances), in a stable order
 */
public record CostReport(List<CostLine> lines, UsageAssumptions assumptions, List<String> unpriced, List<String> basis,
                         List<Commitment> commitments) {

    /** USD per month with no traffic. */
    public double idleTotal() {
        return lines.stream().mapToDouble(CostLine::monthlyIdle).sum();
    }

    /** USD per month under the typical-use assumptions. */
    public double typicalTotal() {
        return lines.stream().mapToDouble(CostLine::monthlyTypical).sum();
    }

    /** A structure of maps, lists, strings and numbers for the plan JSON (Gson-serializable). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency", "USD");
        json.put("prices", PriceTable.AS_OF);
        json.put("hoursPerMonth", PriceTable.HOURS_PER_MONTH);
        json.put("assumptions", assumptions);
        json.put("lines", lines.stream().map(line -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", line.item());
            row.put("quantity", line.quantity());
            row.put("unit", line.unit());
            row.put("unitPrice", line.unitPrice());
            row.put("priceUnit", line.priceUnit());
            row.put("monthlyIdle", cents(line.monthlyIdle()));
            row.put("monthlyTypical", cents(line.monthlyTypical()));
            row.put("assumption", line.assumption());
            return row;
        }).toList());
        json.put("totals", Map.of("idle", cents(idleTotal()), "typical", cents(typicalTotal())));
        json.put("unpriced", unpriced);
        json.put("basis", basis);
        json.put("commitments", commitments.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", c.item());
            row.put("onDemandMonthly", cents(c.onDemand()));
            row.put("plan", c.plan().item());
            row.put("maxDiscount", c.plan().usd());
            row.put("source", c.plan().source());
            row.put("savingMonthlyAtMost", cents(c.saving()));
            row.put("breakEvenMonths", Math.round(c.breakEvenMonths() * 10) / 10.0);
            return row;
        }).toList());
        return json;
    }

    /** An aligned text table with totals, for the terminal. */
    public String table() {
        String[] header = {"Item", "Qty", "Unit price", "Idle $/mo", "Typical $/mo", "Assumption"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        for (CostLine line : lines) {
            rows.add(new String[]{line.item(), number(line.quantity()) + " " + line.unit(),
                    "$" + number(line.unitPrice()) + "/" + line.priceUnit(),
                    money(line.monthlyIdle()), money(line.monthlyTypical()), line.assumption()});
        }
        rows.add(new String[]{"Total", "", "", money(idleTotal()), money(typicalTotal()), PriceTable.AS_OF});
        int[] widths = new int[header.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (r == 1 || r == rows.size() - 1) {
                out.append(rule(widths)).append('\n');
            }
            String[] row = rows.get(r);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i == 3 || i == 4;
                String cell = numeric ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        unpriced.forEach(item -> out.append("Not priced: ").append(item).append('\n'));
        out.append(commitmentTable());
        return out.toString();
    }

    /**
     * What a one- or three-year commitment could take off what runs all month, at each plan's largest published
     * discount, with the months of use after which it pays for its term; empty when nothing runs all month on demand.
     */
    public String commitmentTable() {
        if (commitments.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nRuns all month on demand; a commitment takes off at most (largest published"
                + " discount, " + PriceTable.AS_OF.substring(0, 7) + "):\n");
        for (Commitment c : commitments) {
            out.append(String.format(Locale.ROOT, "  %s: %s/month on demand; %s up to %.0f%% = %s/month less;"
                            + " pays for its term after %.1f months of use (%s)%n", c.item(), money(c.onDemand()),
                    c.plan().item(), c.plan().usd() * 100, money(c.saving()), c.breakEvenMonths(), c.plan().source()));
        }
        out.append("  No commitment discount exists for NAT gateways, load balancers, interface endpoints, WAF, public IPv4"
                + " and storage; ElastiCache reserved nodes exist, their rates are not in the price table.\n");
        return out.toString();
    }

    private static String rule(int[] widths) {
        int total = 0;
        for (int width : widths) {
            total += width + 2;
        }
        return "-".repeat(total - 2);
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%.2f", usd);
    }

    /** A number in its shortest plain form, to six significant digits (1, 0.5, 0.009714). */
    static String number(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}

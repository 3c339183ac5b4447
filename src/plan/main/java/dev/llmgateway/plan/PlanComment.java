package dev.llmgateway.plan;

import java.util.List;
import java.util.Map;

/**
 * The pull-request comment: a summary table of every stack's {@link PlanDiff}, then per changed stack the
 * resources, cost lines, findings and reachability changes, folded. It starts with {@link #MARKER}, by which
 * the comment workflow finds and updates its one comment. Long lists are cut to stay under GitHub's
 * 65,536-character comment limit.
 */
public final class PlanComment {

    /** First line of the comment; the workflow updates the comment that starts with it. */
    public static final String MARKER = "<!-- litellm-gateway-plan-diff -->";
    /** Items shown per list before "and N more". */
    static final int MAX_ITEMS = 40;
    /** GitHub's comment limit is 65,536 characters; leave room for the marker and the note. */
    static final int MAX_LENGTH = 60_000;

    private PlanComment() {
    }

    /** Renders the comment for the stacks' diffs (in the order given). */
    public static String render(List<PlanDiff> diffs) {
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        md.append("## Offline plan: base branch → this pull request\n\n");
        md.append("Planned on the mock engine from the committed stack files (no cloud account). Cost is the typical monthly"
                + " estimate at list prices.\n\n");
        md.append("| stack | resources (+ added, ~ changed, - removed) | monthly cost | policy findings | reachability |\n");
        md.append("|---|---|---|---|---|\n");
        for (PlanDiff d : diffs) {
            md.append("| ").append(d.stack()).append(" | ").append(resourcesCell(d)).append(" | ").append(costCell(d)).append(" | ")
                    .append(d.newFindings().size()).append(" new, ").append(d.resolved().size()).append(" resolved | ")
                    .append(d.reachability().isEmpty() ? "no change" : d.reachability().size() + " change(s)").append(" |\n");
        }
        for (PlanDiff d : diffs) {
            if (d.unchanged()) {
                continue;
            }
            md.append("\n<details><summary><b>").append(d.stack()).append("</b>: what changes</summary>\n\n");
            list(md, "Added", d.added());
            list(md, "Changed (inputs differ)", d.changed());
            list(md, "Removed", d.removed());
            if (!d.costLines().isEmpty()) {
                md.append("**Cost lines that changed** (typical, per month)\n\n| item | before | after | change |\n|---|---:|---:|---:|\n");
                for (Map.Entry<String, double[]> line : d.costLines().entrySet()) {
                    double[] v = line.getValue();
                    md.append("| ").append(line.getKey().replace("|", "\\|")).append(" | ").append(PlanDiff.money(v[0])).append(" | ")
                            .append(PlanDiff.money(v[1])).append(" | ").append(PlanDiff.delta(v[1] - v[0])).append(" |\n");
                }
                md.append('\n');
            }
            list(md, "New policy findings", d.newFindings());
            list(md, "Resolved policy findings", d.resolved());
            list(md, "Reachability changes", d.reachability());
            md.append("</details>\n");
        }
        if (md.length() > MAX_LENGTH) {
            md.setLength(MAX_LENGTH);
            md.append("\n\n… cut to fit a GitHub comment; the full plans are in the `offline-plans` artifact.\n");
        }
        return md.toString();
    }

    private static String resourcesCell(PlanDiff d) {
        if (d.head().isEmpty()) {
            return d.base().isPresent() ? "**no plan** (planning failed or the stack was removed)" : "no plan";
        }
        String counts = "+" + d.added().size() + " ~" + d.changed().size() + " -" + d.removed().size();
        return d.base().isEmpty() ? "new stack: " + counts : counts;
    }

    private static String costCell(PlanDiff d) {
        if (d.head().isEmpty()) {
            return PlanDiff.money(d.costBefore()) + " → ?";
        }
        return PlanDiff.money(d.costBefore()) + " → " + PlanDiff.money(d.costAfter()) + " (" + PlanDiff.delta(d.costAfter() - d.costBefore()) + ")";
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("** (").append(items.size()).append(")\n\n");
        items.stream().limit(MAX_ITEMS).forEach(item -> md.append("- `").append(item.replace("`", "'")).append("`\n"));
        if (items.size() > MAX_ITEMS) {
            md.append("- … and ").append(items.size() - MAX_ITEMS).append(" more\n");
        }
        md.append('\n');
    }
}

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
        return render(diffs, Map.of());
    }

    /**
     * Renders the comment for the stacks' diffs (in the order given) and, for the stacks that have one, the update plan
     * of the deployed base state to this pull request ({@link UpdateDigest}).
     */
    static String render(List<PlanDiff> diffs, Map<String, UpdateDigest> updates) {
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
        updates(md, diffs, updates);
        if (md.length() > MAX_LENGTH) {
            md.setLength(MAX_LENGTH);
            md.append("\n\n… cut to fit a GitHub comment; the full plans are in the `offline-plans` artifact.\n");
        }
        return md.toString();
    }

    /** What pulumi up from the base branch's state would do: a table, then the details of every stack that changes. */
    private static void updates(StringBuilder md, List<PlanDiff> diffs, Map<String, UpdateDigest> updates) {
        if (updates.isEmpty()) {
            return;
        }
        md.append("\n## Update: `pulumi up` of this pull request over the base branch's state\n\n");
        md.append("Steps as the engine would run them, replacements with the provider's reasons, what AWS would refuse in that"
                + " order, data lost, expected time (critical path of the update) and whether reverting applies.\n\n");
        md.append("| stack | verdict | changes | replacements | problems | data loss | expected time | rollback |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (PlanDiff d : diffs) {
            UpdateDigest u = updates.get(d.stack());
            if (u == null) {
                continue;
            }
            md.append("| ").append(d.stack()).append(" | ").append(u.fails() ? "**fails**" : "applies").append(" | ")
                    .append(u.changes().isEmpty() ? "none" : String.join(", ", u.changes().entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).toList()))
                    .append(" | ").append(u.replacements().size()).append(" | ").append(u.problems().size()).append(" | ")
                    .append(u.dataLoss().size()).append(" | ").append(u.minutes()).append(" min (up to ").append(u.upperMinutes())
                    .append(") | ").append(u.rollback() ? "clean" : "**not clean**").append(" |\n");
        }
        for (PlanDiff d : diffs) {
            UpdateDigest u = updates.get(d.stack());
            if (u == null || u.changes().isEmpty()) {
                continue;
            }
            md.append("\n<details").append(u.fails() ? " open" : "").append("><summary><b>").append(d.stack())
                    .append("</b>: update ").append(u.fails() ? "fails" : "applies").append("</summary>\n\n");
            list(md, "Replacements and their reasons", u.replacements());
            list(md, "Problems: the update would stop here", u.problems());
            list(md, "Data loss", u.dataLoss());
            list(md, "Interruptions", u.interruptions());
            list(md, "Circuit breaker rollback (previous task definition against the new state)", u.circuitBreaker());
            md.append("</details>\n");
        }
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

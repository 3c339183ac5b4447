package dev.llmgateway.plan.update;

import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pulumi destroy} as a transition to an empty program: what refuses to go (protection, non-empty buckets and
 * repositories), and what stays behind in the account and keeps billing: retained resources, final snapshots,
 * backups, keys waiting out their deletion window, and what AWS creates on its own.
 *
 * @param plan      the deletes, with the problems the update planner finds
 * @param leftovers what remains after a successful destroy
 */
public record Destroy(UpdatePlan plan, List<String> leftovers) {

    /** The destroy of {@code deployed}. */
    public static Destroy of(PlannedStack deployed) {
        PlannedStack empty = new PlannedStack(deployed.project(), deployed.stack(), List.of(), List.of(), Map.of(), List.of(), List.of(), List.of());
        UpdatePlan plan = UpdatePlan.of(deployed.stack(), "deployed " + deployed.stack(), "nothing (pulumi destroy)", deployed, empty, Set.of());
        return new Destroy(plan, leftovers(deployed));
    }

    /** Whether the destroy runs to the end. */
    public boolean blocked() {
        return !plan.problems().isEmpty();
    }

    private static List<String> leftovers(PlannedStack deployed) {
        List<String> leftovers = new ArrayList<>();
        for (PlannedResource r : deployed.resources()) {
            if (!r.custom()) {
                continue;
            }
            String label = r.type() + " " + r.name();
            if (r.retainOnDelete()) {
                leftovers.add(label + ": retained (retainOnDelete); it stays in the account and keeps billing until deleted by hand");
            }
            switch (r.type()) {
                case "aws:rds/instance:Instance", "aws:rds/cluster:Cluster" -> {
                    if (!r.flag("skipFinalSnapshot")) {
                        r.input("finalSnapshotIdentifier").ifPresent(id -> leftovers.add(label + ": final snapshot " + id
                                + " (snapshot storage is billed until it is deleted)"));
                    }
                    r.input("monitoringInterval").filter(v -> v instanceof Number n && n.intValue() > 0).ifPresent(v ->
                            leftovers.add(label + ": log group RDSOSMetrics, which Enhanced Monitoring creates itself"));
                }
                case "aws:elasticache/replicationGroup:ReplicationGroup" -> r.input("finalSnapshotIdentifier").ifPresent(id ->
                        leftovers.add(label + ": final snapshot " + id + " (billed until deleted)"));
                case "aws:efs/backupPolicy:BackupPolicy" -> {
                    if ("ENABLED".equals(r.input("backupPolicy.status").orElse(null))) {
                        leftovers.add(label + ": AWS Backup recovery points of the file system stay in aws/efs/automatic-backup-vault"
                                + " until their retention ends (35 days for automatic backups); billed meanwhile");
                    }
                }
                case "aws:kms/key:Key" -> {
                    if (!r.retainOnDelete()) {
                        leftovers.add(label + ": scheduled for deletion after " + r.input("deletionWindowInDays").orElse(30) + " days");
                    }
                }
                case "aws:secretsmanager/secret:Secret" -> leftovers.add(label + ": kept for its recovery window ("
                        + r.input("recoveryWindowInDays").orElse(30) + " days) under its name");
                case "aws:ecs/cluster:Cluster" -> leftovers.add(label + ": the ECS service-linked role AWSServiceRoleForECS stays"
                        + " (free); a Container Insights performance log group written after the stack's own group is deleted would"
                        + " be created again by ECS");
                case "aws:ec2/vpc:Vpc" -> leftovers.add(label + ": interfaces other services add to the VPC (GuardDuty runtime"
                        + " monitoring's endpoint, a Lambda's) are not the stack's: they block the subnets' and the VPC's delete until"
                        + " removed (the provider dissociates GuardDuty's endpoint on subnet delete)");
                default -> {
                    // nothing stays
                }
            }
        }
        return List.copyOf(leftovers);
    }

    /** The report as text. */
    public String text() {
        StringBuilder out = new StringBuilder("Destroy of stack " + plan.stack() + ": ");
        out.append(blocked() ? "BLOCKED" : "runs to the end").append(" (").append(plan.changes().stream().filter(ResourceChange::custom).count())
                .append(" resources)\n");
        plan.problems().forEach(p -> out.append("  - ").append(p.line()).append('\n'));
        if (!leftovers.isEmpty()) {
            out.append("Left behind, some of it billed:\n");
            leftovers.forEach(line -> out.append("  - ").append(line).append('\n'));
        }
        plan.dataLoss().stream().filter(l -> l.survives().isEmpty() && l.category().consent().isPresent())
                .forEach(l -> out.append("  ! data gone for good: ").append(l.line()).append('\n'));
        return out.toString();
    }

    /** A structure for the JSON. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("blocked", blocked());
        json.put("problems", plan.problems().stream().map(Problem::line).toList());
        json.put("leftovers", leftovers);
        json.put("dataLoss", plan.dataLoss().stream().map(Consequences.DataLoss::line).toList());
        return json;
    }
}

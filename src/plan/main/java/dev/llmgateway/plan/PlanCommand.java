package dev.llmgateway.plan;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.App;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The offline plan: runs the real program on Pulumi's mock engine against a committed stack file
 * (no cloud account, no Pulumi CLI) and reports what {@code pulumi up} would create.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: resource tree, preview JSON, cost, policy checks, diagram.")
public final class PlanCommand implements Callable<Integer> {

    /** Exit code for a stack setting that cannot be used. */
    static final int BAD_SETTINGS = 2;
    /** Exit code for a program that failed on the mock engine. */
    static final int PROGRAM_FAILED = 3;
    /** Exit code for a stack whose policy profile fails (a HIGH finding under prod). */
    static final int POLICY_FAILED = 4;

    @Option(names = "--stack", required = true, description = "Stack name (reads Pulumi.<stack>.yaml).")
    private String stack;

    @Option(names = "--stack-file", description = "Stack file to plan instead of Pulumi.<stack>.yaml (e.g. an example).")
    private Path stackFile;

    @Option(names = "--project-dir", defaultValue = ".", description = "Directory holding Pulumi.yaml.")
    private Path projectDir;

    @Option(names = "--out", defaultValue = "target/plan", description = "Directory for <stack>.json.")
    private Path out;

    private final PrintStream stdout;
    private final PrintStream stderr;

    PlanCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line; returns the exit code. */
    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        return new CommandLine(new PlanCommand(stdout, stderr)).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        StackSettings settings;
        try {
            var source = stackFile == null
                    ? StackFileConfigSource.load(projectDir, stack)
                    : StackFileConfigSource.load(projectDir, stackFile, stack);
            settings = StackSettings.read(source);
        } catch (SettingsException e) {
            stderr.println(e.getMessage());
            return BAD_SETTINGS;
        }
        PlannedStack plan = plan(settings);
        if (!plan.errors().isEmpty()) {
            plan.errors().forEach(error -> stderr.println("program failed: " + rootMessage(error)));
            return PROGRAM_FAILED;
        }
        CostReport cost = CostEstimate.of(plan);
        DeployTimeEstimate.Report deployTime = DeployTimeEstimate.of(plan);
        PolicyReport policy = PolicyChecks.evaluate(plan, settings.policyProfile());
        NetworkReport network = NetworkReport.of(plan);
        Map<String, Object> document = PreviewJson.document(plan);
        document.put("cost", cost.toJson());
        document.put("policy", policy.toJson());
        document.put("reachability", network.flowsJson());
        document.put("quotas", network.quotasJson());
        document.put("deployTime", deployTime.toJson());
        Files.createDirectories(out);
        Path json = out.resolve(stack + ".json");
        Files.writeString(json, PreviewJson.toJson(document));
        Path diagram = out.resolve(stack + ".mmd");
        Files.writeString(diagram, MermaidDiagram.render(plan));
        Files.writeString(out.resolve(stack + "-sequence.mmd"), SequenceDiagram.render(plan));
        Files.writeString(out.resolve(stack + "-context.mmd"), C4Diagram.context(plan));
        Files.writeString(out.resolve(stack + "-container.mmd"), C4Diagram.container(plan));

        stdout.println("Plan of stack " + stack + " (offline, mock engine): " + plan.resources().size() + " resources");
        stdout.println();
        stdout.print(ResourceTree.render(plan));
        stdout.println();
        stdout.println("Resources by type:");
        plan.countByType().forEach((type, count) -> stdout.printf("  %4d  %s%n", count, type));
        stdout.println();
        stdout.println("Monthly cost estimate (" + PriceTable.AS_OF + "):");
        stdout.print(cost.table());
        stdout.println();
        stdout.println("Reachability of intended flows (security groups and routes as AWS enforces them):");
        stdout.print(network.flowTable());
        stdout.print(network.existingNetworkText());
        stdout.println();
        stdout.println("AWS default quotas (highest use per quota by this stack):");
        stdout.print(network.quotaTable());
        stdout.print(deployTime.table());
        stdout.println();
        stdout.println("Policy checks (profile " + settings.policyProfile().name().toLowerCase(java.util.Locale.ROOT) + "):");
        stdout.print(policy.table());
        stdout.println();
        stdout.println("Wrote " + json + ", " + diagram + " and " + stack + "-{sequence,context,container}.mmd");
        if (policy.fails()) {
            stderr.println("Policy checks failed for stack " + stack + ": fix the findings above (blocked flows and quota"
                    + " overflows stop every profile; other HIGH findings stop policyProfile prod)");
            return POLICY_FAILED;
        }
        return 0;
    }

    /** Runs the program for {@code settings} on the mock engine. */
    static PlannedStack plan(StackSettings settings) {
        return OfflineEngine.plan(settings.project(), settings.stack(), settings.region(),
                ctx -> App.deploy(ctx, settings));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}

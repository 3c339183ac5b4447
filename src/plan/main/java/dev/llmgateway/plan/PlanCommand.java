package dev.llmgateway.plan;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.App;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.plan.update.StateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The offline plan: runs the real program on Pulumi's mock engine against a committed stack file
 * (no cloud account, no Pulumi CLI) and reports what {@code pulumi up} would create.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: resource tree, preview JSON, cost, policy checks, diagram; with --base-stack-file,"
                + " --base-ref or --base-state, the update from a deployed stack (exit 5 when it would fail or lose data);"
                + " with --destroy, the destroy.")
public final class PlanCommand implements Callable<Integer> {

    /** Exit code for a stack setting that cannot be used. */
    static final int BAD_SETTINGS = 2;
    /** Exit code for a program that failed on the mock engine. */
    static final int PROGRAM_FAILED = 3;
    /** Exit code for a stack whose policy profile fails (a HIGH finding under prod). */
    static final int POLICY_FAILED = 4;
    /** File name suffix of the state a plan leaves ({@code <stack>.state.json}). */
    static final String STATE_SUFFIX = ".state.json";

    @Option(names = "--stack", required = true, description = "Stack name (reads Pulumi.<stack>.yaml).")
    private String stack;

    @Option(names = "--stack-file", description = "Stack file to plan instead of Pulumi.<stack>.yaml (e.g. an example).")
    private Path stackFile;

    @Option(names = "--project-dir", defaultValue = ".", description = "Directory holding Pulumi.yaml.")
    private Path projectDir;

    @Option(names = "--out", defaultValue = "target/plan", description = "Directory for <stack>.json.")
    private Path out;

    @Option(names = "--base-stack-file", description = "Update plan: the deployed stack's settings (planned with this program).")
    private Path baseStackFile;

    @Option(names = "--base-ref", description = "Update plan: the deployed stack's settings are the stack file at this git commit.")
    private String baseRef;

    @Option(names = "--base-state", description = "Update plan: the deployed state, a <stack>.state.json a plan wrote (e.g. of the base branch).")
    private Path baseState;

    @Option(names = "--destroy", description = "Plan pulumi destroy of the stack: what blocks it, what it leaves behind.")
    private boolean destroy;

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
        settings.warnings().forEach(warning -> stderr.println("warning: " + warning));
        Path stackPath = stackFile == null ? projectDir.resolve("Pulumi." + stack + ".yaml") : stackFile;
        var base = new UpdateRun.Base(Optional.ofNullable(baseStackFile), Optional.ofNullable(baseRef), Optional.ofNullable(baseState));
        if (destroy) {
            return UpdateRun.destroy(stack, settings, out, stdout, stderr);
        }
        if (base.given()) {
            return UpdateRun.update(stack, projectDir, stackPath, settings, base, out, stdout, stderr);
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
        PlannedStack firstPreview = preview(settings);
        if (!firstPreview.errors().isEmpty()) {
            firstPreview.errors().forEach(error -> stderr.println("program failed in preview mode: " + rootMessage(error)));
            return PROGRAM_FAILED;
        }
        Map<String, Object> document = PreviewJson.document(firstPreview);
        document.put("cost", cost.toJson());
        document.put("policy", policy.toJson());
        document.put("reachability", network.flowsJson());
        document.put("quotas", network.quotasJson());
        document.put("deployTime", deployTime.toJson());
        document.put("warnings", settings.warnings());
        Files.createDirectories(out);
        Path json = out.resolve(stack + ".json");
        Files.writeString(json, PreviewJson.toJson(document));
        Path diagram = out.resolve(stack + ".mmd");
        Files.writeString(diagram, MermaidDiagram.render(plan));
        // The state this plan leaves, for an update plan against it (--base-state), e.g. of a pull request's head.
        Files.writeString(out.resolve(stack + STATE_SUFFIX), PreviewJson.toJson(StateFile.write(plan)));
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
        stdout.println("Computed at deploy time (unknown in a first pulumi preview, and in " + json.getFileName() + "):");
        stdout.print(DeployTimeValues.table(firstPreview));
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

    /** Runs the program for {@code settings} as a first {@code pulumi preview} sees it (computed values unknown). */
    static PlannedStack preview(StackSettings settings) {
        return OfflineEngine.preview(settings.project(), settings.stack(), settings.region(),
                ctx -> App.deploy(ctx, settings));
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}

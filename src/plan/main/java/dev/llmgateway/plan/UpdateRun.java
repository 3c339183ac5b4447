package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.SettingsTransition;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.StatefulData;
import dev.llmgateway.plan.update.Destroy;
import dev.llmgateway.plan.update.Rollback;
import dev.llmgateway.plan.update.StateFile;
import dev.llmgateway.plan.update.UpdatePlan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The update plan of {@link PlanCommand}: the deployed state (a base stack file, a stack file at another commit, or a
 * state file a plan of the base branch left) against the program for the new settings; writes
 * {@code <stack>.update.json}, prints the changes grouped by component, the problems, data loss, interruptions,
 * expected time and the rollback, and answers with an exit code. {@code --destroy} does the same for a destroy.
 */
final class UpdateRun {

    /** Exit code for an update that would stop half-way or lose data without consent (and a destroy that is blocked). */
    static final int UPDATE_FAILS = 5;

    /**
     * Where the deployed state comes from.
     *
     * @param stackFile a stack file planned with this program
     * @param gitRef    a commit whose version of the head's stack file is planned with this program
     * @param stateFile a state file written by a plan (of the base branch: its program and settings)
     */
    record Base(Optional<Path> stackFile, Optional<String> gitRef, Optional<Path> stateFile) {

        boolean given() {
            return stackFile.isPresent() || gitRef.isPresent() || stateFile.isPresent();
        }
    }

    private UpdateRun() {
    }

    /** Plans the update of {@code stack} to {@code head}'s settings from {@code base}; returns the exit code. */
    static int update(String stack, Path projectDir, Path headFile, StackSettings head, Base base, Path out,
                      PrintStream stdout, PrintStream stderr) throws IOException {
        long started = System.nanoTime();
        PlannedStack deployed;
        String from;
        Set<StatefulData> baseConsent = Set.of();
        if (base.stateFile().isPresent()) {
            deployed = StateFile.read(Files.readString(base.stateFile().get()));
            from = base.stateFile().get().toString();
        } else {
            Path baseFile;
            StackSettings baseSettings;
            try {
                baseFile = base.gitRef().isPresent() ? atCommit(projectDir, headFile, base.gitRef().get()) : base.stackFile().orElseThrow();
                baseSettings = StackSettings.read(StackFileConfigSource.load(projectDir, baseFile, stack));
                SettingsTransition.check(baseSettings, head);
            } catch (SettingsException e) {
                stderr.println(e.getMessage());
                return PlanCommand.BAD_SETTINGS;
            }
            baseConsent = baseSettings.updates().acceptDataLoss();
            deployed = PlanCommand.plan(baseSettings);
            from = base.gitRef().map(ref -> headFile + " at " + ref).orElse(String.valueOf(baseFile));
            if (failed(deployed, "base", stderr)) {
                return PlanCommand.PROGRAM_FAILED;
            }
        }
        PlannedStack goal = PlanCommand.plan(head);
        if (failed(goal, "head", stderr)) {
            return PlanCommand.PROGRAM_FAILED;
        }
        UpdatePlan plan = UpdatePlan.of(stack, from, headFile.toString(), deployed, goal, head.updates().acceptDataLoss());
        Rollback rollback = Rollback.of(plan, deployed, goal, baseConsent);
        Map<String, Object> document = document(plan, rollback);
        Files.createDirectories(out);
        Path json = out.resolve(stack + ".update.json");
        Files.writeString(json, PreviewJson.toJson(document));
        stdout.print(plan.text());
        stdout.println();
        stdout.print(rollback.text());
        stdout.println();
        stdout.printf("Wrote %s (update planned in %.1f s)%n", json, (System.nanoTime() - started) / 1e9);
        if (plan.fails()) {
            stderr.println(plan.verdict() + " Fix the problems above, or accept the data loss in the new stack file"
                    + " (litellm-gateway:acceptDataLoss; README, \"Updates: what the plan refuses\").");
            return UPDATE_FAILS;
        }
        return 0;
    }

    /** {@code <stack>.update.json}: the plan's preview-shaped document with the rollback in its update section. */
    static Map<String, Object> document(UpdatePlan plan, Rollback rollback) {
        Map<String, Object> document = plan.toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) document.get("update");
        section.put("rollback", rollback.toJson());
        return document;
    }

    /** The destroy of the stack {@code settings} describe; returns the exit code. */
    static int destroy(String stack, StackSettings settings, Path out, PrintStream stdout, PrintStream stderr) throws IOException {
        PlannedStack deployed = PlanCommand.plan(settings);
        if (failed(deployed, "stack", stderr)) {
            return PlanCommand.PROGRAM_FAILED;
        }
        Destroy destroy = Destroy.of(deployed);
        Files.createDirectories(out);
        Path json = out.resolve(stack + ".destroy.json");
        Files.writeString(json, PreviewJson.toJson(destroy.toJson()));
        stdout.print(destroy.text());
        stdout.println("Wrote " + json);
        if (destroy.blocked()) {
            stderr.println("pulumi destroy of " + stack + " would stop at the resources above: lift their protection first"
                    + " (docs/runbooks.md)");
            return UPDATE_FAILS;
        }
        return 0;
    }

    /** The head's stack file as committed at {@code ref}, in a temporary file. */
    private static Path atCommit(Path projectDir, Path headFile, String ref) throws IOException {
        Path relative = projectDir.toAbsolutePath().normalize().relativize(headFile.toAbsolutePath().normalize());
        Process git = new ProcessBuilder("git", "show", ref + ":./" + relative.toString().replace('\\', '/'))
                .directory(projectDir.toFile()).redirectErrorStream(false).start();
        byte[] content = git.getInputStream().readAllBytes();
        String error = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new SettingsException("--base-ref", ref, "a commit that has " + relative + " (git: " + error.strip() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Path file = Files.createTempFile("base-", "-" + headFile.getFileName());
        file.toFile().deleteOnExit();
        Files.write(file, content);
        return file;
    }

    private static boolean failed(PlannedStack plan, String which, PrintStream stderr) {
        plan.errors().forEach(error -> stderr.println("program failed for the " + which + ": " + PlanCommand.rootMessage(error)));
        return !plan.errors().isEmpty();
    }
}

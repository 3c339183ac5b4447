package dev.llmgateway.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Compares the offline plans of the base branch and of a pull request (two directories of
 * {@code <stack>.json}) and writes the pull-request comment ({@link PlanComment}), with the update plans the pull
 * request's run wrote beside its plans ({@code <stack>.update.json}). Runs on untrusted
 * pull-request code without credentials; the comment is posted by a separate workflow.
 * {@code ./mvnw -q -Pplan compile exec:java -DmainClass=dev.llmgateway.plan.PlanDiffCommand
 * -DmainArgs="--base base/target/plan --head target/plan --out target/pr-comment/comment.md"}
 */
@Command(name = "plan-diff", mixinStandardHelpOptions = true,
        description = "Compare two directories of offline plans and write a markdown pull-request comment.")
public final class PlanDiffCommand implements Callable<Integer> {

    @Option(names = "--base", required = true, description = "Plans of the base branch (may be missing or empty).")
    private Path base;

    @Option(names = "--head", required = true, description = "Plans of the pull request.")
    private Path head;

    @Option(names = "--out", required = true, description = "Markdown file to write.")
    private Path out;

    private final PrintStream stdout;

    PlanDiffCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    static int run(PrintStream stdout, String... args) {
        return new CommandLine(new PlanDiffCommand(stdout)).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Set<String> stacks = new TreeSet<>(stacks(head));
        stacks.addAll(stacks(base));
        List<PlanDiff> diffs = new ArrayList<>();
        Map<String, UpdateDigest> updates = new TreeMap<>();
        for (String stack : stacks) {
            diffs.add(PlanDiff.of(stack, read(base, stack), read(head, stack)));
            UpdateDigest.read(head, stack).ifPresent(update -> updates.put(stack, update));
        }
        String comment = PlanComment.render(diffs, updates);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, comment);
        stdout.println("Wrote " + out + " (" + diffs.size() + " stacks, " + diffs.stream().filter(d -> !d.unchanged()).count() + " changed)");
        return 0;
    }

    private static List<String> stacks(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            // <stack>.json; the state, update and destroy files beside them are not plans.
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json") && f.indexOf('.') == f.length() - ".json".length())
                    .map(f -> f.substring(0, f.length() - ".json".length())).toList();
        }
    }

    private static Optional<JsonObject> read(Path directory, String stack) throws IOException {
        Path file = directory.resolve(stack + ".json");
        return Files.exists(file) ? Optional.of(JsonParser.parseString(Files.readString(file)).getAsJsonObject()) : Optional.empty();
    }
}

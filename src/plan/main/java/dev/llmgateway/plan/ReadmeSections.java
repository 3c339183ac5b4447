package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.StackOutputs;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the generated parts of README.md and docs/*.md (between {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}) in step with the code; each section lives in exactly one file. Run it to refresh
 * them: {@code ./mvnw -q -Pplan compile exec:java -DmainClass=dev.llmgateway.plan.ReadmeSections}.
 */
public final class ReadmeSections {


    private ReadmeSections() {
    }

    /** Rewrites the generated sections of README.md and docs/*.md in {@code projectDir}. */
    public static void main(String[] args) throws IOException {
        // The plan profile passes its --stack option to whatever main class runs: only a directory argument counts.
        Path project = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".");
        Map<String, String> sections = sections(project);
        for (Path file : files(project)) {
            String text = Files.readString(file);
            Files.writeString(file, refresh(text, present(text, sections)));
        }
    }

    /** The files that may hold generated sections: README.md and the markdown files in docs/. */
    public static List<Path> files(Path project) throws IOException {
        List<Path> files = new java.util.ArrayList<>(List.of(project.resolve("README.md")));
        try (Stream<Path> docs = Files.list(project.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The sections of {@code all} that {@code text} holds. */
    public static Map<String, String> present(String text, Map<String, String> all) {
        Map<String, String> present = new LinkedHashMap<>();
        all.forEach((name, content) -> {
            if (text.contains("<!-- generated:" + name + " -->")) {
                present.put(name, content);
            }
        });
        return present;
    }

    /** The current content of every generated section, by name. */
    public static Map<String, String> sections(Path project) throws IOException {
        return sections(project, stack -> PlanCommand.plan(StackSettings.read(StackFileConfigSource.load(project, stack))).orThrow(),
                name -> PlanCommand.plan(StackSettings.read(StackFileConfigSource.load(project,
                        project.resolve("examples").resolve(name + ".yaml"), name))).orThrow());
    }

    /**
     * The current content of every generated section, from the plans {@code committed} and {@code example} give for a
     * stack's or an example's name (tests pass the plans they already made).
     */
    public static Map<String, String> sections(Path project, java.util.function.Function<String, PlannedStack> committed,
                                               java.util.function.Function<String, PlannedStack> example) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("config", ConfigReference.markdown(project));
        StringBuilder costs = new StringBuilder("| stack | idle $/month | typical $/month | what decides it |\n|---|---:|---:|---|\n");
        for (String stack : Stacks.COMMITTED) {
            PlannedStack plan = committed.apply(stack);
            sections.put("architecture-" + stack, "```mermaid\n" + MermaidDiagram.render(plan) + "```\n");
            sections.put("sequence-" + stack, "```mermaid\n" + SequenceDiagram.render(plan) + "```\n");
            sections.put("c4-" + stack, "```mermaid\n" + C4Diagram.context(plan) + "```\n\n```mermaid\n"
                    + C4Diagram.container(plan) + "```\n");
            costs.append(costRow("`" + stack + "`", CostEstimate.of(plan)));
        }
        for (String name : Stacks.examples()) {
            costs.append(costRow("example `" + name + "`", CostEstimate.of(example.apply(name))));
        }
        UsageAssumptions usage = UsageAssumptions.DEFAULTS;
        costs.append(String.format(Locale.ROOT, "%nPrices: %s, %.0f-hour months. Idle: deployed, no traffic (tasks and"
                        + " databases still run in their hours). Typical adds %s busy hours a month (within office hours"
                        + " where a stack has them), %s GB per NAT gateway, %s GB of logs per log group, %s ALB LCU, %s Aurora"
                        + " ACU while busy, %s million WAF requests, %s VPN users. Not priced: data transfer out, KMS and"
                        + " API requests; a KMS key's rotations add $1 a month each in its second and third year.%n", PriceTable.AS_OF, PriceTable.HOURS_PER_MONTH,
                CostReport.number(usage.busyHoursPerMonth()), CostReport.number(usage.natGbPerMonth()),
                CostReport.number(usage.logGbPerGroupPerMonth()), CostReport.number(usage.albLcu()),
                CostReport.number(usage.auroraAverageAcu()), CostReport.number(usage.wafMillionRequests()),
                CostReport.number(usage.vpnConcurrentUsers())));
        sections.put("costs", costs.toString());
        sections.put("outputs", outputs());
        sections.put("example-settings", exampleSettings(project));
        return sections;
    }

    /** What each example's stack file sets, key by key (secret values shown as such). */
    @SuppressWarnings("unchecked")
    private static String exampleSettings(Path project) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : Stacks.examples()) {
            Map<String, Object> file = new org.yaml.snakeyaml.Yaml().load(Files.readString(project.resolve("examples/" + name + ".yaml")));
            out.append("- `").append(name).append("`: ");
            List<String> entries = new java.util.ArrayList<>();
            ((Map<String, Object>) file.get("config")).forEach((key, value) -> entries.add("`" + key.replace("litellm-gateway:", "")
                    + "` " + (value instanceof Map<?, ?> ? "(secret)" : String.valueOf(value))));
            out.append(String.join("; ", entries)).append('\n');
        }
        return out.toString();
    }

    /** The stack outputs, from {@link StackOutputs#CATALOG}. */
    private static String outputs() {
        StringBuilder table = new StringBuilder("| output | exported by | what it holds |\n|---|---|---|\n");
        StackOutputs.CATALOG.forEach(o -> table.append("| `").append(o.name()).append("` | ").append(o.when()).append(" | ")
                .append(o.description()).append(" |\n"));
        return table.toString();
    }

    private static String costRow(String label, CostReport cost) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", label, cost.idleTotal(), cost.typicalTotal(),
                String.join("; ", cost.basis()));
    }

    /** {@code readme} with each generated section replaced by its current content. */
    public static String refresh(String readme, Map<String, String> sections) {
        String result = readme;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            Pattern block = Pattern.compile("(<!-- generated:" + section.getKey() + " -->\n).*?(<!-- /generated:"
                    + section.getKey() + " -->)", Pattern.DOTALL);
            Matcher m = block.matcher(result);
            if (!m.find()) {
                throw new IllegalStateException("README.md has no generated section " + section.getKey());
            }
            result = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + section.getValue() + m.group(2)));
        }
        return result;
    }
}

package dev.llmgateway.plan;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every diagram the plan generates (flowchart, request sequence, C4 context and container views, for every
 * committed stack and example) with the pinned mermaid package in headless Chromium, and fails on a syntax error, an
 * empty drawing, or a prod flowchart taller than a screen. It needs Debian's {@code chromium} and
 * {@code npm ci} in {@code src/plan/render}, which {@code .ci/run} installs and then runs this test with
 * {@code -Ddiagrams.render=true}; the plain {@code ./mvnw test} skips it (a browser start costs seconds). The
 * rendered pages stay in {@code target/render/} with a screenshot of each stack's diagrams to look at.
 */
class DiagramRenderTest {

    private static final Path MERMAID = Stacks.PROJECT.resolve("src/plan/render/node_modules/mermaid/dist/mermaid.min.js");
    private static final Path OUT = Stacks.PROJECT.resolve("target/render");
    /** A screen: a diagram drawn at its natural size must fit in this height to be read without scrolling. */
    private static final int SCREEN_HEIGHT = 1080;

    /** Every generated diagram, by name ({@code prod-flowchart}, {@code dev-sequence}, ...). */
    static Map<String, String> diagrams() {
        Map<String, PlannedStack> plans = new LinkedHashMap<>();
        Stacks.COMMITTED.forEach(stack -> plans.put(stack, Plans.stack(stack)));
        Stacks.examples().forEach(example -> plans.put(example, Plans.example(example)));
        Map<String, String> diagrams = new LinkedHashMap<>();
        plans.forEach((name, plan) -> {
            diagrams.put(name + "-flowchart", MermaidDiagram.render(plan));
            diagrams.put(name + "-sequence", SequenceDiagram.render(plan));
            diagrams.put(name + "-context", C4Diagram.context(plan));
            diagrams.put(name + "-container", C4Diagram.container(plan));
        });
        return diagrams;
    }

    @Test
    void everyGeneratedDiagramRendersInABrowser() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("diagrams.render"),
                "diagram rendering skipped: .ci/run renders them in headless Chromium (-Ddiagrams.render=true)");
        assertTrue(Files.exists(MERMAID), "npm ci in src/plan/render first (.ci/run does)");
        Map<String, String> diagrams = diagrams();
        Files.createDirectories(OUT);
        JsonArray results = render(diagrams, OUT.resolve("all.html"));
        List<String> failures = new ArrayList<>();
        Map<String, double[]> sizes = new LinkedHashMap<>();
        for (var element : results) {
            JsonObject r = element.getAsJsonObject();
            String name = r.get("name").getAsString();
            if (r.has("error")) {
                failures.add(name + ": " + r.get("error").getAsString());
            } else if (r.get("shapes").getAsInt() == 0) {
                failures.add(name + ": rendered nothing");
            }
            sizes.put(name, new double[]{r.get("width").getAsDouble(), r.get("height").getAsDouble()});
        }
        assertEquals(diagrams.size(), results.size(), "every diagram reported");
        assertEquals(List.of(), failures);
        double[] prod = sizes.get("prod-flowchart");
        assertTrue(prod[1] <= SCREEN_HEIGHT, "the prod flowchart is " + prod[1] + " px tall at its natural size, more than a screen");
        for (String stack : Stacks.COMMITTED) {
            screenshot(stack, diagrams);
        }
    }

    /** Renders the diagrams on one page; returns per diagram its size and shape count, or its error. */
    private static JsonArray render(Map<String, String> diagrams, Path page) throws IOException, InterruptedException {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"")
                .append(MERMAID.toUri()).append("\"></script></head><body><pre id=\"result\">pending</pre><script>\n")
                .append("const diagrams = ").append(new Gson().toJson(diagrams)).append(";\n")
                .append("""
                        mermaid.initialize({startOnLoad: false, securityLevel: 'strict', flowchart: {useMaxWidth: false},
                            sequence: {useMaxWidth: false}});
                        (async () => {
                          const results = [];
                          let i = 0;
                          for (const [name, text] of Object.entries(diagrams)) {
                            try {
                              const {svg} = await mermaid.render('d' + (i++), text);
                              const holder = document.createElement('div');
                              holder.innerHTML = svg;
                              document.body.appendChild(holder);
                              const element = holder.querySelector('svg');
                              const box = element.getBBox();
                              const shapes = element.querySelectorAll('rect, path, polygon, circle, line, text').length;
                              results.push({name, width: box.width, height: box.height, shapes});
                            } catch (e) {
                              results.push({name, error: String(e && e.message || e)});
                            }
                          }
                          document.getElementById('result').textContent = JSON.stringify(results);
                        })();
                        </script></body></html>
                        """);
        Files.writeString(page, html);
        String dom = chromium("--dump-dom", page.toUri().toString());
        int start = dom.indexOf("<pre id=\"result\">") + "<pre id=\"result\">".length();
        String json = dom.substring(start, dom.indexOf("</pre>", start)).replace("&quot;", "\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">");
        return JsonParser.parseString(json).getAsJsonArray();
    }

    /** A PNG of each of one stack's diagrams ({@code target/render/<stack>-<kind>.png}), to look at before committing them. */
    private static void screenshot(String stack, Map<String, String> diagrams) throws IOException, InterruptedException {
        for (Map.Entry<String, String> diagram : diagrams.entrySet()) {
            if (!diagram.getKey().startsWith(stack + "-")) {
                continue;
            }
            String html = "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"" + MERMAID.toUri()
                    + "\"></script></head><body style=\"background:white\"><pre class=\"mermaid\">"
                    + diagram.getValue().replace("&", "&amp;").replace("<", "&lt;")
                    + "</pre><script>mermaid.initialize({startOnLoad: true, flowchart: {useMaxWidth: false}});</script></body></html>";
            Path page = OUT.resolve(diagram.getKey() + ".html");
            Files.writeString(page, html);
            chromium("--screenshot=" + OUT.resolve(diagram.getKey() + ".png"), "--window-size=1800,1100", page.toUri().toString());
        }
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--allow-file-access-from-files",
                "--virtual-time-budget=60000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(OUT.resolve("chromium.log").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/using-the-gateway.md: every stack output its snippets read is one the stack's plan exports, the model alias is in
 * the committed stacks' catalogs, the private mode's address is the tunnel's, and the Python and JavaScript snippets
 * are valid programs for their interpreters.
 */
class UsingTheGatewayDocTest {

    private static final Path DOC = Stacks.PROJECT.resolve("docs/using-the-gateway.md");
    /** The stack names the document uses, and the stack file each stands for. */
    private static final Map<String, PlannedStack> STACKS = Map.of(
            "prod", Plans.stack("prod"), "dev", Plans.stack("dev"),
            "vpn", Plans.example("vpn-private-gateway"), "edge", Plans.example("edge-waf-autoscaled"));

    private static List<String> blocks(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyOutputTheSnippetsReadIsOneTheStackExports() throws IOException {
        Matcher m = Pattern.compile("pulumi stack output -s (\\w+)(?: --show-secrets)? ([\\w-]+)").matcher(Files.readString(DOC));
        int reads = 0;
        while (m.find()) {
            PlannedStack plan = STACKS.get(m.group(1));
            assertTrue(plan != null, "unknown stack " + m.group(1));
            assertTrue(plan.outputs().containsKey(m.group(2)), m.group(1) + " exports no " + m.group(2) + ": " + plan.outputs().keySet());
            reads++;
        }
        assertTrue(reads >= 7, "the four access modes and both secret stores");
        assertEquals("http://localhost:4000", STACKS.get("dev").outputs().get("gatewayUrl"), "private mode is reached through the tunnel");
        assertTrue(STACKS.get("prod").outputs().get("gatewayUrl").toString().startsWith("https://"));
    }

    @Test
    void theModelAliasIsInTheCommittedCatalogsAndEverySnippetUsesIt() throws IOException {
        for (String stack : Stacks.COMMITTED) {
            String config = Plans.stack(stack).one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
            assertTrue(config.contains("model_name: claude-haiku"), stack + " serves claude-haiku");
        }
        for (String language : List.of("python", "javascript", "java")) {
            List<String> snippets = blocks(language);
            assertEquals(1, snippets.size(), language);
            assertTrue(snippets.get(0).contains("\"claude-haiku\"") && snippets.get(0).contains("/v1"), language);
        }
    }

    @Test
    void thePythonAndJavaScriptSnippetsParse(@TempDir Path dir) throws Exception {
        Path python = dir.resolve("hello.py");
        Files.writeString(python, blocks("python").get(0));
        assertEquals(0, run(dir, "python3", "-m", "py_compile", python.toString()), "python3 -m py_compile");
        Path javascript = dir.resolve("hello.mjs");
        Files.writeString(javascript, blocks("javascript").get(0));
        assertEquals(0, run(dir, "node", "--check", javascript.toString()), "node --check");
        String java = blocks("java").get(0);
        assertFalse(java.contains("\"sk-"), "no key in code: it comes from the environment");
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        if (code != 0) {
            System.err.println(output);
        }
        return code;
    }
}

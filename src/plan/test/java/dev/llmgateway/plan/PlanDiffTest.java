package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-request comment computed from a fixture pair of offline plans (base branch and head). */
class PlanDiffTest {

    private static final Path FIXTURES = Stacks.PROJECT.resolve("src/plan/test/resources/plan-diff");

    private static String comment(@TempDir Path out) throws Exception {
        Path file = out.resolve("comment.md");
        int exit = PlanDiffCommand.run(new PrintStream(new ByteArrayOutputStream()), "--base", FIXTURES.resolve("base").toString(),
                "--head", FIXTURES.resolve("head").toString(), "--out", file.toString());
        assertEquals(0, exit);
        return Files.readString(file);
    }

    @Test
    void resourcesAreAddedChangedOrRemovedByUrnAndInputs() throws Exception {
        PlanDiff dev = diff("dev");
        assertEquals(List.of("aws:ec2/natGateway:NatGateway llm-dev-nat"), dev.added());
        assertEquals(List.of("aws:ecs/service:Service llm-dev-proxy"), dev.changed(), "desiredCount 1 -> 2");
        assertEquals(List.of("aws:ec2/instance:Instance llm-dev-nat"), dev.removed());
    }

    @Test
    void theCostDeltaAndTheLinesThatChanged() throws Exception {
        PlanDiff dev = diff("dev");
        assertEquals(42.99, dev.costBefore());
        assertEquals(79.77, dev.costAfter());
        assertEquals(List.of("Fargate vCPU: llm-dev-proxy (ARM64, 100% Spot)", "NAT gateway: llm-dev-nat", "NAT instance: llm-dev-nat (t4g.nano)"),
                List.copyOf(dev.costLines().keySet()), "the unchanged ALB line is left out");
        assertArrayEquals(new double[] {7.09, 14.18}, dev.costLines().get("Fargate vCPU: llm-dev-proxy (ARM64, 100% Spot)"));
        assertArrayEquals(new double[] {3.07, 0.0}, dev.costLines().get("NAT instance: llm-dev-nat (t4g.nano)"));
    }

    @Test
    void newAndResolvedPolicyFindingsAndReachabilityThatBaseDidNotHave() throws Exception {
        PlanDiff dev = diff("dev");
        assertEquals(List.of("MEDIUM LGW-ECS-002 aws:ecs/taskDefinition:TaskDefinition llm-dev-proxy: container litellm has a writable root filesystem"),
                dev.newFindings());
        assertEquals(List.of("HIGH LGW-TLS-002 aws:lb/listener:Listener llm-dev-proxy-http: plain HTTP listener on port 80 serves traffic"),
                dev.resolved());
        assertEquals(List.of("new: from=clients, port=443, to=load balancer (reachable=true)",
                "new: from=proxy tasks, port=5432, to=database (reachable=true)"), dev.reachability());
    }

    @Test
    void theCommentSummarisesEveryStackAndDetailsTheChangedOnes(@TempDir Path out) throws Exception {
        String md = comment(out);
        assertTrue(md.startsWith(PlanComment.MARKER + "\n"), "the workflow finds its comment by the marker");
        assertTrue(md.contains("| dev | +1 ~1 -1 | $42.99 → $79.77 (+$36.78) | 1 new, 1 resolved | 2 change(s) |"), md);
        assertTrue(md.contains("| edge-waf-autoscaled | new stack: +1 ~0 -0 | $0.00 → $412.00 (+$412.00) |"), md);
        assertTrue(md.contains("| prod | **no plan** (planning failed or the stack was removed) | $1,000.50 → ? |"), md);
        assertTrue(md.contains("| NAT instance: llm-dev-nat (t4g.nano) | $3.07 | $0.00 | -$3.07 |"), md);
        assertTrue(md.contains("| Fargate vCPU: llm-dev-proxy (ARM64, 100% Spot) | $7.09 | $14.18 | +$7.09 |"), md);
        assertTrue(md.contains("**Resolved policy findings** (1)"), md);
    }

    @Test
    void identicalPlansReportNoChangeAndAMissingBaseDirectoryIsTolerated(@TempDir Path out) throws Exception {
        var plan = Optional.of(com.google.gson.JsonParser.parseString(Files.readString(FIXTURES.resolve("head/dev.json"))).getAsJsonObject());
        assertTrue(PlanDiff.of("dev", plan, plan).unchanged());
        Path file = out.resolve("c.md");
        assertEquals(0, PlanDiffCommand.run(new PrintStream(new ByteArrayOutputStream()), "--base", out.resolve("absent").toString(),
                "--head", FIXTURES.resolve("head").toString(), "--out", file.toString()));
        assertTrue(Files.readString(file).contains("| dev | new stack: +4 ~0 -0 |"));
    }

    private static PlanDiff diff(String stack) throws Exception {
        return PlanDiff.of(stack, read("base", stack), read("head", stack));
    }

    private static Optional<com.google.gson.JsonObject> read(String side, String stack) throws Exception {
        Path file = FIXTURES.resolve(side).resolve(stack + ".json");
        return Files.exists(file) ? Optional.of(com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject()) : Optional.empty();
    }
}

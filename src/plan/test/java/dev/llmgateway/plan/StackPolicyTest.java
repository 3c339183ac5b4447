package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.PolicyProfile;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy gate over the committed stacks, the examples and the variants the settings allow. */
class StackPolicyTest {

    static List<String> examples() {
        return Stacks.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplePassesItsOwnPolicyGate(String example) {
        PolicyReport policy = PolicyChecks.evaluate(Plans.example(example),
                StackSettings.read(Stacks.example(example)).policyProfile());
        assertTrue(policy.result("LGW-FLOW-001").findings().isEmpty(), () -> example + " blocks a flow:\n" + policy.table());
        assertTrue(policy.result("LGW-QUOTA-001").findings().isEmpty(), () -> example + " overflows a quota:\n" + policy.table());
        assertFalse(policy.fails(), () -> example + " fails its " + policy.profile() + " gate:\n" + policy.table());
    }

    @Test
    void theCommittedStacksAreTheStackFilesInPipelineOrderAndEachPassesItsOwnGate() {
        assertEquals(Stacks.stackFiles(), Stacks.COMMITTED.stream().sorted().toList());
        for (String stack : Stacks.COMMITTED) {
            PolicyReport policy = PolicyChecks.evaluate(Plans.stack(stack), StackSettings.read(Stacks.load(stack)).policyProfile());
            assertFalse(policy.fails(), () -> stack + " fails its " + policy.profile() + " gate:\n" + policy.table());
        }
        assertEquals(PolicyProfile.PROD, StackSettings.read(Stacks.load("staging")).policyProfile(),
                "staging is gated like prod before prod deploys");
    }

    @Test
    void privateAccessPassesTheProdGateAndDrawsOperatorsThroughSsm() {
        PlannedStack plan = Plans.of(Stacks.load("prod").with(Map.of("accessMode", "private", "allowedCidrs", List.of(),
                "allowPlainHttp", false, "requestsPerTarget", 0, "proxyReadOnlyRootFilesystem", false,
                "waf", false, "certificateArn", "", "albDomainName", "", "albHostedZoneId", "")));
        PolicyReport policy = PolicyChecks.evaluate(plan, PolicyProfile.PROD);
        assertEquals(CheckStatus.PASS, policy.result("LGW-IAM-001").status(), policy.table());
        assertEquals(CheckStatus.PASS, policy.result("LGW-NET-003").status(), policy.table());
        String diagram = MermaidDiagram.render(plan);
        assertTrue(diagram.contains("operators -.->|SSM port forwarding| svcLlmProdProxy") && !diagram.contains("Clients"), diagram);
    }

    @Test
    void theWritableRootEscapeHatchShowsInThePolicyCheck() {
        var plan = Plans.of(Stacks.load("dev").with(Map.of("proxyReadOnlyRootFilesystem", false)));
        // The server and its config download, and the deploy's bootstrap and migrate containers.
        assertEquals(4, PolicyChecks.evaluate(plan, PolicyProfile.PROD).findings().stream()
                .filter(f -> f.checkId().equals("LGW-ECS-002")).count());
    }

    @Test
    void thePolicyCheckFindsNoWritableRootForLiteLlmInAnyCommittedStackExceptWhereEcsExecNeedsIt() {
        List<PlannedStack> plans = new ArrayList<>(List.of(Plans.stack("staging"), Plans.stack("prod")));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        assertEquals(List.of(), writableLiteLlmRoots(plans));
        // dev is private: ECS Exec is the only way in and its agent cannot run on a read-only root. The check
        // still reports it (MEDIUM, not gating the dev profile), so the trade-off stays visible in every plan.
        assertEquals(3, writableLiteLlmRoots(List.of(Plans.stack("dev"))).size());
    }

    @Test
    void noCommittedStackLogsACredentialHeaderOrLetsAServiceActForAnotherAccount() {
        List<String> stacks = new ArrayList<>(List.of("dev", "prod"));
        stacks.addAll(Stacks.examples());
        int firewalls = 0;
        for (String name : stacks) {
            PlannedStack plan = name.equals("dev") || name.equals("prod") ? Plans.stack(name) : Plans.example(name);
            PolicyReport report = PolicyChecks.evaluate(plan, PolicyProfile.PROD);
            for (String check : List.of("LGW-LOG-003", "LGW-IAM-002")) {
                assertTrue(report.result(check).findings().isEmpty(), () -> name + ": " + report.result(check).findings());
            }
            assertEquals(CheckStatus.PASS, report.result("LGW-IAM-002").status(), name + " has service roles");
            firewalls += plan.ofType("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").size();
        }
        assertTrue(firewalls >= 2, "the regional and the CloudFront-scoped firewall are both planned somewhere: " + firewalls);
    }

    private static List<String> writableLiteLlmRoots(List<PlannedStack> plans) {
        return plans.stream()
                .flatMap(plan -> PolicyChecks.evaluate(plan, PolicyProfile.PROD).findings().stream())
                .filter(f -> f.checkId().equals("LGW-ECS-002"))
                .map(Finding::message)
                .filter(m -> m.matches("container (litellm|config|migrate|ollama) .*"))
                .toList();
    }
}

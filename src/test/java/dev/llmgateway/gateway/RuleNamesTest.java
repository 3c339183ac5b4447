package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security-group rules are named from their peer, so one change renames (and replaces) nothing else. */
class RuleNamesTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    private static List<String> listenerRules(List<String> cidrs) {
        PlannedStack plan = Plans.of(Stacks.example("dev-public-alb").with(Map.of("allowedCidrs", cidrs)));
        return plan.where(r -> r.type().equals(INGRESS) && r.name().startsWith("llm-dev-public-alb-proxy-lb-"))
                .stream().map(PlannedResource::name).sorted().toList();
    }

    @Test
    void removingTheFirstAllowedCidrLeavesTheOtherRulesNamesUnchanged() {
        List<String> before = listenerRules(List.of("203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/28"));
        List<String> after = listenerRules(List.of("198.51.100.0/24", "192.0.2.0/28"));
        assertEquals(List.of("llm-dev-public-alb-proxy-lb-from-cidr-192-0-2-0-28-80", "llm-dev-public-alb-proxy-lb-from-cidr-198-51-100-0-24-80"),
                after);
        assertTrue(before.containsAll(after), "the remaining rules keep their names: " + before + " vs " + after);
        assertEquals(before.size() - 1, after.size());
    }
}

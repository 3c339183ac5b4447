package dev.llmgateway.gateway;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.llmgateway.components.testing.PlannedResource;
import dev.llmgateway.components.testing.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamPoliciesTest {

    /** Actions AWS offers only on "*" (no resource-level permissions). */
    private static final Set<String> STAR_ONLY = Set.of("ecr:GetAuthorizationToken",
            // ECS Exec (ECS Developer Guide, "Monitor Amazon ECS containers with ECS Exec"): the SSM message
            // channels and the session log group lookup have no resource-level permissions.
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel", "logs:DescribeLogGroups");

    @Test
    void noIdentityPolicyGrantsAWildcardResourceOutsideTheAllowList() {
        List<String> offenders = new ArrayList<>();
        List<PlannedStack> plans = new ArrayList<>(List.of(Plans.stack("dev"), Plans.stack("prod")));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        for (PlannedStack plan : plans) {
            for (PlannedResource policy : plan.ofType("aws:iam/rolePolicy:RolePolicy")) {
                for (JsonElement statement : JsonParser.parseString(policy.string("policy")).getAsJsonObject().getAsJsonArray("Statement")) {
                    var s = statement.getAsJsonObject();
                    boolean starResource = s.get("Resource").toString().contains("\"*\"");
                    boolean allowed = java.util.Arrays.stream(s.get("Action").toString().replaceAll("[\\[\\]\"]", "").split(","))
                            .allMatch(STAR_ONLY::contains);
                    if (starResource && !allowed) {
                        offenders.add(plan.stack() + "/" + policy.name() + ": " + s);
                    }
                    assertTrue(!s.get("Action").toString().contains("\"*\""), "no * action: " + s);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void taskRoleReadsOnlyItsConfigAndInvokesOnlyTheConfiguredModels() {
        PlannedStack prod = Plans.stack("prod");
        String policy = prod.named("aws:iam/rolePolicy:RolePolicy", "llm-prod-proxy-task").string("policy");
        assertTrue(policy.contains("\"Action\":[\"s3:GetObject\"]") && policy.contains("/litellm/config-"), policy);
        assertTrue(policy.contains("inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0"), policy);
        assertTrue(policy.contains("bedrock:InvokeModelWithResponseStream"), policy);
        assertTrue(policy.contains("\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\""), policy);
    }
}

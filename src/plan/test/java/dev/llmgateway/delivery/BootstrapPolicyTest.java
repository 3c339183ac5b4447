package dev.llmgateway.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.plan.DeployPermissions;
import dev.llmgateway.plan.Plans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starting deploy policy in examples/bootstrap covers every action a first deploy, an update and a destroy of
 * every committed stack and example need, derived from the resource types each plan registers
 * ({@link DeployPermissions}), and fits IAM's size limit for a role's inline policies.
 */
class BootstrapPolicyTest {

    private static final Path POLICY = Path.of("examples/bootstrap/deploy-policy.json");
    /** IAM and AWS STS quotas: a role's inline policies total at most 10,240 characters, whitespace not counted. */
    private static final int INLINE_POLICY_LIMIT = 10_240;

    private static List<PlannedStack> everyPlan() {
        List<PlannedStack> plans = new ArrayList<>(List.of(Plans.stack("dev"), Plans.stack("prod")));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        return plans;
    }

    /** The policy's allowed action patterns, as regular expressions (IAM matches actions case-insensitively). */
    private static List<Pattern> allowed() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonElement s : JsonParser.parseString(Files.readString(POLICY)).getAsJsonObject().getAsJsonArray("Statement")) {
            JsonObject statement = s.getAsJsonObject();
            assertEquals("Allow", statement.get("Effect").getAsString());
            for (JsonElement action : statement.getAsJsonArray("Action")) {
                patterns.add(Pattern.compile(action.getAsString().toLowerCase(Locale.ROOT).replace("*", "[a-z0-9]*")));
            }
        }
        return patterns;
    }

    @Test
    void everyResourceTypeOfEveryStackAndExampleHasItsDeployPermissions() {
        Map<String, TreeSet<String>> unknown = new TreeMap<>();
        for (PlannedStack plan : everyPlan()) {
            TreeSet<String> types = new TreeSet<>(DeployPermissions.unknownTypes(plan));
            if (!types.isEmpty()) {
                unknown.put(plan.stack(), types);
            }
        }
        assertEquals(Map.of(), unknown, "add the actions of these types to DeployPermissions and deploy-policy.json");
    }

    @Test
    void theBootstrapDeployPolicyCoversEveryActionEveryStackNeeds() throws IOException {
        List<Pattern> allowed = allowed();
        Map<String, TreeSet<String>> missing = new TreeMap<>();
        for (PlannedStack plan : everyPlan()) {
            DeployPermissions.required(plan).forEach((type, actions) -> actions.stream()
                    .filter(action -> allowed.stream().noneMatch(p -> p.matcher(action.toLowerCase(Locale.ROOT)).matches()))
                    .forEach(action -> missing.computeIfAbsent(plan.stack() + " " + type, k -> new TreeSet<>()).add(action)));
        }
        assertEquals(Map.of(), missing, "examples/bootstrap/deploy-policy.json lacks these");
        // The action the first prod deploy failed on: WAF logging into CloudWatch Logs.
        assertTrue(DeployPermissions.required(Plans.stack("prod"))
                .get("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").contains("logs:CreateLogDelivery"));
    }

    @Test
    void theDeployPolicyFitsARolesInlinePolicyLimit() throws IOException {
        String compact = Files.readString(POLICY).replaceAll("\\s+", "");
        assertTrue(compact.length() <= INLINE_POLICY_LIMIT, compact.length() + " characters");
    }
}

package dev.llmgateway.gateway;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.components.testing.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Seed 003 (Bedrock + metrics): the metrics service as the example stack plans it. */
class MetricsTest {

    private static final String EXAMPLE = "bedrock-budgets-metrics";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static JsonObject statement(String policy, String sid) {
        for (var s : JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement")) {
            if (s.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    @Test
    void withParameterStoreSecretsGrafanaStartsBecauseItsExecutionRoleReadsExactlyItsParameter() {
        PlannedStack plan = Plans.of(Stacks.example(EXAMPLE).with(Map.of("secretStore", "ssm")));

        Object parameterArn = plan.named("aws:ssm/parameter:Parameter", "llm-" + EXAMPLE + "-secrets-grafana-admin-password")
                .output("arn").orElseThrow();
        String policy = plan.named(POLICY, "llm-" + EXAMPLE + "-metrics-execution").string("policy");
        JsonObject read = statement(policy, "ReadGrafanaAdminPassword");
        assertEquals("ssm:GetParameters", read.getAsJsonArray("Action").get(0).getAsString());
        assertEquals(parameterArn, read.get("Resource").getAsString());
        assertEquals("ssm.us-west-2.amazonaws.com", statement(policy, "DecryptSecret").getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
    }

    @Test
    void withSecretsManagerTheExecutionRoleReadsExactlyTheGrafanaSecret() {
        PlannedStack plan = Plans.example(EXAMPLE);

        Object secretArn = plan.named("aws:secretsmanager/secret:Secret", "llm-" + EXAMPLE + "-secrets-grafana-admin-password")
                .output("arn").orElseThrow();
        String policy = plan.named(POLICY, "llm-" + EXAMPLE + "-metrics-execution").string("policy");
        JsonObject read = statement(policy, "ReadGrafanaAdminPassword");
        assertEquals("secretsmanager:GetSecretValue", read.getAsJsonArray("Action").get(0).getAsString());
        assertEquals(secretArn, read.get("Resource").getAsString());
        assertNotNull(statement(policy, "DecryptSecret").getAsJsonObject("Condition"));
    }
}

package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** ARNs a policy's statement with this Sid names (none when it has no such statement). */
    private static Set<String> resources(String policy, String sid) {
        Set<String> arns = new TreeSet<>();
        for (JsonElement e : JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement")) {
            JsonObject s = e.getAsJsonObject();
            if (s.get("Sid").getAsString().equals(sid)) {
                JsonElement r = s.get("Resource");
                (r.isJsonArray() ? r.getAsJsonArray().asList() : List.of(r)).forEach(a -> arns.add(a.getAsString()));
            }
        }
        return arns;
    }

    @Test
    void everyExecutionRoleReadsExactlyTheSecretsItsContainersName() {
        List<PlannedStack> plans = new ArrayList<>(List.of(Plans.stack("dev"), Plans.stack("prod")));
        Stacks.examples().forEach(name -> plans.add(Plans.example(name)));
        int checked = 0;
        for (PlannedStack plan : plans) {
            for (PlannedResource task : plan.ofType("aws:ecs/taskDefinition:TaskDefinition")) {
                String role = task.name().replaceFirst("-task$", "") + "-execution";
                String policy = plan.named("aws:iam/rolePolicy:RolePolicy", role).string("policy");
                Set<String> used = new TreeSet<>();
                JsonParser.parseString(task.string("containerDefinitions")).getAsJsonArray().forEach(c -> {
                    JsonElement secrets = c.getAsJsonObject().get("secrets");
                    if (secrets != null) {
                        secrets.getAsJsonArray().forEach(x -> used.add(x.getAsJsonObject().get("valueFrom").getAsString()
                                .replaceFirst("^(arn:[^:]+:secretsmanager:[^:]+:[^:]+:secret:[^:]+):.*$", "$1")));
                    }
                });
                Set<String> granted = new TreeSet<>(resources(policy, "ReadSecrets"));
                granted.addAll(resources(policy, "ReadParameters"));
                assertEquals(used, granted, plan.stack() + "/" + role);
                checked++;
            }
        }
        assertTrue(checked >= plans.size(), "every plan has a proxy task: " + checked);
    }

    @Test
    void theDatabaseSecretManagedByRdsStaysReadableAndTheStackKeyOnlyThroughTheStoresUsed() {
        // dev keeps its generated secrets in Parameter Store; RDS keeps the master secret in Secrets Manager, which
        // only the bootstrap task reads: the serving tasks sign in with IAM tokens.
        PlannedStack dev = Plans.stack("dev");
        String policy = dev.named("aws:iam/rolePolicy:RolePolicy", "llm-dev-proxy-execution").string("policy");
        assertTrue(resources(policy, "ReadSecrets").isEmpty(), "the serving task never reads the master secret: " + policy);
        assertTrue(!resources(policy, "ReadParameters").isEmpty(), policy);
        assertTrue(policy.contains("\"kms:ViaService\":\"ssm.us-east-1.amazonaws.com\""), policy);
        String bootstrap = dev.named("aws:iam/rolePolicy:RolePolicy", "llm-dev-deploy-bootstrap-execution").string("policy");
        assertEquals(1, resources(bootstrap, "ReadSecrets").size(), bootstrap);
        assertTrue(resources(bootstrap, "ReadSecrets").stream().allMatch(arn -> arn.contains(":secret:rds!")), bootstrap);
        assertTrue(bootstrap.contains("\"kms:ViaService\":\"secretsmanager.us-east-1.amazonaws.com\""), bootstrap);
        Object keyArn = dev.one("aws:kms/key:Key").output("arn").orElseThrow();
        assertEquals(Set.of(String.valueOf(keyArn)), resources(policy, "DecryptSecrets"));
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

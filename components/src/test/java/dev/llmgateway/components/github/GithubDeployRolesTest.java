package dev.llmgateway.components.github;

import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GithubDeployRolesTest {

    /** Two environments and the required policies, no existing provider. */
    private static GithubDeployRolesArgsBuilder args() {
        return GithubDeployRolesArgs.builder().repository("acme/litellm-gateway").environments(List.of("dev", "production"))
                .deployPolicyJson(Output.of("{\"deploy\":1}")).previewPolicyJson(Output.of("{\"preview\":1}"));
    }

    private static PlannedStack plan(Optional<Output<String>> provider) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> new GithubDeployRoles("gh", args().oidcProviderArn(provider).build(), null))
                .orThrow();
    }

    @Test
    void eachEnvironmentGetsARoleTrustedOnlyForItsExactSubjectAndAudience() {
        PlannedStack plan = plan(Optional.empty());
        PlannedResource production = plan.named("aws:iam/role:Role", "gh-deploy-production");
        String trust = production.string("assumeRolePolicy");
        assertTrue(trust.contains("\"token.actions.githubusercontent.com:sub\":\"repo:acme/litellm-gateway:environment:production\""), trust);
        assertTrue(trust.contains("\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\""), trust);
        assertTrue(trust.contains("StringEquals") && !trust.contains("*"), "no wildcard subjects: " + trust);
        String preview = plan.named("aws:iam/role:Role", "gh-preview").string("assumeRolePolicy");
        assertTrue(preview.contains("repo:acme/litellm-gateway:pull_request"), preview);
        assertEquals(3, plan.ofType("aws:iam/role:Role").size());
        assertEquals("{\"preview\":1}", plan.named("aws:iam/rolePolicy:RolePolicy", "gh-preview").string("policy"));
    }

    @Test
    void eachRoleIsTaggedWithTheGithubVariableThatHoldsItsArnAndWhereThatVariableIsSet() {
        PlannedStack plan = plan(Optional.empty());
        assertEquals(Map.of("github-variable", "AWS_ROLE_ARN", "github-variable-scope", "environment:dev"),
                plan.named("aws:iam/role:Role", "gh-deploy-dev").input("tags").orElseThrow());
        assertEquals(Map.of("github-variable", "AWS_PREVIEW_ROLE_ARN", "github-variable-scope", "repository"),
                plan.named("aws:iam/role:Role", "gh-preview").input("tags").orElseThrow());
    }

    @Test
    void thePreviewPolicyMayOnlyReadAndNeverReadSecretValues() {
        String reads = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"s3:GetObject\",\"iam:ListRoles\","
                + "\"ssm:GetParameter\"],\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        assertEquals(reads, GithubDeployRoles.requireReadOnly(reads));
        for (String action : List.of("ec2:RunInstances", "*", "s3:*", "secretsmanager:GetSecretValue", "secretsmanager:Get*", "kms:Decrypt")) {
            String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}";
            var error = assertThrows(IllegalArgumentException.class, () -> GithubDeployRoles.requireReadOnly(policy), action);
            assertTrue(error.getMessage().contains("previewPolicyJson allows " + action), error.getMessage());
        }
    }

    @Test
    void thePreviewRoleIsDeniedDecryptionAndSecretValuesWhateverItsPolicyReads() {
        String deny = plan(Optional.empty()).named("aws:iam/rolePolicy:RolePolicy", "gh-preview-no-secrets").string("policy");
        assertTrue(deny.contains("\"Effect\":\"Deny\"") && deny.contains("\"Resource\":\"*\""), deny);
        // kms:Decrypt: an aws/ssm SecureString needs no KMS grant in the caller's policy, only the absence of a deny.
        GithubDeployRoles.PREVIEW_DENIED.forEach(action -> assertTrue(deny.contains("\"" + action + "\""), action));
        assertTrue(GithubDeployRoles.PREVIEW_DENIED.contains("kms:Decrypt"));
    }

    @Test
    void aPreviewPolicyThatWritesFailsThePlan() {
        PlannedStack plan = OfflineEngine.run("p", "t", "us-east-1", ctx -> new GithubDeployRoles("gh", args()
                .previewPolicyJson(Output.of("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}]}"))
                .build(), null));
        assertTrue(plan.errors().stream().anyMatch(e -> String.valueOf(e).contains("iam:PassRole")
                || String.valueOf(e.getCause()).contains("iam:PassRole")), String.valueOf(plan.errors()));
    }

    @Test
    void theProviderIsCreatedForGithubUnlessOneIsGiven() {
        PlannedResource provider = plan(Optional.empty()).one("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assertEquals("https://token.actions.githubusercontent.com", provider.string("url"));
        assertEquals(List.of("sts.amazonaws.com"), provider.list("clientIdLists"));
        assertTrue(plan(Optional.of(Output.of("arn:aws:iam::1:oidc-provider/x"))).ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").isEmpty());
    }

    @Test
    void wildcardRepositoriesAndEnvironmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> args().repository("acme/*").build());
        assertThrows(IllegalArgumentException.class, () -> args().environments(List.of("*")).build());
    }

    @Test
    void thePreviewPolicyTheBootstrapGuideSuggestsIsAccepted() throws java.io.IOException {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("examples/bootstrap/README.md"));
        int start = guide.indexOf("```json") + "```json".length();
        String policy = guide.substring(start, guide.indexOf("```", start)).trim();
        assertTrue(policy.contains("ec2:Describe*"), policy);
        assertEquals(policy, GithubDeployRoles.requireReadOnly(policy));
    }
}

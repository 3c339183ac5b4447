package dev.llmgateway.components.github;

import com.google.gson.Gson;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap for the project's GitHub workflows: the GitHub OIDC provider (or an existing one), a
 * deploy role per GitHub environment and a preview role for pull requests. Each trust policy pins
 * the token's audience and its exact subject ({@code repo:<owner/name>:environment:<env>} or
 * {@code repo:<owner/name>:pull_request}), so no other repository, branch or event can assume them.
 * Deploy it once per account from a small separate program (see {@code examples/bootstrap/}).
 */
public class GithubDeployRoles extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:github:GithubDeployRoles";
    /** GitHub's OIDC issuer. */
    static final String ISSUER = "token.actions.githubusercontent.com";

    private final Map<String, Output<String>> deployRoleArns = new LinkedHashMap<>();
    private final Output<String> previewRoleArn;
    private final Output<String> providerArn;

    /** Creates the provider (unless given) and the roles. */
    public GithubDeployRoles(String name, GithubDeployRolesArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        // AWS validates GitHub's certificate through its own trust store; no thumbprint is needed.
        this.providerArn = args.oidcProviderArn().orElseGet(() -> new OpenIdConnectProvider(name, OpenIdConnectProviderArgs.builder()
                .url("https://" + ISSUER)
                .clientIdLists("sts.amazonaws.com")
                .build(), child).arn());
        for (String environment : args.environments()) {
            deployRoleArns.put(environment, role(name + "-deploy-" + environment,
                    "repo:" + args.repository() + ":environment:" + environment, args.deployPolicyJson(), child));
        }
        this.previewRoleArn = role(name + "-preview", "repo:" + args.repository() + ":pull_request", args.previewPolicyJson(), child);
        registerOutputs(Map.of("providerArn", providerArn, "previewRoleArn", previewRoleArn));
    }

    /** Deploy role ARN per environment. */
    public Map<String, Output<String>> deployRoleArns() {
        return Map.copyOf(deployRoleArns);
    }

    /** Preview role ARN. */
    public Output<String> previewRoleArn() {
        return previewRoleArn;
    }

    /** The OIDC provider's ARN. */
    public Output<String> providerArn() {
        return providerArn;
    }

    private Output<String> role(String roleName, String subject, Output<String> policy, CustomResourceOptions child) {
        var role = new Role(roleName, RoleArgs.builder()
                .assumeRolePolicy(providerArn.applyValue(provider -> trustPolicy(provider, subject)))
                .maxSessionDuration(3600)
                .build(), child);
        new RolePolicy(roleName, RolePolicyArgs.builder().role(role.id()).policy(policy).build(), child);
        return role.arn();
    }

    /** A web-identity trust policy for exactly one token subject. */
    static String trustPolicy(String providerArn, String subject) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", providerArn));
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        statement.put("Condition", Map.of("StringEquals", Map.of(
                ISSUER + ":aud", "sts.amazonaws.com",
                ISSUER + ":sub", subject)));
        return new Gson().toJson(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }
}

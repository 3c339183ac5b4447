package dev.llmgateway.components.github;

import dev.llmgateway.components.support.Json;
import dev.llmgateway.components.support.PolicyDocument;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bootstrap for the project's GitHub workflows: the GitHub OIDC provider (or an existing one), a
 * deploy role per GitHub environment and a preview role for pull requests. Each trust policy pins
 * the token's audience and its exact subject ({@code repo:<owner/name>:environment:<env>} or
 * {@code repo:<owner/name>:pull_request}), so no other repository, branch or event can assume them.
 * Deploy it once per account from a small separate program (see {@code examples/bootstrap/}).
 *
 * <p>Each role is tagged with the GitHub variable that must hold its ARN ({@link #VARIABLE_TAG}) and
 * where that variable is set ({@link #SCOPE_TAG}): {@value #DEPLOY_ROLE_VARIABLE} in each GitHub
 * environment (a job's {@code environment:} selects both the variable's value and the token subject
 * the role trusts), {@value #PREVIEW_ROLE_VARIABLE} in the repository. {@link #githubVariables()}
 * lists the same, for the bootstrap program to export.
 *
 * <p>The preview role runs the pull request's own code, so its policy must be read-only: only
 * {@code Describe*}, {@code Get*}, {@code List*}-style actions, never secret values (checked here). A second inline
 * policy denies what a read grant could still reach ({@link #PREVIEW_DENIED}): {@code ssm:GetParameter} on an
 * {@code aws/ssm}-encrypted SecureString needs no {@code kms:Decrypt} in the caller's policy, because the AWS managed
 * key's policy lets every principal of the account use it through SSM (AWS KMS developer guide, "AWS managed keys";
 * Systems Manager user guide, "How AWS Systems Manager Parameter Store uses AWS KMS"), but an explicit deny in an
 * identity policy still wins (IAM user guide, "Policy evaluation logic").
 */
public class GithubDeployRoles extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:github:GithubDeployRoles";
    /** GitHub's OIDC issuer. */
    static final String ISSUER = "token.actions.githubusercontent.com";
    /** Variable that holds a deploy role's ARN, set per GitHub environment. */
    public static final String DEPLOY_ROLE_VARIABLE = "AWS_ROLE_ARN";
    /** Repository variable that holds the preview role's ARN. */
    public static final String PREVIEW_ROLE_VARIABLE = "AWS_PREVIEW_ROLE_ARN";
    /** Tag naming the GitHub variable that holds the role's ARN. */
    public static final String VARIABLE_TAG = "github-variable";
    /** Tag naming where that variable is set: {@code repository} or {@code environment:<name>}. */
    public static final String SCOPE_TAG = "github-variable-scope";
    /** Scope of repository-level variables. */
    public static final String REPOSITORY_SCOPE = "repository";
    /** Verbs of read-only actions ({@code ec2:Describe*}, {@code s3:GetObject}, {@code iam:ListRoles}...). */
    private static final Pattern READ_ONLY_ACTION = Pattern.compile("[a-z0-9-]+:(Describe|Get|List|BatchGet|View|Lookup|Search)[A-Za-z0-9*]*");
    /**
     * Read actions that return secret values. SSM SecureString values stay safe without listing
     * {@code ssm:GetParameter} (the program reads public AMI parameters with it): decrypting them needs
     * {@code kms:Decrypt}, which is not a read verb and so is refused.
     */
    private static final List<String> SECRET_READS = List.of("secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue");
    /** Denied to the preview role on every resource, whatever its read-only policy allows: secret values and decryption. */
    public static final List<String> PREVIEW_DENIED = List.of("kms:Decrypt", "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue");

    private final Map<String, Output<String>> deployRoleArns = new LinkedHashMap<>();
    private final Map<String, Map<String, Output<String>>> githubVariables = new LinkedHashMap<>();
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
            String scope = "environment:" + environment;
            Output<String> arn = role(name + "-deploy-" + environment, "repo:" + args.repository() + ":" + scope,
                    args.deployPolicyJson(), DEPLOY_ROLE_VARIABLE, scope, child).arn();
            deployRoleArns.put(environment, arn);
            githubVariables.put(scope, Map.of(DEPLOY_ROLE_VARIABLE, arn));
        }
        var preview = role(name + "-preview", "repo:" + args.repository() + ":pull_request",
                args.previewPolicyJson().applyValue(GithubDeployRoles::requireReadOnly), PREVIEW_ROLE_VARIABLE, REPOSITORY_SCOPE, child);
        new RolePolicy(name + "-preview-no-secrets", RolePolicyArgs.builder().role(preview.id())
                .policy(PolicyDocument.json(List.of(new PolicyDocument.Statement("NoSecretValues", "Deny", null,
                        PREVIEW_DENIED, List.of("*"), Map.of()))))
                .build(), child);
        this.previewRoleArn = preview.arn();
        githubVariables.put(REPOSITORY_SCOPE, Map.of(PREVIEW_ROLE_VARIABLE, previewRoleArn));
        registerOutputs(Map.of("providerArn", providerArn, "previewRoleArn", previewRoleArn));
    }

    /** Deploy role ARN per environment. */
    public Map<String, Output<String>> deployRoleArns() {
        return Map.copyOf(deployRoleArns);
    }

    /**
     * The GitHub variables to set, by scope ({@code repository} or {@code environment:<name>}), each
     * name mapped to the role ARN it must hold.
     */
    public Map<String, Map<String, Output<String>>> githubVariables() {
        return Map.copyOf(githubVariables);
    }

    /** Preview role ARN. */
    public Output<String> previewRoleArn() {
        return previewRoleArn;
    }

    /** The OIDC provider's ARN. */
    public Output<String> providerArn() {
        return providerArn;
    }

    private Role role(String roleName, String subject, Output<String> policy, String variable, String scope,
                      CustomResourceOptions child) {
        var role = new Role(roleName, RoleArgs.builder()
                .assumeRolePolicy(providerArn.applyValue(provider -> trustPolicy(provider, subject)))
                .maxSessionDuration(3600)
                .tags(Map.of(VARIABLE_TAG, variable, SCOPE_TAG, scope))
                .build(), child);
        new RolePolicy(roleName, RolePolicyArgs.builder().role(role.id()).policy(policy).build(), child);
        return role;
    }

    /**
     * Returns {@code policyJson} if every action its Allow statements grant is a read ({@link #READ_ONLY_ACTION})
     * and none reads secret values; throws naming the first offending action otherwise.
     */
    static String requireReadOnly(String policyJson) {
        JsonObject policy = JsonParser.parseString(policyJson).getAsJsonObject();
        JsonElement statements = policy.get("Statement");
        List<JsonElement> list = new ArrayList<>();
        if (statements != null && statements.isJsonArray()) {
            statements.getAsJsonArray().forEach(list::add);
        } else if (statements != null) {
            list.add(statements);
        }
        for (JsonElement element : list) {
            JsonObject statement = element.getAsJsonObject();
            if (!"Allow".equals(statement.get("Effect").getAsString())) {
                continue;
            }
            if (statement.has("NotAction")) {
                throw new IllegalArgumentException("GithubDeployRolesArgs.previewPolicyJson: NotAction grants more than reads; list read actions instead");
            }
            JsonElement actions = statement.get("Action");
            List<String> names = new ArrayList<>();
            if (actions.isJsonArray()) {
                actions.getAsJsonArray().forEach(a -> names.add(a.getAsString()));
            } else {
                names.add(actions.getAsString());
            }
            for (String action : names) {
                Pattern glob = Pattern.compile(Pattern.quote(action).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
                if (!READ_ONLY_ACTION.matcher(action).matches() || SECRET_READS.stream().anyMatch(read -> glob.matcher(read).matches())) {
                    throw new IllegalArgumentException("GithubDeployRolesArgs.previewPolicyJson allows " + action
                            + ": the preview role runs pull-request code, so it may only describe, get or list, and never read secret values");
                }
            }
        }
        return policyJson;
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
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }
}

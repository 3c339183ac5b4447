package dev.llmgateway.components.github;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link GithubDeployRoles}; build with {@link #builder()}.
 *
 * @param repository        {@code owner/name} of the repository whose workflows may assume the roles, no wildcards;
 *                          required
 * @param environments      GitHub environments that deploy, one role each (e.g. dev, production), no wildcards; at
 *                          least one
 * @param deployPolicyJson  inline policy of the deploy roles; required: scope it to what the stack manages
 * @param previewPolicyJson inline policy of the preview role (read-only), for pull requests; required
 * @param oidcProviderArn   an existing GitHub OIDC provider; default none: create one
 */
@ComponentArgs
public record GithubDeployRolesArgs(String repository,
                                    List<String> environments,
                                    Output<String> deployPolicyJson,
                                    Output<String> previewPolicyJson,
                                    Optional<Output<String>> oidcProviderArn) {

    /** Validates the inputs. */
    public GithubDeployRolesArgs {
        Reject.when(repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"),
                "GithubDeployRolesArgs.repository must be owner/name without wildcards, got " + repository);
        environments = List.copyOf(environments);
        Reject.when(environments.isEmpty() || environments.stream().anyMatch(e -> !e.matches("[A-Za-z0-9_.-]+")),
                "GithubDeployRolesArgs.environments must name at least one environment, without wildcards");
        Objects.requireNonNull(deployPolicyJson, "GithubDeployRolesArgs.deployPolicyJson is required");
        Objects.requireNonNull(previewPolicyJson, "GithubDeployRolesArgs.previewPolicyJson is required");
    }

    /** Starts a builder with the defaults. */
    public static GithubDeployRolesArgsBuilder builder() {
        return GithubDeployRolesArgsBuilder.builder();
    }
}

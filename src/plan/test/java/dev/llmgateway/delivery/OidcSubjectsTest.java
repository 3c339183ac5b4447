package dev.llmgateway.delivery;

import com.pulumi.core.Output;
import dev.llmgateway.components.github.GithubDeployRoles;
import dev.llmgateway.components.github.GithubDeployRolesArgs;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workflow job that assumes an AWS role gets a role whose trust policy accepts that job's OIDC
 * token: the role is found the way GitHub resolves {@code vars.X} (the job's environment's variable,
 * else the repository's), through the tags {@link GithubDeployRoles} puts on its roles, and its trust
 * policy must name the subject GitHub puts in the job's token.
 */
class OidcSubjectsTest {

    static final String REPOSITORY = "acme/litellm-gateway";
    /** The environments docs/ci-cd.md and examples/bootstrap tell users to create roles for. */
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production", "acceptance");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\{\\s*vars\\.([A-Z0-9_]+)\\s*}}");

    static PlannedStack bootstrap() {
        return OfflineEngine.run("bootstrap", "github", "us-east-1", ctx -> new GithubDeployRoles("github",
                GithubDeployRolesArgs.builder().repository(REPOSITORY).environments(ENVIRONMENTS)
                        .deployPolicyJson(Output.of("{}")).previewPolicyJson(Output.of("{}")).build(), null)).orThrow();
    }

    /**
     * The {@code sub} claim of a job's token (GitHub docs, "OpenID Connect reference", subject claims):
     * the environment when the job has one, else {@code pull_request} for pull-request events, else the ref
     * (the default branch for push to main, schedule and dispatch).
     */
    static String subject(Workflows.Job job) {
        if (job.environment().isPresent()) {
            return "repo:" + REPOSITORY + ":environment:" + job.environment().get();
        }
        if (job.workflow().triggers().containsKey("pull_request")) {
            return "repo:" + REPOSITORY + ":pull_request";
        }
        return "repo:" + REPOSITORY + ":ref:refs/heads/main";
    }

    /** Mismatches between the jobs of {@code workflows} that assume a role and the roles in {@code roles}. */
    static List<String> mismatches(List<Workflows.Workflow> workflows, PlannedStack roles) {
        List<String> problems = new ArrayList<>();
        for (Workflows.Workflow workflow : workflows) {
            for (Workflows.Job job : workflow.jobs().values()) {
                for (Map<String, Object> step : job.steps()) {
                    if (!String.valueOf(step.get("uses")).startsWith("aws-actions/configure-aws-credentials@")) {
                        continue;
                    }
                    String where = workflow.file() + " job " + job.name();
                    if (!"write".equals(Workflows.map(job.document().get("permissions")).get("id-token"))) {
                        problems.add(where + ": assumes a role without permissions id-token: write");
                    }
                    Matcher variable = VARIABLE.matcher(String.valueOf(Workflows.map(step.get("with")).get("role-to-assume")));
                    if (!variable.matches()) {
                        problems.add(where + ": role-to-assume must be exactly one ${{ vars.NAME }}");
                        continue;
                    }
                    Optional<PlannedResource> role = role(roles, variable.group(1), job.environment());
                    if (role.isEmpty()) {
                        problems.add(where + ": no bootstrap role is held by vars." + variable.group(1)
                                + job.environment().map(e -> " in environment " + e).orElse(" in the repository"));
                        continue;
                    }
                    String subject = subject(job);
                    String trust = role.get().string("assumeRolePolicy");
                    if (!trust.contains("\"token.actions.githubusercontent.com:sub\":\"" + subject + "\"")) {
                        problems.add(where + ": its token's subject " + subject + " is not trusted by role " + role.get().name() + ": " + trust);
                    }
                }
            }
        }
        return problems;
    }

    /** GitHub resolves {@code vars.X} from the job's environment first, then from the repository. */
    private static Optional<PlannedResource> role(PlannedStack roles, String variable, Optional<String> environment) {
        Map<String, PlannedResource> byScope = new LinkedHashMap<>();
        for (PlannedResource role : roles.ofType("aws:iam/role:Role")) {
            if (variable.equals(role.input("tags." + GithubDeployRoles.VARIABLE_TAG).orElse(null))) {
                byScope.put(role.string("tags." + GithubDeployRoles.SCOPE_TAG), role);
            }
        }
        return environment.map(e -> byScope.get("environment:" + e))
                .or(() -> Optional.ofNullable(byScope.get(GithubDeployRoles.REPOSITORY_SCOPE)));
    }

    @Test
    void everyJobThatAssumesARoleIsTrustedByTheRoleItsVariableHolds() {
        List<Workflows.Workflow> workflows = Workflows.all();
        long jobsWithRoles = workflows.stream().flatMap(w -> w.jobs().values().stream())
                .filter(job -> job.steps().stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials@")))
                .count();
        assertEquals(9, jobsWithRoles, "preview, deploy dev, staging and prod, acceptance, image prod, teardown dev, staging and prod");
        assertEquals(List.of(), mismatches(workflows, bootstrap()));
    }

    @Test
    void aJobWhoseEnvironmentDisagreesWithTheRolesTrustIsReported() {
        PlannedStack roles = bootstrap();
        String deploy = """
                on:
                  push:
                    branches: [main]
                jobs:
                  prod:
                    environment: %s
                    permissions:
                      id-token: write
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v4.1.0
                        with:
                          role-to-assume: ${{ vars.%s }}
                """;
        assertEquals(List.of(), mismatches(List.of(Workflows.parse("ok.yml", deploy.formatted("production", "AWS_ROLE_ARN"))), roles));
        // An environment without a role: GitHub falls back to no variable at all.
        assertTrue(mismatches(List.of(Workflows.parse("qa.yml", deploy.formatted("qa", "AWS_ROLE_ARN"))), roles)
                .get(0).contains("no bootstrap role is held by vars.AWS_ROLE_ARN in environment qa"));
        // The old workflow: a deploy job with the (repository) preview variable gets a pull_request-only role.
        assertTrue(mismatches(List.of(Workflows.parse("old.yml", deploy.formatted("production", "AWS_PREVIEW_ROLE_ARN"))), roles)
                .get(0).contains("subject repo:acme/litellm-gateway:environment:production is not trusted by role github-preview"));
        // A preview job moved into an environment changes its token's subject.
        String preview = deploy.replace("push:\n    branches: [main]", "pull_request:").formatted("dev", "AWS_PREVIEW_ROLE_ARN");
        assertTrue(mismatches(List.of(Workflows.parse("preview.yml", preview)), roles).get(0).contains("is not trusted by role github-preview"));
    }
}

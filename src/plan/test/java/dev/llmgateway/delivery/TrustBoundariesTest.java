package dev.llmgateway.delivery;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llmgateway.components.github.GithubDeployRoles;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI trust boundaries, from what GitHub and AWS would do rather than from what the workflow files ask for (a pull
 * request runs its own copy of them). The GitHub side is what {@code scripts/github-environments.sh} configures, read
 * from its calls to a stand-in {@code gh}; the AWS side is the roles {@link GithubDeployRoles} plans. GitHub's rules
 * the model applies: a job that names an environment runs only if the environment's deployment branch policy admits
 * the run's branch, and only then gets that environment's secrets and an OIDC token whose subject is
 * {@code repo:<owner>/<repo>:environment:<name>}; without an environment a pull-request job's subject is
 * {@code repo:<owner>/<repo>:pull_request} and it gets the repository's secrets (GitHub docs, "Managing environments
 * for deployment", "OpenID Connect reference"). A same-repository pull request's branch is never {@code main}, the
 * base; a fork's pull request gets no secrets and no OIDC token at all.
 */
class TrustBoundariesTest {

    private static final String SCRIPT = "scripts/github-environments.sh";
    /** The branch a pull request runs from, as GitHub evaluates deployment branch policies for it. */
    private static final String PULL_REQUEST_BRANCH = "feature/anything";

    /** One environment as the script configures it. */
    record Environment(String name, List<String> branches, int reviewers, boolean preventSelfReview, boolean customBranches) {
        boolean admits(String branch) {
            return customBranches && branches.contains(branch);
        }
    }

    /** What the script did: the environments it configured and its exit. */
    record Configured(Map<String, Environment> environments, int exitCode, String output) {
    }

    private static Configured configured;

    @BeforeAll
    static void runTheScript(@TempDir Path directory) throws Exception {
        configured = run(directory, "PULUMI_PREVIEW_TOKEN");
        assertEquals(0, configured.exitCode(), configured.output());
    }

    /** Runs the script against a stand-in {@code gh} whose repository holds {@code repositorySecrets}. */
    static Configured run(Path directory, String repositorySecrets) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path calls = directory.resolve("calls.log");
        Path gh = bin.resolve("gh");
        Files.writeString(gh, """
                #!/usr/bin/env bash
                # Stand-in for the GitHub CLI: records each call (and a PUT's body) and answers the reads.
                set -euo pipefail
                args="$*"
                if [[ "$args" == *"--method PUT"* ]]; then
                    printf 'PUT %%s %%s\\n' "${@: -3:1}" "$(jq -c . < /dev/stdin)" >> "%1$s"
                elif [[ "$args" == *"--method POST"* ]]; then
                    printf 'POST %%s\\n' "$args" >> "%1$s"
                elif [[ "$args" == *"api users/"* ]]; then echo 101
                elif [[ "$args" == *"api orgs/"* ]]; then echo 202
                elif [[ "$args" == *"deployment-branch-policies"* ]]; then echo ""
                elif [[ "$args" == *"actions/secrets"* ]]; then echo "%2$s"
                else echo "unexpected gh call: $args" >&2; exit 1
                fi
                """.formatted(calls, repositorySecrets));
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", Stacks.PROJECT.resolve(SCRIPT).toString(),
                OidcSubjectsTest.REPOSITORY, "alice", "acme/platform").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Map<String, Environment> environments = new LinkedHashMap<>();
        Map<String, List<String>> branches = new LinkedHashMap<>();
        if (Files.exists(calls)) {
            for (String line : Files.readAllLines(calls)) {
                Matcher post = Pattern.compile("POST .*environments/([^/]+)/deployment-branch-policies.* name=(\\S+).*").matcher(line);
                if (post.matches()) {
                    branches.computeIfAbsent(post.group(1), k -> new ArrayList<>()).add(post.group(2));
                }
            }
            for (String line : Files.readAllLines(calls)) {
                if (line.startsWith("PUT ")) {
                    String[] parts = line.split(" ", 3);
                    String name = parts[1].substring(parts[1].lastIndexOf('/') + 1);
                    JsonObject body = JsonParser.parseString(parts[2]).getAsJsonObject();
                    JsonObject policy = body.getAsJsonObject("deployment_branch_policy");
                    environments.put(name, new Environment(name, branches.getOrDefault(name, List.of()),
                            body.getAsJsonArray("reviewers").size(), body.get("prevent_self_review").getAsBoolean(),
                            policy.get("custom_branch_policies").getAsBoolean() && !policy.get("protected_branches").getAsBoolean()));
                }
            }
        }
        return new Configured(environments, process.exitValue(), output);
    }

    private static List<Workflows.Job> jobs() {
        return Workflows.all().stream().flatMap(w -> w.jobs().values().stream()).toList();
    }

    private static Set<String> secrets(Object document) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("secrets\\.([A-Z][A-Z0-9_]*)").matcher(String.valueOf(document));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The OIDC subjects GitHub would issue to a pull-request job that names {@code environment} (or none). */
    private static Set<String> subjectsOfAPullRequestJob(Optional<String> environment) {
        String repository = "repo:" + OidcSubjectsTest.REPOSITORY + ":";
        if (environment.isEmpty()) {
            return Set.of(repository + "pull_request");
        }
        Environment configuredEnvironment = configured.environments().get(environment.get());
        // An environment nobody configured has no protection: GitHub creates it on first use and runs the job.
        boolean runs = configuredEnvironment == null || configuredEnvironment.admits(PULL_REQUEST_BRANCH);
        return runs ? Set.of(repository + "environment:" + environment.get()) : Set.of();
    }

    private static List<PlannedResource> rolesTrusting(PlannedStack roles, Set<String> subjects) {
        return roles.ofType("aws:iam/role:Role").stream().filter(role -> subjects.stream().anyMatch(subject ->
                role.string("assumeRolePolicy").contains("\"token.actions.githubusercontent.com:sub\":\"" + subject + "\""))).toList();
    }

    @Test
    void everyEnvironmentTheWorkflowsUseDeploysFromMainOnly() {
        Set<String> used = new TreeSet<>();
        jobs().forEach(job -> job.environment().ifPresent(used::add));
        assertEquals(Set.of("acceptance", "dev", "production", "staging"), used);
        for (String name : used) {
            Environment environment = configured.environments().get(name);
            assertTrue(environment != null, name + " is not configured by " + SCRIPT);
            assertTrue(environment.customBranches() && environment.branches().equals(List.of("main")), environment.toString());
            assertFalse(environment.admits(PULL_REQUEST_BRANCH));
        }
    }

    @Test
    void productionWaitsForAReviewerAndDevAtLeastForTheBranchRule() {
        Environment production = configured.environments().get("production");
        assertEquals(2, production.reviewers(), "the user and the team given to the script");
        assertTrue(production.preventSelfReview(), "whoever started the run cannot approve it");
        Environment dev = configured.environments().get("dev");
        assertTrue(dev.reviewers() > 0 || dev.admits("main") && !dev.admits(PULL_REQUEST_BRANCH),
                "dev needs an approval or a branch restriction: " + dev);
    }

    @Test
    void whateverAPullRequestWritesItReachesOnlyThePreviewRoleWhichCannotDecrypt() {
        PlannedStack roles = OidcSubjectsTest.bootstrap();
        // A hostile pull request: one job per environment (and one without), each asking for everything.
        Set<String> subjects = new TreeSet<>(subjectsOfAPullRequestJob(Optional.empty()));
        for (String environment : List.of("dev", "production", "acceptance")) {
            subjects.addAll(subjectsOfAPullRequestJob(Optional.of(environment)));
        }
        List<String> reachable = rolesTrusting(roles, subjects).stream().map(PlannedResource::name).toList();
        assertEquals(List.of("github-preview"), reachable, "subjects a pull request can get: " + subjects);
        String deny = roles.named("aws:iam/rolePolicy:RolePolicy", "github-preview-no-secrets").string("policy");
        assertTrue(deny.contains("\"Deny\"") && deny.contains("kms:Decrypt") && deny.contains("secretsmanager:GetSecretValue"), deny);
        // The model is not vacuous: an unprotected environment would hand out its role.
        Configured unprotected = new Configured(Map.of(), 0, "");
        Configured saved = configured;
        try {
            configured = unprotected;
            assertTrue(rolesTrusting(roles, subjectsOfAPullRequestJob(Optional.of("production"))).stream()
                    .anyMatch(role -> role.name().equals("github-deploy-production")));
        } finally {
            configured = saved;
        }
    }

    @Test
    void deployTokensLiveInEnvironmentsAndPullRequestsReadOnlyThePreviewToken() {
        for (Workflows.Job job : jobs()) {
            Set<String> read = secrets(job.document());
            if (job.workflow().triggers().containsKey("pull_request")) {
                assertTrue(Set.of("PULUMI_PREVIEW_TOKEN").containsAll(read), job.workflow().file() + " " + job.name() + " reads " + read);
            } else if (read.contains("PULUMI_ACCESS_TOKEN")) {
                assertTrue(job.environment().isPresent(), job.workflow().file() + " " + job.name() + " reads a deploy token outside an environment");
            }
        }
        assertTrue(configured.output().contains("environment production: deploys from main only, after a review"), configured.output());
    }

    @Test
    void theScriptRefusesADeployTokenStoredForTheWholeRepository(@TempDir Path directory) throws Exception {
        Configured leaky = run(directory, "PULUMI_PREVIEW_TOKEN PULUMI_ACCESS_TOKEN");
        assertNotEquals(0, leaky.exitCode());
        assertTrue(leaky.output().contains("repository secret PULUMI_ACCESS_TOKEN is readable by every pull request"), leaky.output());
    }

    @Test
    void pullRequestsPreviewOnlyDevAndEveryPulumiStepPinsOneCliVersion() {
        Set<String> versions = new TreeSet<>();
        for (Workflows.Job job : jobs()) {
            for (Map<String, Object> step : job.steps()) {
                if (!String.valueOf(step.get("uses")).startsWith("pulumi/actions@")) {
                    continue;
                }
                Map<String, Object> with = Workflows.map(step.get("with"));
                versions.add(String.valueOf(with.get("pulumi-version")));
                if (job.workflow().triggers().containsKey("pull_request")) {
                    assertEquals("dev", with.get("stack-name"), "a preview decrypts its stack's secrets: never prod from a pull request");
                }
            }
        }
        assertEquals(1, versions.size(), versions.toString());
        assertTrue(versions.iterator().next().matches("\\d+\\.\\d+\\.\\d+"), versions.toString());
    }

    @Test
    void previewsAndDeploysOfAStackAreSerialisedAndADeployIsNeverCancelled() {
        Map<String, Integer> jobsPerGroup = new LinkedHashMap<>();
        for (Workflows.Job job : jobs()) {
            for (Map<String, Object> step : job.steps()) {
                Map<String, Object> with = Workflows.map(step.get("with"));
                Object command = with.get("command");
                if (!String.valueOf(step.get("uses")).startsWith("pulumi/actions@") || command == null) {
                    continue;
                }
                String where = job.workflow().file() + " " + job.name();
                Map<String, Object> concurrency = Workflows.map(job.document().get("concurrency"));
                assertEquals("pulumi-" + with.get("stack-name"), concurrency.get("group"), where);
                jobsPerGroup.merge(String.valueOf(concurrency.get("group")), 1, Integer::sum);
                boolean cancels = Boolean.TRUE.equals(concurrency.get("cancel-in-progress"));
                if (command.equals("preview")) {
                    assertFalse(cancels, where + ": a preview must wait for a running deploy, not cancel it");
                } else if (cancels) {
                    // Cancelling is only safe when no other deploy of the stack can be in the group: the workflow
                    // itself runs one at a time and is the only one deploying that stack.
                    Map<String, Object> workflowGroup = Workflows.map(job.workflow().document().get("concurrency"));
                    assertEquals(false, workflowGroup.get("cancel-in-progress"), where);
                    assertTrue(workflowGroup.containsKey("group"), where);
                }
            }
        }
        assertEquals(Map.of("pulumi-dev", 3, "pulumi-staging", 2, "pulumi-prod", 2), jobsPerGroup,
                "dev: the pull-request preview, the deploy and the teardown; staging and prod: the deploy and the teardown");
    }

    @Test
    void theImagePullRequestIsOpenedWithAnAppTokenSoItsChecksRun() {
        Workflows.Job image = Workflows.load("image.yml").jobs().get("prod");
        Map<String, Object> permissions = Workflows.map(image.document().get("permissions"));
        assertEquals(Map.of("contents", "read", "id-token", "write"), permissions, "the workflow token writes nothing");
        Map<String, Object> pin = image.steps().stream().filter(s -> String.valueOf(s.get("run")).contains("gh pr create"))
                .findFirst().orElseThrow();
        assertEquals("${{ steps.app-token.outputs.token }}", Workflows.map(pin.get("env")).get("GH_TOKEN"));
        assertTrue(image.steps().stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/create-github-app-token@")
                && "app-token".equals(s.get("id"))));
    }
}

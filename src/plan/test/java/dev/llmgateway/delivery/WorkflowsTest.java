package dev.llmgateway.delivery;

import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Actions workflows users get: triggers, least privilege, pinned actions, gates. */
class WorkflowsTest {

    private static final Path WORKFLOWS = Stacks.PROJECT.resolve(".github/workflows");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return new Yaml().load(Files.readString(WORKFLOWS.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> uses(Map<String, Object> workflow) {
        List<String> uses = new ArrayList<>();
        ((Map<String, Object>) workflow.get("jobs")).values().forEach(job ->
                ((List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")).forEach(step -> {
                    if (step.containsKey("uses")) {
                        uses.add((String) step.get("uses"));
                    }
                }));
        return uses;
    }

    @Test
    void everyActionIsPinnedToAnExactVersionAndTopLevelPermissionsAreReadOnly() throws IOException {
        for (Workflows.Workflow each : Workflows.all()) {
            String file = each.file();
            Map<String, Object> workflow = each.document();
            assertEquals(Map.of("contents", "read"), workflow.get("permissions"), file);
            for (String use : uses(workflow)) {
                assertTrue(use.matches("[\\w.-]+/[\\w.-]+@v\\d+\\.\\d+\\.\\d+"), file + ": not pinned to an exact version: " + use);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsRunTheReadmeTestCommandAndPlanEveryStackAndExampleWithoutCredentials() throws IOException {
        Map<String, Object> workflow = load("pull-request.yml");
        Map<String, Object> on = (Map<String, Object>) workflow.get(true); // YAML 1.1 reads the key `on` as true
        assertTrue(on.containsKey("pull_request"));
        String steps = job(workflow, "test-and-plan").get("steps").toString();
        assertTrue(steps.contains("./mvnw -B test"));
        assertTrue(steps.contains("for file in Pulumi.dev.yaml Pulumi.staging.yaml Pulumi.prod.yaml examples/*.yaml")
                && steps.contains("-Pplan"));
        assertTrue(!job(workflow, "test-and-plan").containsKey("permissions"), "no OIDC token for untrusted code");
    }

    @Test
    void previewNeedsThePreviewRoleAndANonForkPullRequest() throws IOException {
        Map<String, Object> preview = job(load("pull-request.yml"), "preview");
        String condition = (String) preview.get("if");
        assertTrue(condition.contains("vars.AWS_PREVIEW_ROLE_ARN != ''") && condition.contains("head.repo.full_name == github.repository"));
        assertTrue(!preview.containsKey("environment"), "the pull_request subject is what the preview role trusts");
        assertEquals(Map.of("contents", "read", "id-token", "write", "pull-requests", "write"), preview.get("permissions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prodDeploysOnlyAfterDevAndStagingSucceededOnTheSameCommitThroughTheProtectedEnvironment() throws IOException {
        Map<String, Object> deploy = load("deploy.yml");
        assertEquals(Map.of("branches", List.of("main")), ((Map<String, Object>) deploy.get(true)).get("push"));
        assertEquals("dev", job(deploy, "dev").get("environment"));
        Map<String, Object> staging = job(deploy, "staging");
        assertEquals("staging", staging.get("environment"));
        assertEquals("dev", staging.get("needs"));
        assertTrue(staging.get("steps").toString().contains("-Dstack=staging") && staging.get("steps").toString()
                .contains("stack-name=staging"), "staging passes the offline policy gate, then deploys itself");
        // The deploy workflow succeeds only when dev and then staging did: prod follows its completion.
        Map<String, Object> workflow = load("deploy-prod.yml");
        assertEquals(Map.of("workflows", List.of("deploy"), "types", List.of("completed"), "branches", List.of("main")),
                ((Map<String, Object>) workflow.get(true)).get("workflow_run"));
        Map<String, Object> prod = job(workflow, "prod");
        assertEquals("github.event.workflow_run.conclusion == 'success'", prod.get("if"));
        assertEquals("production", prod.get("environment"));
        assertEquals(Map.of("contents", "read", "id-token", "write"), prod.get("permissions"));
        assertEquals(false, ((Map<String, Object>) prod.get("concurrency")).get("cancel-in-progress"));
        String steps = prod.get("steps").toString();
        assertTrue(steps.contains("ref=${{ github.event.workflow_run.head_sha }}"), "the commit dev got: " + steps);
        assertTrue(steps.contains("-Dstack=prod"), "prod passes the offline policy gate first");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommentIsPostedWithoutRunningPullRequestCode() throws IOException {
        Map<String, Object> workflow = load("pull-request-comment.yml");
        assertEquals(Map.of("workflows", List.of("pull-request"), "types", List.of("completed")),
                ((Map<String, Object>) workflow.get(true)).get("workflow_run"));
        Map<String, Object> comment = job(workflow, "comment");
        assertEquals(Map.of("actions", "read", "pull-requests", "write"), comment.get("permissions"));
        String steps = comment.get("steps").toString();
        assertTrue(!steps.contains("checkout") && !steps.contains("mvnw"), "nothing from the pull request is executed");
        assertTrue(steps.contains("^[0-9]+$") && steps.contains("HEAD_SHA"), "the artifact's PR number is validated");
        String planSteps = job(load("pull-request.yml"), "test-and-plan").get("steps").toString();
        assertTrue(planSteps.contains("PlanDiffCommand") && planSteps.contains("name=pr-comment"), planSteps);
    }

    @Test
    void docsNameEveryVariableAndSecretTheWorkflowsRead() throws IOException {
        String docs = Files.readString(Stacks.PROJECT.resolve("docs/ci-cd.md"));
        StringBuilder all = new StringBuilder();
        for (Workflows.Workflow workflow : Workflows.all()) {
            all.append(Files.readString(WORKFLOWS.resolve(workflow.file())));
        }
        java.util.regex.Matcher references = java.util.regex.Pattern.compile("\\b(vars|secrets)\\.([A-Z][A-Z0-9_]*)").matcher(all);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (references.find()) {
            names.add(references.group(2));
        }
        assertEquals(java.util.Set.of("AWS_PREVIEW_ROLE_ARN", "AWS_REGION", "AWS_ROLE_ARN", "IMAGE_APP_ID", "IMAGE_APP_PRIVATE_KEY",
                "IMAGE_REPOSITORY_URL", "PULUMI_ACCESS_TOKEN", "PULUMI_PREVIEW_TOKEN"), names);
        for (String name : names) {
            assertTrue(docs.contains("`" + name + "`"), "docs/ci-cd.md does not name " + name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void teardownIsByHandWithTheNameTypedTwiceAndProdWaitsForTheProductionReviewers() throws IOException {
        Map<String, Object> workflow = load("teardown.yml");
        Map<String, Object> on = (Map<String, Object>) workflow.get(true);
        assertEquals(List.of("workflow_dispatch"), List.copyOf(on.keySet()), "never on a push or a schedule");
        Map<String, String> environments = Map.of("dev", "dev", "staging", "staging", "prod", "production");
        environments.forEach((stack, environment) -> {
            Map<String, Object> job = job(workflow, stack);
            assertEquals(environment, job.get("environment"));
            assertEquals("inputs.stack == '" + stack + "'", job.get("if"));
            String steps = job.get("steps").toString();
            assertTrue(steps.indexOf("typed twice") < steps.indexOf("command=destroy"), "the name is checked before anything is destroyed");
            assertTrue(steps.contains("stack-name=" + stack) && !steps.contains("unprotect") && !steps.contains("--target"), steps);
        });
    }
}

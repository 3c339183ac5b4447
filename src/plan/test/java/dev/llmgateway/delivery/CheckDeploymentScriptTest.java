package dev.llmgateway.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .ci/check-deployment fails the deploy job when ECS rolled the deployment back, and passes when the
 * service runs the declared task definition. The pulumi and aws CLIs are replaced by stubs on PATH.
 */
class CheckDeploymentScriptTest {

    private static final String DECLARED = "arn:aws:ecs:us-east-1:123456789012:task-definition/llm-prod-proxy:8";
    private static final String PREVIOUS = "arn:aws:ecs:us-east-1:123456789012:task-definition/llm-prod-proxy:7";

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path dir, String running, String rollout) throws IOException, InterruptedException {
        stub(dir, "pulumi", """
                case "$*" in
                  *clusterName*) echo llm-prod-proxy ;;
                  *serviceName*) echo llm-prod-proxy-svc ;;
                  *taskDefinitionArn*) echo %s ;;
                  *) exit 2 ;;
                esac
                """.formatted(DECLARED));
        stub(dir, "aws", """
                case "$*" in
                  *"ecs describe-services"*taskDefinition*) printf '%%s\\t%%s\\n' %s %s ;;
                  *"ecs describe-services"*events*) echo "service llm-prod-proxy-svc deployment failed: tasks failed to start." ;;
                  *"ecs list-tasks"*) echo arn:aws:ecs:us-east-1:123456789012:task/llm-prod-proxy/abc ;;
                  *"ecs describe-tasks"*) echo "TaskFailedToStart CannotPullContainerError" ;;
                  *) exit 2 ;;
                esac
                """.formatted(running, rollout));
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of(".ci/check-deployment").toAbsolutePath().toString(), "prod")
                .redirectErrorStream(true);
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static void stub(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void passesWhenTheServiceRunsTheDeclaredTaskDefinition(@TempDir Path dir) throws Exception {
        Run run = run(dir, DECLARED, "COMPLETED");
        assertEquals(0, run.exitCode(), run.output());
    }

    @Test
    void failsAndShowsWhyWhenTheCircuitBreakerRolledBack(@TempDir Path dir) throws Exception {
        Run run = run(dir, PREVIOUS, "COMPLETED");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("rolled back") && run.output().contains("CannotPullContainerError"), run.output());
    }

    @Test
    void failsWhileTheDeclaredDeploymentHasNotCompleted(@TempDir Path dir) throws Exception {
        assertEquals(1, run(dir, DECLARED, "FAILED").exitCode());
    }
}

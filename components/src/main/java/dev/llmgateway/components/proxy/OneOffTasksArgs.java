package dev.llmgateway.components.proxy;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link OneOffTasks}; build with {@link #builder()}.
 *
 * @param region           region of the tasks and of the secrets their containers name; required
 * @param vpcId            VPC of the tasks' security group; required
 * @param subnetIds        private subnets the tasks run in; required
 * @param kmsKeyArn        customer key of the log groups and of the secrets the containers name; required
 * @param architecture     CPU architecture of the tasks; default {@link #DEFAULT_ARCHITECTURE}
 * @param logRetentionDays log retention in days, a value CloudWatch Logs accepts; default {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param timeoutSeconds   how long {@code pulumi up} waits for one task before stopping it and failing, 60..3600;
 *                         default {@value #DEFAULT_TIMEOUT_SECONDS}
 */
@ComponentArgs
public record OneOffTasksArgs(String region,
                              Output<String> vpcId,
                              Output<List<String>> subnetIds,
                              Output<String> kmsKeyArn,
                              @Initializer("DEFAULT_ARCHITECTURE") CpuArchitecture architecture,
                              @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                              @Initializer("DEFAULT_TIMEOUT_SECONDS") int timeoutSeconds) {

    /** Default architecture: Graviton, cheaper than x86-64 on Fargate. */
    public static final CpuArchitecture DEFAULT_ARCHITECTURE = CpuArchitecture.ARM64;
    /** Default log retention in days. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /**
     * Default wait for one task: image pull, start, and LiteLLM's migrations (its migration resolver retries
     * {@code prisma migrate deploy} four times with a 60-second timeout each: litellm-proxy-extras utils.py).
     */
    public static final int DEFAULT_TIMEOUT_SECONDS = 1200;

    /** Validates the inputs. */
    public OneOffTasksArgs {
        Objects.requireNonNull(region, "OneOffTasksArgs.region is required");
        Objects.requireNonNull(vpcId, "OneOffTasksArgs.vpcId is required");
        Objects.requireNonNull(subnetIds, "OneOffTasksArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "OneOffTasksArgs.kmsKeyArn is required");
        Reject.unless(LogRetention.accepts(logRetentionDays), "OneOffTasksArgs.logRetentionDays must be one of " + LogRetention.DAYS);
        Reject.when(timeoutSeconds < 60 || timeoutSeconds > 3600, "OneOffTasksArgs.timeoutSeconds must be 60..3600, got " + timeoutSeconds);
    }

    /** Starts a builder with the defaults. */
    public static OneOffTasksArgsBuilder builder() {
        return OneOffTasksArgsBuilder.builder();
    }
}

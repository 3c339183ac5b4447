package dev.llmgateway.components.proxy;

import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.support.AwsScope;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.components.support.SecretGrants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two IAM roles of the task: the execution role ECS uses to pull images, write logs and
 * resolve the containers' {@code valueFrom} secrets (exactly the ARNs the containers name, and the key
 * only through their stores: {@link SecretGrants}), and the task role the application itself runs as
 * (only the policy the caller hands in).
 *
 * @param execution execution role
 * @param task      task role
 * @param policies  their inline policies: what runs the task waits for them
 */
record TaskRoles(Role execution, Role task, List<RolePolicy> policies) {

    private static final Pattern ECR_IMAGE = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");
    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    /**
     * Creates both roles and their inline policies.
     *
     * @param name         prefix of the roles' names
     * @param region       region of the secrets the containers name
     * @param containers   the task's containers: their images and {@code valueFrom} secrets decide the execution role's grants
     * @param kmsKeyArn    the key of those secrets
     * @param taskPolicy   inline policy of the task role, if any
     * @param logGroupArns the containers' log groups
     * @param purpose      what the task role is for (its description)
     * @param scope        the account and partition: both roles only for this account's ECS, the task role also only for
     *                     its tasks (ECS developer guide, "Amazon ECS task IAM role": aws:SourceArn
     *                     arn:...:ecs:<region>:<account>:*); the execution role keeps aws:SourceAccount alone, the one
     *                     condition the ECS guide shows for it
     */
    static TaskRoles create(String name, String region, List<ContainerSpec> containers, Output<String> kmsKeyArn,
                            Optional<Output<String>> taskPolicy, Map<String, Output<String>> logGroupArns, String purpose,
                            Output<AwsScope> scope, CustomResourceOptions options) {
        var execution = new Role(PhysicalName.autoNamed(name + "-execution", NameRule.IAM_ROLE), RoleArgs.builder()
                .assumeRolePolicy(scope.applyValue(s -> PolicyDocument.assumeRole(ECS_TASKS, s, Optional.empty())))
                .description("ECS execution role: pull images, write logs, resolve the task's secrets")
                .build(), options);
        List<Output<String>> logArns = new ArrayList<>(logGroupArns.values());
        // The grants follow from use: exactly the ARNs the containers resolve with valueFrom.
        List<Output<String>> secretArns = containers.stream()
                .flatMap(c -> c.secrets().values().stream()).toList();
        List<RolePolicy> policies = new ArrayList<>();
        policies.add(new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(execution.id())
                .policy(Output.tuple(Output.all(logArns), Output.all(secretArns), kmsKeyArn)
                        .applyValue(t -> PolicyDocument.json(executionStatements(region, containers, t.t1, t.t2, t.t3))))
                .build(), options));

        var task = new Role(PhysicalName.autoNamed(name + "-task", NameRule.IAM_ROLE), RoleArgs.builder()
                .assumeRolePolicy(scope.applyValue(s -> PolicyDocument.assumeRole(ECS_TASKS, s, Optional.of(s.arn("ecs", "*")))))
                .description(purpose)
                .build(), options);
        taskPolicy.ifPresent(policy -> policies.add(new RolePolicy(name + "-task", RolePolicyArgs.builder()
                .role(task.id()).policy(policy).build(), options)));
        return new TaskRoles(execution, task, List.copyOf(policies));
    }

    private static List<Statement> executionStatements(String region, List<ContainerSpec> containers, List<String> logGroups,
                                                       List<String> secretArns, String keyArn) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                logGroups.stream().map(arn -> arn + ":*").toList()));
        List<String> repositories = containers.stream()
                .map(c -> ECR_IMAGE.matcher(c.image()))
                .filter(Matcher::matches)
                // The partition is the one of the log groups' ARNs (aws, aws-cn, aws-us-gov...): same account.
                .map(m -> "arn:" + logGroups.get(0).split(":")[1] + ":ecr:" + m.group(2) + ":" + m.group(1) + ":repository/" + m.group(3))
                .distinct().toList();
        if (!repositories.isEmpty()) {
            // GetAuthorizationToken has no resource-level permissions: AWS requires "*".
            statements.add(Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")));
            statements.add(Statement.allow("PullImages",
                    List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), repositories));
        }
        statements.addAll(SecretGrants.read(secretArns, keyArn, region));
        return statements;
    }

    /**
     * What ECS Exec needs from the task role (ECS Developer Guide, "Monitor Amazon ECS containers with ECS Exec";
     * checked action by action in AWS's own aws-containers/amazon-ecs-exec-checker, check-ecs-exec.sh): the SSM
     * message channels (no resource-level permissions: "*"), writing session logs to the exec log group (the
     * log-group lookup is "*" too), and kms:Decrypt on the key that encrypts sessions.
     */
    static void allowExecuteCommand(String name, Role task, Output<String> logGroupArn, Output<String> keyArn,
                                    CustomResourceOptions options) {
        new RolePolicy(name + "-exec", RolePolicyArgs.builder()
                .role(task.id())
                .policy(Output.tuple(logGroupArn, keyArn).applyValue(t -> PolicyDocument.json(List.of(
                        Statement.allow("SessionChannels", List.of("ssmmessages:CreateControlChannel",
                                "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
                                "ssmmessages:OpenDataChannel"), List.of("*")),
                        Statement.allow("FindSessionLogGroup", List.of("logs:DescribeLogGroups"), List.of("*")),
                        Statement.allow("WriteSessionLogs", List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
                                "logs:PutLogEvents"), List.of(t.t1 + ":*")),
                        Statement.allow("DecryptSessions", List.of("kms:Decrypt"), List.of(t.t2))))))
                .build(), options);
    }
}

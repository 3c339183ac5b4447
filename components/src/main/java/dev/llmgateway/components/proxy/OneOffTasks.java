package dev.llmgateway.components.proxy;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.command.Command;
import dev.llmgateway.components.bindings.command.CommandArgs;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.support.AwsScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks that run once per deploy, to completion, in order, before what depends on them: database bootstrap and schema
 * migrations, as LiteLLM's own AWS module runs them ({@code terraform/litellm/aws/bootstrap.tf}: one-off ECS tasks
 * started during apply, services depending on them). Each task is an ECS task definition of its own family in this
 * component's cluster and security group, and a {@code command:local:Command} that {@code pulumi up} runs: it starts
 * the task ({@code run-task.sh}), waits for it to stop and fails the update, naming the exit code and the log stream,
 * unless the container exited 0. A task runs again only when its inputs change (its task definition revision, its
 * triggers); {@code pulumi preview} runs nothing.
 */
public class OneOffTasks extends ComponentResource implements Connectable {

    /** Type token. */
    public static final String TYPE = "llmgateway:proxy:OneOffTasks";
    /** Seconds between two looks at a running task. */
    static final int POLL_SECONDS = 6;

    private final String name;
    private final OneOffTasksArgs args;
    private final Cluster cluster;
    private final SecurityGroup securityGroup;
    private final Connections connections;
    private final Map<String, Output<String>> taskDefinitionArns = new LinkedHashMap<>();
    private final java.util.Set<String> usedKeys = new java.util.HashSet<>();
    private Optional<Command> last = Optional.empty();

    /** Creates the cluster and the tasks' security group; {@link #run} adds the tasks. */
    public OneOffTasks(String name, OneOffTasksArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        this.args = args;
        var child = CustomResourceOptions.builder().parent(this).build();
        // A cluster of its own: the tasks exist before any service, and their failures are told apart from the services'.
        this.cluster = new Cluster(name, ClusterArgs.builder().build(), child);
        this.securityGroup = new SecurityGroup(name + "-tasks", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("One-off deploy tasks: no inbound traffic")
                .build(), child);
        // No egress until the caller opens it: the database, and the registries and AWS APIs the images need.
        this.connections = Connections.of(this, name, "deploy-tasks", "one-off deploy tasks", securityGroup.id())
                .withSubnets(args.subnetIds());
        registerOutputs(Map.of("clusterName", cluster.name()));
    }

    /**
     * Declares {@code task} and the command that runs it, after the previously declared one. Returns that command:
     * what must wait for the task's success depends on it.
     */
    public Command run(OneOffTask task) {
        ContainerSpec container = task.container();
        // Children are named after the container: unique within the component, short in the resource tree.
        String key = name + "-" + container.name();
        if (taskDefinitionArns.containsKey(task.family()) || usedKeys.contains(key)) {
            throw new IllegalArgumentException("OneOffTasks " + name + ": family " + task.family() + " or container "
                    + container.name() + " declared twice");
        }
        usedKeys.add(key);
        var child = CustomResourceOptions.builder().parent(this).build();
        var logGroup = new LogGroup(key, LogGroupArgs.builder()
                .name("/ecs/" + task.family())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child);
        TaskRoles roles = TaskRoles.create(key, args.region(), task.containers(), args.kmsKeyArn(), task.taskPolicy(),
                Map.of(container.name(), logGroup.arn()), "One-off task " + task.family(), AwsScope.of(this), child);
        // One log group per task; each container writes its own streams (<container>/<container>/<task id>).
        Map<String, Output<String>> logGroups = new LinkedHashMap<>();
        task.containers().forEach(c -> logGroups.put(c.name(), logGroup.name()));
        var definition = new TaskDefinition(key, ContainerDefinitions.fargateTask(task.family(), task.cpu(), task.memory(),
                args.architecture(), roles, task.containers(), logGroups, args.region()), child);
        taskDefinitionArns.put(task.family(), definition.arn());

        Output<Map<String, String>> environment = Output.tuple(cluster.name(), definition.arn(), args.subnetIds(),
                securityGroup.id(), logGroup.name()).applyValue(t -> {
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("FAMILY", task.family());
                    env.put("REGION", args.region());
                    env.put("CLUSTER", t.t1);
                    env.put("TASK_DEFINITION", t.t2);
                    env.put("CONTAINER", container.name());
                    env.put("SUBNETS", String.join(",", t.t3));
                    env.put("SECURITY_GROUPS", t.t4);
                    env.put("LOG_GROUP", t.t5);
                    env.put("STARTED_BY", "pulumi-up");
                    env.put("TIMEOUT_SECONDS", Integer.toString(args.timeoutSeconds()));
                    env.put("POLL_SECONDS", Integer.toString(POLL_SECONDS));
                    return env;
                });
        List<Resource> before = new ArrayList<>(task.dependencies());
        before.addAll(roles.policies());
        last.ifPresent(before::add);
        var command = new Command(key + "-run", CommandArgs.builder()
                .create(script())
                .interpreter(List.of("/bin/sh", "-c"))
                .environment(environment)
                .triggers(Output.all(task.triggers()).applyValue(values -> List.<Object>copyOf(values)))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(before).build());
        this.last = Optional.of(command);
        return command;
    }

    /** The tasks' group: no inbound rules; egress as the caller allows it. */
    @Override
    public Connections connections() {
        return connections;
    }

    /** The cluster the tasks run in. */
    public Output<String> clusterName() {
        return cluster.name();
    }

    /** The task definition ARN (with revision) of each family declared so far. */
    public Map<String, Output<String>> taskDefinitionArns() {
        return java.util.Collections.unmodifiableMap(taskDefinitionArns);
    }

    /** The script every task's command runs ({@code run-task.sh}). */
    static String script() {
        try (InputStream in = OneOffTasks.class.getResourceAsStream("run-task.sh")) {
            if (in == null) {
                throw new IllegalStateException("run-task.sh is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

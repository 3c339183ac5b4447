package dev.llmgateway.components.proxy;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.support.Reject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task for {@link OneOffTasks#run}: what runs, how big, with which permissions, after what.
 *
 * @param family       task definition family, also the name alarms and operators find it by (ECS: up to 255 letters,
 *                     digits, {@code -} and {@code _})
 * @param container    the container whose exit code is the task's result (essential)
 * @param helpers      containers that run before it and exit (e.g. one that makes task volumes writable); the
 *                     result container waits for them with {@code dependsOn}
 * @param cpu          task CPU units
 * @param memory       task memory in MiB, a Fargate size with {@code cpu}
 * @param taskPolicy   inline policy of the task role, if the container calls AWS
 * @param triggers     values whose change runs the task again although its task definition did not change (e.g. the
 *                     database's resource id: a replaced database)
 * @param dependencies what must exist before the task runs (e.g. the database instance)
 */
public record OneOffTask(String family, ContainerSpec container, List<ContainerSpec> helpers, int cpu, int memory,
                         Optional<Output<String>> taskPolicy, List<Output<String>> triggers, List<Resource> dependencies) {

    /** Validates the task. */
    public OneOffTask {
        Reject.unless(family != null && family.matches("[A-Za-z0-9_-]{1,255}"),
                "OneOffTask.family must be 1..255 letters, digits, - or _, got " + family);
        Objects.requireNonNull(container, "OneOffTask.container is required");
        Reject.unless(container.essential(), "OneOffTask.container must be essential: its exit is the task's result");
        FargateSizes.problem(cpu, memory).ifPresent(problem -> {
            throw new IllegalArgumentException("OneOffTask " + family + ": cpu " + cpu + " / memory " + memory + ": " + problem);
        });
        helpers = List.copyOf(helpers);
        Reject.unless(helpers.stream().noneMatch(ContainerSpec::essential), "OneOffTask.helpers must not be essential");
        triggers = List.copyOf(triggers);
        dependencies = List.copyOf(dependencies);
    }

    /** Every container of the task definition, the result container first. */
    public List<ContainerSpec> containers() {
        List<ContainerSpec> all = new java.util.ArrayList<>();
        all.add(container);
        all.addAll(helpers);
        return all;
    }
}

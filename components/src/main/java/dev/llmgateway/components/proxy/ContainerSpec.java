package dev.llmgateway.components.proxy;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of the task. Plain configuration goes in {@link #environment()}; anything
 * sensitive goes in {@link #secrets()} as an ARN that ECS resolves at start ({@code valueFrom}),
 * so secret values never appear in the task definition.
 *
 * @param name                   container name
 * @param image                  image reference, pinned
 * @param essential              whether the task stops when this container stops
 * @param port                   container port, if it listens
 * @param cpu                    CPU units reserved, if any
 * @param memoryReservation      soft memory reservation in MiB, if any
 * @param environment            non-secret environment (values may be outputs such as endpoints)
 * @param secrets                environment names to Secrets Manager / SSM ARNs ({@code valueFrom})
 * @param command                command override
 * @param entryPoint             entry point override
 * @param healthCheck            health check
 * @param dependsOn              other containers and the condition to wait for
 * @param readonlyRootFilesystem read-only root file system
 * @param user                   user to run as
 * @param mounts                 task volumes mounted into the container, by volume name
 * @param stopTimeoutSeconds     seconds between SIGTERM and SIGKILL, if not ECS's default (30)
 * @param dropAllCapabilities    whether every Linux capability is dropped ({@code linuxParameters.capabilities.drop})
 */
public record ContainerSpec(String name, String image, boolean essential, Optional<Integer> port, Optional<Integer> cpu,
                            Optional<Integer> memoryReservation, Map<String, Output<String>> environment,
                            Map<String, Output<String>> secrets, List<String> command, List<String> entryPoint,
                            Optional<HealthCheck> healthCheck, Map<String, ContainerCondition> dependsOn,
                            boolean readonlyRootFilesystem, Optional<String> user, Map<String, Mount> mounts,
                            Optional<Integer> stopTimeoutSeconds, boolean dropAllCapabilities) {

    /** The same container, also waiting for {@code container} to reach {@code condition}. */
    public ContainerSpec dependingOn(String container, ContainerCondition condition) {
        Map<String, ContainerCondition> more = new LinkedHashMap<>(dependsOn);
        more.put(container, condition);
        return new ContainerSpec(name, image, essential, port, cpu, memoryReservation, environment, secrets, command,
                entryPoint, healthCheck, Map.copyOf(more), readonlyRootFilesystem, user, mounts, stopTimeoutSeconds,
                dropAllCapabilities);
    }

    /**
     * A task volume mounted into a container. Task volumes without a host path are Fargate task storage:
     * empty at task start, shared by the containers that mount them, gone when the task stops. They are
     * how a container with a read-only root file system gets the few paths it must write.
     *
     * @param path     mount path in the container
     * @param readOnly whether this container may only read it
     */
    public record Mount(String path, boolean readOnly) {
    }

    /** Starts a builder for a container with a name and an image. */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    /** Builder of {@link ContainerSpec}. */
    public static final class Builder {
        private final String name;
        private final String image;
        private boolean essential = true;
        private Integer port;
        private Integer cpu;
        private Integer memoryReservation;
        private final Map<String, Output<String>> environment = new LinkedHashMap<>();
        private final Map<String, Output<String>> secrets = new LinkedHashMap<>();
        private List<String> command = List.of();
        private List<String> entryPoint = List.of();
        private HealthCheck healthCheck;
        private final Map<String, ContainerCondition> dependsOn = new LinkedHashMap<>();
        private boolean readonlyRootFilesystem = true;
        private String user;
        private final Map<String, Mount> mounts = new LinkedHashMap<>();
        private Integer stopTimeoutSeconds;
        private boolean dropAllCapabilities;

        private Builder(String name, String image) {
            if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
                throw new IllegalArgumentException("ContainerSpec.name must be letters, digits, - and _: " + name);
            }
            this.name = name;
            this.image = Objects.requireNonNull(image);
        }

        /** Whether the task stops with this container; default true. */
        public Builder essential(boolean essential) {
            this.essential = essential;
            return this;
        }

        /** Port the container listens on; default none. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** CPU units reserved; default none (share the task's). */
        public Builder cpu(int cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Soft memory reservation in MiB; default none. */
        public Builder memoryReservation(int mib) {
            this.memoryReservation = mib;
            return this;
        }

        /** A plain environment variable. */
        public Builder env(String key, String value) {
            environment.put(key, Output.of(value));
            return this;
        }

        /** A plain environment variable known only at deploy time (an endpoint, a bucket name). */
        public Builder env(String key, Output<String> value) {
            environment.put(key, value);
            return this;
        }

        /** Plain environment variables. */
        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** A secret environment variable resolved by ECS from an ARN (optionally {@code <arn>:<json-key>::}). */
        public Builder secret(String key, Output<String> valueFromArn) {
            secrets.put(key, valueFromArn);
            return this;
        }

        /** Command override; default the image's. */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** Entry point override; default the image's. */
        public Builder entryPoint(List<String> entryPoint) {
            this.entryPoint = List.copyOf(entryPoint);
            return this;
        }

        /** Health check; default none. */
        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        /** Waits for another container of the task. */
        public Builder dependsOn(String container, ContainerCondition condition) {
            dependsOn.put(container, condition);
            return this;
        }

        /** Read-only root file system; default true. */
        public Builder readonlyRootFilesystem(boolean readonly) {
            this.readonlyRootFilesystem = readonly;
            return this;
        }

        /** User to run as; default the image's. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Mounts the task volume {@code volume} at {@code path}, writable; default no mounts. */
        public Builder mount(String volume, String path) {
            mounts.put(volume, new Mount(path, false));
            return this;
        }

        /** Mounts the task volume {@code volume} at {@code path}, read-only. */
        public Builder mountReadOnly(String volume, String path) {
            mounts.put(volume, new Mount(path, true));
            return this;
        }

        /** Seconds ECS waits after SIGTERM before SIGKILL (2..120); default ECS's 30. */
        public Builder stopTimeoutSeconds(int seconds) {
            if (seconds < 2 || seconds > 120) {
                throw new IllegalArgumentException("ContainerSpec.stopTimeoutSeconds must be 2..120 on Fargate, got " + seconds);
            }
            this.stopTimeoutSeconds = seconds;
            return this;
        }

        /** Drops every Linux capability; default ECS's (Docker's) default set. */
        public Builder dropAllCapabilities() {
            this.dropAllCapabilities = true;
            return this;
        }

        /** Builds the spec. */
        public ContainerSpec build() {
            for (String key : secrets.keySet()) {
                if (environment.containsKey(key)) {
                    throw new IllegalArgumentException("ContainerSpec " + name + ": " + key + " is both plain and secret");
                }
            }
            return new ContainerSpec(name, image, essential, Optional.ofNullable(port), Optional.ofNullable(cpu),
                    Optional.ofNullable(memoryReservation), Map.copyOf(environment), Map.copyOf(secrets), command,
                    entryPoint, Optional.ofNullable(healthCheck), Map.copyOf(dependsOn), readonlyRootFilesystem,
                    Optional.ofNullable(user), Map.copyOf(mounts), Optional.ofNullable(stopTimeoutSeconds), dropAllCapabilities);
        }
    }
}

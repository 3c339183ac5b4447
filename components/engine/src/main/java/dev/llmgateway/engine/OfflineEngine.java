package dev.llmgateway.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.LoggingContext;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import dev.llmgateway.components.network.Declarations;
import dev.llmgateway.components.network.DeclaredNetwork;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.components.network.FlowEnd;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a Pulumi program on the SDK's in-process mock engine against {@link MockCloud} and
 * records every registration as the engine receives it: parent, dependencies, options and
 * inputs with their secret markers intact. Unit tests and the offline plan both use it.
 *
 * <p>It uses the SDK's {@code PulumiTestInternal} builder (pinned SDK 1.36.1) because the public
 * {@code PulumiTest} API hides what the engine receives: without it, secrecy, parents and
 * dependencies cannot be checked. Runs must not overlap: the SDK keeps one deployment per JVM.
 */
public final class OfflineEngine {

    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    /** How a stack output whose value failed to resolve is shown. */
    public static final String FAILED_MARK = "[failed]";
    /**
     * How an unknown value (known only after deployment) is shown: as {@code pulumi preview --json}
     * shows it (pulumi/pulumi {@code pkg/resource/stack/deployment.go SerializePropertyValue}).
     */
    public static final String UNKNOWN_MARK = UNKNOWN;

    /** How long a program may still run after the engine stopped on an error. */
    private static final int PROGRAM_GRACE_SECONDS = 30;

    private OfflineEngine() {
    }

    /** Runs {@code program} as stack {@code stack} of {@code project} in {@code region}; it declares no flows. */
    public static PlannedStack run(String project, String stack, String region, Consumer<Context> program) {
        return plan(project, stack, region, ctx -> {
            program.accept(ctx);
            return Declarations.of(List.of());
        });
    }

    /**
     * Runs {@code program} as stack {@code stack} of {@code project} in {@code region} and keeps what it declares:
     * the network flows, resolved, and the existing networks it uses, for the reachability check
     * ({@link PlannedStack#flows()}, {@link PlannedStack#networks()}).
     */
    public static PlannedStack plan(String project, String stack, String region,
                                    Function<Context, Declarations> program) {
        return execute(project, stack, region, program, false);
    }

    /**
     * Runs {@code program} as a first {@code pulumi preview} sees it: the engine in dry-run mode and a mock cloud that
     * leaves every attribute a provider computes at create time unknown ({@link MockCloud}), so each input derived from
     * one (and each stack output) is unknown, as the engine shows it ({@link #UNKNOWN_MARK}). For the preview JSON; the
     * analyses work on {@link #plan}'s concrete values.
     */
    public static PlannedStack preview(String project, String stack, String region,
                                       Function<Context, Declarations> program) {
        return execute(project, stack, region, program, true);
    }

    private static synchronized PlannedStack execute(String project, String stack, String region,
                                                     Function<Context, Declarations> program, boolean preview) {
        MockCloud cloud = new MockCloud(region, preview);
        List<Flow> declared = Collections.synchronizedList(new ArrayList<>());
        List<DeclaredNetwork> networks = Collections.synchronizedList(new ArrayList<>());
        List<PlannedResource> recorded = Collections.synchronizedList(new ArrayList<>());
        Map<String, Output<?>> exports = Collections.synchronizedMap(new TreeMap<>());
        CountDownLatch programDone = new CountDownLatch(1);
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview).build())
                    .mocks(cloud)
                    .monitorDecorator(original -> new RecordingMonitor(cloud, recorded))
                    .deploymentFactory(WaitingRunner::deployment)
                    .build()
                    .runTest(ctx -> {
                        try {
                            Declarations declarations = program.apply(new ExportRecordingContext(ctx, exports));
                            declared.addAll(declarations.flows());
                            networks.addAll(declarations.networks());
                        } finally {
                            programDone.countDown();
                        }
                    });
            List<Throwable> errors = new ArrayList<>(result.exceptions());
            // When a registration fails the SDK can return while the program is still running (about 2 runs in
            // 100 when a resource is refused): wait for the program, and report what it exported, whatever the
            // result kept.
            awaitProgram(programDone, errors);
            Map<String, Object> outputs = new TreeMap<>();
            Map<String, Output<?>> exported = new TreeMap<>(result.outputs());
            exported.putAll(exports);
            exported.forEach((key, output) -> {
                try {
                    outputs.put(key, plainOutput(output));
                } catch (RuntimeException failed) {
                    // An output that depends on a failed resource fails too; the program's own error is
                    // already recorded, so the output is reported as failed instead of ending the run.
                    outputs.put(key, FAILED_MARK);
                    if (errors.isEmpty()) {
                        errors.add(failed);
                    }
                }
            });
            List<PlannedResource> resources;
            synchronized (recorded) {
                // Registration order depends on thread scheduling; URN order does not.
                resources = recorded.stream().sorted(Comparator.comparing(PlannedResource::urn)).toList();
            }
            List<PlannedFlow> flows = resolved(declared, errors);
            List<DeclaredNetwork> existing;
            synchronized (networks) {
                existing = List.copyOf(networks);
            }
            return new PlannedStack(project, stack, resources, cloud.invokes(), outputs, List.copyOf(errors), flows, existing);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The declared flows with their ends' values as the mock engine resolved them, sorted by name. */
    private static List<PlannedFlow> resolved(List<Flow> declared, List<Throwable> errors) {
        List<PlannedFlow> flows = new ArrayList<>();
        synchronized (declared) {
            for (Flow flow : declared) {
                try {
                    flows.add(new PlannedFlow(flow.name(), end(flow.from()), end(flow.to()), flow.port(), flow.why()));
                } catch (RuntimeException failed) {
                    // An end that depends on a failed resource: the program's own error is already recorded.
                    if (errors.isEmpty()) {
                        errors.add(failed);
                    }
                }
            }
        }
        flows.sort(Comparator.comparing(PlannedFlow::name));
        return List.copyOf(flows);
    }

    private static PlannedFlow.End end(FlowEnd end) {
        return new PlannedFlow.End(end.label(), value(end.securityGroupId()), end.cidr(), value(end.prefixListId()),
                end.subnetIds() == null ? List.of() : value(end.subnetIds()));
    }

    private static <T> T value(Output<T> output) {
        return output == null ? null : PulumiTestInternal.extractOutputData(output).getValueNullable();
    }

    private static void awaitProgram(CountDownLatch programDone, List<Throwable> errors) {
        try {
            if (!programDone.await(PROGRAM_GRACE_SECONDS, TimeUnit.SECONDS)) {
                errors.add(new IllegalStateException("the program was still running " + PROGRAM_GRACE_SECONDS
                        + " s after the engine stopped"));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            errors.add(interrupted);
        }
    }

    private static Object plainOutput(Output<?> output) {
        var data = PulumiTestInternal.extractOutputData(output);
        Object value = data.isKnown() ? sortedMaps(data.getValueNullable()) : UNKNOWN_MARK;
        return data.isSecret() ? new Secret(value) : value;
    }

    /** The value with every map's keys sorted, so outputs print the same in every JVM. */
    private static Object sortedMaps(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), sortedMaps(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OfflineEngine::sortedMaps).toList();
        }
        return value;
    }

    /** The program's context, keeping every export it makes. */
    private record ExportRecordingContext(Context context, Map<String, Output<?>> exports) implements Context {

        @Override
        public Context export(String name, Output<?> output) {
            exports.put(name, output);
            context.export(name, output);
            return this;
        }

        @Override
        public String projectName() {
            return context.projectName();
        }

        @Override
        public String stackName() {
            return context.stackName();
        }

        @Override
        public String organizationName() {
            return context.organizationName();
        }

        @Override
        public LoggingContext log() {
            return context.log();
        }

        @Override
        public <T> Output<T> output(T value) {
            return context.output(value);
        }

        @Override
        public Config config() {
            return context.config();
        }

        @Override
        public Config config(String name) {
            return context.config(name);
        }
    }

    /** A mock monitor that also keeps what each registration request carried. */
    private static final class RecordingMonitor extends MockMonitor {
        private final List<PlannedResource> recorded;

        RecordingMonitor(MockCloud cloud, List<PlannedResource> recorded) {
            super(cloud, PulumiTestInternal.mockLog());
            this.recorded = recorded;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                recorded.add(new PlannedResource(
                        request.getType(),
                        request.getName(),
                        engineUrn(response.getUrn()),
                        engineUrn(request.getParent()),
                        request.getCustom(),
                        struct(request.getObject()),
                        request.getDependenciesList().stream().map(OfflineEngine::engineUrn).sorted().distinct().toList(),
                        engineUrn(providerUrn(request.getProvider())),
                        request.getProtect(),
                        request.getRetainOnDelete(),
                        List.copyOf(request.getIgnoreChangesList()),
                        request.getVersion(),
                        response.getId(),
                        secretOutputs(struct(response.getObject()), request.getAdditionalSecretOutputsList()),
                        new PlannedResource.ReplacementOptions(
                                request.getDeleteBeforeReplaceDefined() || request.getDeleteBeforeReplace()
                                        ? Optional.of(request.getDeleteBeforeReplace()) : Optional.empty(),
                                List.copyOf(request.getReplaceOnChangesList()),
                                aliases(request, engineUrn(response.getUrn())))));
                return response;
            });
        }

        /**
         * The earlier URNs a resource answers to: an alias given as a URN as it is, one given as a spec completed
         * from the resource's own name, type, parent, stack and project (pulumi/pulumi {@code resource.Alias}:
         * every field left out means "the same as now").
         */
        private static List<String> aliases(RegisterResourceRequest request, String urn) {
            List<String> aliases = new ArrayList<>(request.getAliasURNsList().stream().map(OfflineEngine::engineUrn).toList());
            for (AliasOuterClass.Alias alias : request.getAliasesList()) {
                if (alias.hasUrn()) {
                    aliases.add(engineUrn(alias.getUrn()));
                    continue;
                }
                AliasOuterClass.Alias.Spec spec = alias.getSpec();
                String[] parts = urn.split("::", 4);
                String stack = spec.getStack().isEmpty() ? parts[0].substring("urn:pulumi:".length()) : spec.getStack();
                String project = spec.getProject().isEmpty() ? parts[1] : spec.getProject();
                String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
                String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
                String parent = spec.hasNoParent() && spec.getNoParent() ? ""
                        : engineUrn(spec.hasParentUrn() ? spec.getParentUrn() : request.getParent());
                aliases.add("urn:pulumi:" + stack + "::" + project + "::" + typeChain(parent, type) + "::" + name);
            }
            return List.copyOf(aliases);
        }

        /** The type part of a child's URN: its parent's chain, {@code $}, its type (the stack adds nothing). */
        private static String typeChain(String parentUrn, String type) {
            if (parentUrn.isEmpty()) {
                return type;
            }
            String[] parts = parentUrn.split("::");
            String parentChain = parts[parts.length - 2];
            return parentChain.equals(STACK_TYPE) ? type : parentChain + "$" + type;
        }

        /** The outputs with those the resource declares secret ({@code additionalSecretOutputs}) marked, as the engine keeps them. */
        private static Map<String, Object> secretOutputs(Map<String, Object> outputs, List<String> secret) {
            secret.forEach(key -> outputs.computeIfPresent(key, (k, value) -> value instanceof Secret ? value : new Secret(value)));
            return outputs;
        }

        private static String providerUrn(String reference) {
            int separator = reference.lastIndexOf("::");
            return separator > 0 ? reference.substring(0, separator) : reference;
        }
    }

    /**
     * A URN as the Pulumi engine forms it: the SDK's mock monitor puts the root stack's type into
     * every child's type chain ({@code ...::pulumi:pulumi:Stack$aws:...}); the engine leaves it out
     * (pulumi/pulumi {@code resource.NewURN}, {@code Deployment.generateURN}).
     */
    static String engineUrn(String urn) {
        return urn.replace("::" + STACK_TYPE + "$", "::");
    }

    /** A struct with its keys sorted: the SDK serializes maps in their iteration order, which differs between JVMs. */
    private static Map<String, Object> struct(Struct struct) {
        Map<String, Object> map = new TreeMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, value(value)));
        return map;
    }

    private static Object value(Value value) {
        return switch (value.getKindCase()) {
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue()) ? UNKNOWN_MARK : value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> special(value.getStructValue());
            default -> null;
        };
    }

    private static List<Object> list(ListValue list) {
        List<Object> values = new ArrayList<>();
        list.getValuesList().forEach(v -> values.add(value(v)));
        return values;
    }

    private static Object special(Struct struct) {
        Value sig = struct.getFieldsMap().get(SIG_KEY);
        if (sig == null) {
            return struct(struct);
        }
        return switch (sig.getStringValue()) {
            case SECRET_SIG -> new Secret(value(struct.getFieldsOrDefault("value", Value.getDefaultInstance())));
            case RESOURCE_SIG -> engineUrn(struct.getFieldsOrThrow("urn").getStringValue());
            default -> struct(struct);
        };
    }
}

package dev.llmgateway.acceptance;

import dev.llmgateway.gateway.settings.GoYaml;
import dev.llmgateway.gateway.settings.StackConfigValue;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.Stacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the acceptance test needs before it starts, and the config of its throw-away stack. */
final class AcceptanceSetup {

    /** Default stack file of the throw-away stack. */
    static final String DEFAULT_STACK_FILE = "src/test/resources/acceptance/public.yaml";
    /** Environment variables any one of which means the AWS SDKs and CLI will find credentials. */
    static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");

    private AcceptanceSetup() {
    }

    /**
     * Why the test cannot run here, or empty when it can: it needs the {@code pulumi} and {@code aws}
     * CLIs on the PATH and AWS credentials (an environment variable above, or {@code ~/.aws/credentials}).
     */
    static Optional<String> skipReason(Function<String, String> env, Predicate<String> onPath, Predicate<Path> exists) {
        if (!onPath.test("pulumi")) {
            return Optional.of("no pulumi CLI on the PATH (https://www.pulumi.com/docs/install/)");
        }
        if (!onPath.test("aws")) {
            return Optional.of("no aws CLI on the PATH (reads the master key and removes the final snapshot)");
        }
        boolean credentials = CREDENTIAL_VARIABLES.stream().anyMatch(name -> env.apply(name) != null && !env.apply(name).isBlank())
                || Optional.ofNullable(env.apply("HOME")).map(home -> exists.test(Path.of(home, ".aws", "credentials"))).orElse(false);
        if (!credentials) {
            return Optional.of("no AWS credentials (set AWS_PROFILE or AWS_ACCESS_KEY_ID, or run in the acceptance workflow)");
        }
        return Optional.empty();
    }

    /** The reason for this machine. */
    static Optional<String> skipReason() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Predicate<String> onPath = tool -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, tool)));
        return skipReason(System::getenv, onPath, Files::exists);
    }

    /**
     * A short unique stack name: resource names are {@code llm-<stack>-...} and load balancer names allow
     * 32 characters, so {@code acc} plus 6 random hex digits.
     */
    static String uniqueStackName(SecureRandom random) {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return "acc" + HexFormat.of().formatHex(bytes);
    }

    /** Tag every resource of a run carries (provider default tags), with the run's stack name: what the sweeper finds. */
    static final String RUN_TAG = "acceptance-run";

    /**
     * The stack file's config, fully qualified, each value as the CLI reads it from the file (scalars as their text,
     * lists and maps as such; {@link AutomationStackDriver} sets them the way the CLI accepts them);
     * {@code allowedCidrs} (public mode) replaced by {@code clientCidr}, {@code aws:region} by {@code region} if given,
     * and {@value #RUN_TAG}{@code =<stack>} added to the tags.
     */
    static Map<String, Object> config(Path stackFile, String stackName, String clientCidr, Optional<String> region) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object document = GoYaml.load(stackFile);
        ((Map<?, ?>) ((Map<?, ?>) document).get("config")).forEach((key, value) -> {
            StackConfigValue stored = StackConfigValue.of(value);
            values.put(String.valueOf(key), stored.object() ? value : stored.text());
        });
        if (StackFileConfigSource.load(Stacks.PROJECT, stackFile, "acceptance").get("accessMode").orElseThrow().equals("public")) {
            values.put("litellm-gateway:allowedCidrs", List.of(clientCidr));
        }
        region.filter(r -> !r.isBlank()).ifPresent(r -> values.put("aws:region", r));
        List<Object> tags = new java.util.ArrayList<>(values.get("litellm-gateway:tags") instanceof List<?> list ? list : List.of());
        tags.add(RUN_TAG + "=" + stackName);
        values.put("litellm-gateway:tags", tags);
        return values;
    }

    /** The model aliases the stack configures ({@code alias=provider/model}). */
    static List<String> modelAliases(Map<String, Object> config) {
        return ((List<?>) config.getOrDefault("litellm-gateway:models", List.of())).stream().map(String::valueOf)
                .map(m -> m.substring(0, m.indexOf('='))).toList();
    }
}

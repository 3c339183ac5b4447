package dev.llmgateway.acceptance;

import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.WorkspaceStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A throw-away stack driven by pulumi-java's Automation API ({@code com.pulumi.automation}, in the
 * pinned SDK): a local workspace on the project directory (so the CLI runs this very program through
 * {@code ./mvnw}), a new stack, its config set from a stack file's values.
 */
final class AutomationStackDriver implements StackDriver {

    private final WorkspaceStack stack;
    private final Path projectDir;
    private final Consumer<String> output;

    private AutomationStackDriver(WorkspaceStack stack, Path projectDir, Consumer<String> output) {
        this.stack = stack;
        this.projectDir = projectDir;
        this.output = output;
    }

    /** Creates stack {@code name} with the {@code pulumi} CLI on the PATH; see {@link #create(Path, String, Map, Consumer, PulumiCommand)}. */
    static AutomationStackDriver create(Path projectDir, String name, Map<String, Object> config, Consumer<String> output)
            throws Exception {
        return create(projectDir, name, config, output, LocalPulumiCommand.create());
    }

    /**
     * Creates stack {@code name} for the project in {@code projectDir} (fails if it exists) through {@code pulumi} and sets
     * {@code config} (fully qualified keys; text, or lists and maps) as the CLI accepts typed config: {@link #cliValues}.
     */
    static AutomationStackDriver create(Path projectDir, String name, Map<String, Object> config, Consumer<String> output,
                                        PulumiCommand pulumi) throws Exception {
        WorkspaceStack stack = LocalWorkspace.createStack(name, projectDir,
                LocalWorkspaceOptions.builder().workDir(projectDir).pulumiCommand(pulumi).build());
        AutomationStackDriver driver = new AutomationStackDriver(stack, projectDir, output);
        try {
            stack.setAllConfig(cliValues(config), true);
        } catch (Exception e) {
            driver.remove(); // nothing deployed yet: do not leave an empty stack behind
            throw e;
        }
        return driver;
    }

    /**
     * The config as {@code pulumi config set-all --path} takes it: a list item by item ({@code key[0]}, {@code key[1]}),
     * a map entry by entry ({@code key.name}), so that the CLI stores a list (its type check refuses list text set as
     * one string: pulumi/pulumi {@code pkg/workspace/config.go}); text as is. An empty list is left out: the key then
     * keeps its declared default (every list in {@code Pulumi.yaml} defaults to empty).
     */
    static Map<String, ConfigValue> cliValues(Map<String, Object> config) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        config.forEach((key, value) -> flatten(key, value, values));
        return values;
    }

    private static void flatten(String path, Object value, Map<String, ConfigValue> values) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), values);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((name, item) -> flatten(path + "." + name, item, values));
        } else {
            values.put(path, new ConfigValue(String.valueOf(value)));
        }
    }

    @Override
    public String name() {
        return stack.name();
    }

    @Override
    public void up() throws Exception {
        stack.up(UpOptions.builder().onStandardOutput(output).build());
    }

    @Override
    public Map<String, Object> outputs() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        stack.getOutputs().forEach((key, value) -> values.put(key, value.value()));
        return values;
    }

    @Override
    public void destroy() throws Exception {
        stack.destroy(DestroyOptions.builder().onStandardOutput(output).build());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> remainingResources() throws Exception {
        Object resources = stack.exportStack().deployment().get("resources");
        List<String> urns = new ArrayList<>();
        if (resources instanceof List<?> list) {
            for (Object resource : list) {
                Object urn = ((Map<String, Object>) resource).get("urn");
                String type = String.valueOf(((Map<String, Object>) resource).get("type"));
                if (urn != null && !type.startsWith("pulumi:")) {
                    urns.add(String.valueOf(urn));
                }
            }
        }
        return urns;
    }

    @Override
    public void remove() throws Exception {
        stack.workspace().removeStack(stack.name());
        Files.deleteIfExists(projectDir.resolve("Pulumi." + stack.name() + ".yaml"));
    }
}

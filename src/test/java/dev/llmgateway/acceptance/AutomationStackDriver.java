package dev.llmgateway.acceptance;

import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
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

    /**
     * Creates stack {@code name} for the project in {@code projectDir} (fails if it exists) and sets
     * {@code config} (fully qualified keys; list values as JSON text, which the program parses as Pulumi's
     * language hosts pass them).
     */
    static AutomationStackDriver create(Path projectDir, String name, Map<String, String> config, Consumer<String> output)
            throws Exception {
        WorkspaceStack stack = LocalWorkspace.createStack(name, projectDir, LocalWorkspaceOptions.builder().workDir(projectDir).build());
        AutomationStackDriver driver = new AutomationStackDriver(stack, projectDir, output);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        config.forEach((key, value) -> values.put(key, new ConfigValue(value)));
        try {
            stack.setAllConfig(values);
        } catch (Exception e) {
            driver.remove(); // nothing deployed yet: do not leave an empty stack behind
            throw e;
        }
        return driver;
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

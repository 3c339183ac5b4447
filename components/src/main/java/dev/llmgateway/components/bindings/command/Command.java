package dev.llmgateway.components.bindings.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * {@code command:local:Command}: a program the Pulumi engine runs on the machine that runs {@code pulumi up}. Its
 * {@code create} runs when the resource is created or replaced (a change of {@code triggers}), and again on any other
 * input change (no {@code update} command is bound: "if empty, create will run again"); a non-zero exit fails that
 * step of {@code pulumi up} with the command's output. Nothing runs during {@code pulumi preview}.
 */
@ResourceType(type = Command.TYPE)
public class Command extends CustomResource {

    /** Type token of the resource. */
    public static final String TYPE = "command:local:Command";
    /** Version of the command provider plugin (as in {@code com/pulumi/command/plugin.json}). */
    public static final String PLUGIN_VERSION = "4.5.0";

    @Export(name = "stdout", refs = {String.class}, tree = "[0]")
    private Output<String> stdout;

    @Export(name = "stderr", refs = {String.class}, tree = "[0]")
    private Output<String> stderr;

    /** Declares the command; {@code options} may be null. */
    public Command(String name, CommandArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder().version(PLUGIN_VERSION).build(), options, null));
    }

    /** What the last run printed on standard output. */
    public Output<String> stdout() {
        return stdout;
    }

    /** What the last run printed on standard error. */
    public Output<String> stderr() {
        return stderr;
    }
}

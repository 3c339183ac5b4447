package dev.llmgateway.components.bindings.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;

/**
 * {@code random:index/randomId:RandomId}: random bytes chosen once, when the resource is created
 * (again only when a keeper changes). Not secret: meant for unique names, such as a final snapshot
 * identifier that must differ between one deployment's destroy and the next's.
 */
@ResourceType(type = RandomId.TYPE)
public class RandomId extends CustomResource {

    /** Type token of the resource. */
    public static final String TYPE = "random:index/randomId:RandomId";

    @Export(name = "hex", refs = {String.class}, tree = "[0]")
    private Output<String> hex;

    /**
     * Creates {@code byteLength} random bytes that are chosen anew whenever a value in
     * {@code keepers} changes; {@code options} may be null.
     */
    public RandomId(String name, int byteLength, Output<Map<String, String>> keepers, CustomResourceOptions options) {
        super(TYPE, name, new Args(byteLength, keepers), CustomResourceOptions.merge(
                CustomResourceOptions.builder().version(RandomPassword.PLUGIN_VERSION).build(), options, null));
    }

    /** The bytes as lower-case hex (two characters per byte). */
    public Output<String> hex() {
        return hex;
    }

    /** Inputs of {@link RandomId} (provider schema: {@code byteLength} required, {@code keepers} optional). */
    static final class Args extends ResourceArgs {
        @Import(name = "byteLength", required = true)
        private final Output<Integer> byteLength;

        @Import(name = "keepers")
        private final Output<Map<String, String>> keepers;

        Args(int byteLength, Output<Map<String, String>> keepers) {
            if (byteLength < 1) {
                throw new IllegalArgumentException("RandomId byteLength must be at least 1, got " + byteLength);
            }
            this.byteLength = Output.of(byteLength);
            this.keepers = keepers;
        }
    }
}

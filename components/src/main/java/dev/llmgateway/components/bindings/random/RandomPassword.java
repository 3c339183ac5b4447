package dev.llmgateway.components.bindings.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * {@code random:index/randomPassword:RandomPassword}: a random string the provider treats as
 * sensitive. The result is kept in state only and always handed on as a secret.
 */
@ResourceType(type = RandomPassword.TYPE)
public class RandomPassword extends CustomResource {

    /** Type token of the resource. */
    public static final String TYPE = "random:index/randomPassword:RandomPassword";
    /** Version of the random provider plugin this binding was written against (npm lists {@code @pulumi/random} 4.21.2). */
    public static final String PLUGIN_VERSION = "4.21.2";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    /** Creates the password; {@code options} may be null. */
    public RandomPassword(String name, RandomPasswordArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder()
                        .version(PLUGIN_VERSION)
                        .additionalSecretOutputs("result", "bcryptHash")
                        .build(),
                options, null));
    }

    /** The generated value, as a secret. */
    public Output<String> result() {
        return result.asSecret();
    }
}

package dev.llmgateway.components.bindings.tls;

import com.pulumi.resources.CustomResourceOptions;

/** The tls provider plugin this binding was written against, and the options every resource of it carries. */
public final class TlsPlugin {

    /**
     * Version of the tls provider plugin (as in {@code com/pulumi/tls/plugin.json}); a released version: the npm
     * registry lists {@code @pulumi/tls} 5.6.1, whose SDK versions follow the provider's releases.
     */
    public static final String VERSION = "5.6.1";

    private TlsPlugin() {
    }

    /** The plugin version and the provider's secret outputs, merged with the caller's {@code options} (may be null). */
    static CustomResourceOptions options(CustomResourceOptions options, java.util.List<String> secretOutputs) {
        return CustomResourceOptions.merge(
                CustomResourceOptions.builder()
                        .version(VERSION)
                        .additionalSecretOutputs(secretOutputs)
                        .build(),
                options, null);
    }
}

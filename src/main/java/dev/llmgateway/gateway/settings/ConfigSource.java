package dev.llmgateway.gateway.settings;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * Where stack settings come from: Pulumi config under {@code pulumi up}, or the committed stack
 * files for tests and the offline plan. Keys are unqualified (the project namespace is implied)
 * unless they name another namespace ({@code aws:region}).
 */
public interface ConfigSource {

    /** Project name, the namespace of unqualified keys. */
    String project();

    /** Stack name. */
    String stack();

    /** The plain value of a key; arrays come as JSON text. */
    Optional<String> get(String key);

    /** The value of a secret key, as a secret output; empty when the key is not set. */
    Optional<Output<String>> secret(String key);

    /** The key as users write it in stack files, for error messages. */
    default String qualified(String key) {
        return key.contains(":") ? key : project() + ":" + key;
    }
}

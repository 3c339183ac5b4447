package dev.llmgateway.gateway.settings;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

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

    /** The project's config declarations ({@code Pulumi.yaml}): every setting's type and default. */
    ProjectConfig projectConfig();

    /** Every key the stack sets, fully qualified, the declared defaults the CLI applied included. */
    Set<String> keys();

    /** The plain value of a key; arrays come as JSON text. */
    Optional<String> get(String key);

    /** The value of a secret key, as a secret output; empty when the key is not set. */
    Optional<Output<String>> secret(String key);

    /**
     * True when {@code key} holds a non-empty value that is stored in plain text (set without
     * {@code --secret}); false when it is encrypted, unset, or the source cannot tell.
     */
    default boolean isPlainText(String key) {
        return false;
    }

    /**
     * True when documentation placeholders (RFC 5737 ranges, account 123456789012, example.com) are
     * accepted in a prod-profile stack: only for the committed stack files that tests and the offline plan
     * read as templates; a deployment ({@code pulumi up / preview}) never accepts them.
     */
    default boolean acceptsPlaceholders() {
        return false;
    }

    /** The key as users write it in stack files, for error messages. */
    default String qualified(String key) {
        return key.contains(":") ? key : project() + ":" + key;
    }
}

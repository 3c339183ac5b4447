package dev.llmgateway.gateway.settings;

import java.util.Optional;

/**
 * One key of {@code Pulumi.yaml}'s {@code config:} section (pulumi/pulumi {@code sdk/go/common/workspace/project.go
 * ProjectConfigType}). A key written in shorthand ({@code key: value}) declares an untyped default in the project's
 * namespace and a value in any other ({@code RewriteShorthandConfigValues}).
 *
 * @param key          the key as written (unqualified for the project's namespace)
 * @param type         the declared type; null when untyped (the CLI does not check untyped values)
 * @param defaultValue the {@code default}, as YAML decoded it; null when none
 * @param value        the {@code value} (keys of other namespaces); null when none
 * @param description  the {@code description}; empty when none
 * @param secret       {@code secret: true}: the stack value must be encrypted
 */
public record ConfigDeclaration(String key, ConfigType type, Object defaultValue, Object value, String description,
                                boolean secret) {

    /** The declared type, when the key is typed. */
    public Optional<ConfigType> declaredType() {
        return Optional.ofNullable(type);
    }

    /** What the CLI sets when the stack does not: the default, or else the value. */
    public Optional<Object> fallback() {
        return Optional.ofNullable(defaultValue != null ? defaultValue : value);
    }
}

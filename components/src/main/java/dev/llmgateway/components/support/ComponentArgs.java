package dev.llmgateway.components.support;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one shape of a component's args: an immutable record, annotated with this, whose builder
 * ({@code <Record>Builder}) the record-builder annotation processor generates at compile time. Each input is
 * declared once, as a record component documented by an {@code @param} line; a default is a named constant of the
 * record bound with {@link RecordBuilder.Initializer}; validation lives in the compact constructor, so every
 * {@code build()} validates and returns a new record, and reusing a builder does not change records already built.
 * Collections reach the record as read-only views in the order the caller gave (no hash-ordered copy: plans must not
 * depend on a JVM's hash seed), so a caller must not change a collection after passing it.
 * {@code <Record>Builder.builder(record)} starts from an existing record.
 * Provider bindings keep the SDK's {@code ResourceArgs}, which Pulumi serialises.
 */
@RecordBuilder.Template(options = @RecordBuilder.Options(
        useUnmodifiableCollections = true,
        enableWither = false))
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Inherited
public @interface ComponentArgs {
}

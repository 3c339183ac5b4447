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
 * The compact constructor copies every collection it keeps ({@code List.copyOf}; maps and sets into an insertion- or
 * enum-ordered copy, never {@code Set.copyOf}/{@code Map.copyOf}, whose order depends on the JVM's hash seed), so a
 * record never changes after it is built. A default derived from another input is computed by a method
 * ({@code resolved...()}), not stored, so a copy that changes that input gets the matching default.
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

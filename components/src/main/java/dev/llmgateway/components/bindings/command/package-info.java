/**
 * A minimal typed binding of the Pulumi command provider's {@code command:local:Command} (plugin version {@value
 * dev.llmgateway.components.bindings.command.Command#PLUGIN_VERSION}).
 *
 * <p>Hand-written because the Maven registry this project builds from does not serve {@code com.pulumi:command}.
 * Property names and types follow the provider's published SDK for that version (npm {@code @pulumi/command} 4.5.0,
 * {@code local/command.d.ts}); only the inputs the gateway uses are bound. The plugin itself is the official one,
 * found through {@code com/pulumi/command/plugin.json} and installed by the Pulumi CLI like the aws plugin.
 */
package dev.llmgateway.components.bindings.command;

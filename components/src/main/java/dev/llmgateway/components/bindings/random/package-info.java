/**
 * A minimal typed binding of the Pulumi random provider (plugin version {@value
 * dev.llmgateway.components.bindings.random.RandomPassword#PLUGIN_VERSION}).
 *
 * <p>Hand-written because the Maven registry this project builds from does not serve
 * {@code com.pulumi:random}. Only the resources and fields the gateway uses are bound; the
 * provider plugin itself is the official one, found through {@code com/pulumi/random/plugin.json}.
 */
package dev.llmgateway.components.bindings.random;

/**
 * A minimal typed binding of the Pulumi tls provider (plugin version {@value
 * dev.llmgateway.components.bindings.tls.TlsPlugin#VERSION}).
 *
 * <p>Hand-written because the Maven registry this project builds from does not serve
 * {@code com.pulumi:tls}. Only the resources and fields the gateway uses are bound (a private
 * key, a self-signed CA, certificate requests and certificates signed by that CA); the provider
 * plugin itself is the official one, found through {@code com/pulumi/tls/plugin.json}.
 */
package dev.llmgateway.components.bindings.tls;

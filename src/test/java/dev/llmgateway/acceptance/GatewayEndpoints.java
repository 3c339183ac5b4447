package dev.llmgateway.acceptance;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The LiteLLM proxy endpoints the acceptance test calls, built from the stack's {@code gatewayUrl}
 * and {@code adminUiUrl} outputs. Paths as LiteLLM serves them: health probes, OpenAI-compatible
 * {@code /v1/*}, key management and spend logs (admin, master key).
 *
 * @param base    the gateway URL without a trailing slash
 * @param adminUi the admin UI URL
 */
record GatewayEndpoints(URI base, URI adminUi) {

    /** From the stack outputs; trailing slashes are dropped, a missing scheme is refused. */
    static GatewayEndpoints of(String gatewayUrl, String adminUiUrl) {
        return new GatewayEndpoints(parse("gatewayUrl", gatewayUrl), parse("adminUiUrl", adminUiUrl));
    }

    private static URI parse(String output, String url) {
        if (url == null || !url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException("stack output " + output + " is not an http(s) URL: " + url);
        }
        return URI.create(url.replaceAll("/+$", ""));
    }

    URI liveliness() {
        return path("/health/liveliness");
    }

    URI readiness() {
        return path("/health/readiness");
    }

    URI models() {
        return path("/v1/models");
    }

    URI chatCompletions() {
        return path("/v1/chat/completions");
    }

    URI generateKey() {
        return path("/key/generate");
    }

    URI keyInfo(String key) {
        return path("/key/info?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    URI spendLogs(String key) {
        return path("/spend/logs?api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The admin UI's landing page (LiteLLM serves it under {@code /ui/}). */
    URI adminUiPage() {
        return URI.create(adminUi + "/");
    }

    /** The same path on another host, e.g. the load balancer that CloudFront fronts in edge mode. */
    GatewayEndpoints on(String otherBase) {
        URI other = parse("loadBalancerUrl", otherBase);
        return new GatewayEndpoints(other, URI.create(other + "/ui"));
    }

    private URI path(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }
}

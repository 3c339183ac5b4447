package dev.llmgateway.acceptance;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayEndpointsTest {

    private final GatewayEndpoints endpoints = GatewayEndpoints.of("http://llm-acc-123.us-east-1.elb.amazonaws.com/",
            "http://llm-acc-123.us-east-1.elb.amazonaws.com/ui");

    @Test
    void pathsHangOffTheGatewayUrlWithoutDoubleSlashes() {
        assertEquals(URI.create("http://llm-acc-123.us-east-1.elb.amazonaws.com/health/liveliness"), endpoints.liveliness());
        assertEquals("/health/readiness", endpoints.readiness().getPath());
        assertEquals("/v1/models", endpoints.models().getPath());
        assertEquals("/v1/chat/completions", endpoints.chatCompletions().getPath());
        assertEquals("/key/generate", endpoints.generateKey().getPath());
        assertEquals(URI.create("http://llm-acc-123.us-east-1.elb.amazonaws.com/ui/"), endpoints.adminUiPage());
    }

    @Test
    void keysInQueriesAreEncoded() {
        assertEquals("key=sk-a%2Bb%2Fc%3D", endpoints.keyInfo("sk-a+b/c=").getRawQuery());
        assertEquals("api_key=sk-a%2Bb", endpoints.spendLogs("sk-a+b").getRawQuery());
    }

    @Test
    void theSamePathsOnTheLoadBalancerForTheEdgeBypassCheck() {
        GatewayEndpoints alb = GatewayEndpoints.of("https://d111.cloudfront.net", "https://d111.cloudfront.net/ui")
                .on("https://llm-acc-alb.us-east-1.elb.amazonaws.com");
        assertEquals(URI.create("https://llm-acc-alb.us-east-1.elb.amazonaws.com/health/liveliness"), alb.liveliness());
    }

    @Test
    void outputsThatAreNotUrlsAreRefusedNamingTheOutput() {
        var missing = assertThrows(IllegalArgumentException.class, () -> GatewayEndpoints.of(null, "http://x/ui"));
        assertTrue(missing.getMessage().contains("gatewayUrl"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GatewayEndpoints.of("llm.example.net", "http://x/ui"));
        assertThrows(IllegalArgumentException.class, () -> GatewayEndpoints.of("http://x", "[unknown]"));
    }
}

package dev.llmgateway.acceptance;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP checks of a deployed gateway. Every chat completion carries LiteLLM's {@code mock_response},
 * so the proxy answers without calling the provider (no spend, no model access needed).
 */
final class GatewayChecks {

    static final String MOCK_TEXT = "acceptance-mock-response";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayEndpoints endpoints;
    private final String masterKey;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    GatewayChecks(GatewayEndpoints endpoints, String masterKey, PrintStream log) {
        this.endpoints = endpoints;
        this.masterKey = masterKey;
        this.log = log;
    }

    HttpResponse<String> get(URI uri, Optional<String> key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Optional<String> key, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(body)));
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A chat completion request body that LiteLLM answers with {@link #MOCK_TEXT} without calling the model. */
    static Map<String, Object> mockCompletion(String model) {
        return Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "ping")), "mock_response", MOCK_TEXT);
    }

    /** Waits until liveliness and readiness (database reachable) both answer 200. */
    void waitUntilReady() {
        RetryPolicy.GATEWAY_START.until("gateway liveliness and readiness", () -> {
            try {
                boolean live = get(endpoints.liveliness(), Optional.empty()).statusCode() == 200;
                boolean ready = live && get(endpoints.readiness(), Optional.empty()).statusCode() == 200;
                return ready ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        log.println("acceptance: liveliness and readiness answer 200");
    }

    void modelsListTheCatalog(List<String> aliases) throws Exception {
        HttpResponse<String> response = expect(200, get(endpoints.models(), Optional.of(masterKey)), "GET /v1/models");
        List<String> ids = new ArrayList<>();
        JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("data")
                .forEach(model -> ids.add(model.getAsJsonObject().get("id").getAsString()));
        if (!ids.containsAll(aliases)) {
            throw new AssertionError("/v1/models lists " + ids + ", expected " + aliases);
        }
        log.println("acceptance: /v1/models lists " + ids);
    }

    void mockCompletionSucceeds(String model, String key) throws Exception {
        HttpResponse<String> response = expect(200, post(endpoints.chatCompletions(), Optional.of(key), mockCompletion(model)),
                "POST /v1/chat/completions");
        String content = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("choices").get(0)
                .getAsJsonObject().getAsJsonObject("message").get("content").getAsString();
        if (!MOCK_TEXT.equals(content)) {
            throw new AssertionError("chat completion answered " + content + " instead of the mock response");
        }
    }

    /** Creates a virtual key with a small budget, uses it, and waits until its spend is recorded. */
    void virtualKeyWithBudgetWorksAndIsMetered(String model) throws Exception {
        double budget = 0.05;
        HttpResponse<String> generated = expect(200, post(endpoints.generateKey(), Optional.of(masterKey),
                Map.of("models", List.of(model), "max_budget", budget, "budget_duration", "1d",
                        "metadata", Map.of("purpose", "acceptance test"))), "POST /key/generate");
        String key = JsonParser.parseString(generated.body()).getAsJsonObject().get("key").getAsString();
        JsonObject info = JsonParser.parseString(expect(200, get(endpoints.keyInfo(key), Optional.of(masterKey)), "GET /key/info")
                .body()).getAsJsonObject().getAsJsonObject("info");
        if (info.get("max_budget").getAsDouble() != budget) {
            throw new AssertionError("key budget is " + info.get("max_budget") + ", expected " + budget);
        }
        mockCompletionSucceeds(model, key);
        refused(post(endpoints.generateKey(), Optional.of(key), Map.of()), "POST /key/generate with a virtual key");
        // Spend is written to PostgreSQL in batches (spendBatchWriteSeconds): a spend-log row for the key,
        // or a spend above zero on the key, proves the database path.
        RetryPolicy.SPEND_WRITE.until("spend of the virtual key recorded in the database", () -> {
            try {
                JsonElement logs = JsonParser.parseString(get(endpoints.spendLogs(key), Optional.of(masterKey)).body());
                double spend = JsonParser.parseString(get(endpoints.keyInfo(key), Optional.of(masterKey)).body())
                        .getAsJsonObject().getAsJsonObject("info").get("spend").getAsDouble();
                boolean logged = logs.isJsonArray() && !logs.getAsJsonArray().isEmpty();
                return logged || spend > 0 ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        log.println("acceptance: virtual key with a $" + budget + " budget works and its spend is recorded");
    }

    void adminUiAnswers() throws Exception {
        HttpResponse<String> page = expect(200, get(endpoints.adminUiPage(), Optional.empty()), "GET admin UI");
        if (!page.body().toLowerCase(java.util.Locale.ROOT).contains("<html")) {
            throw new AssertionError("the admin UI did not answer with a page");
        }
        log.println("acceptance: admin UI answers");
    }

    void requestsWithoutTheMasterKeyAreRefused(String model) throws Exception {
        refused(get(endpoints.models(), Optional.empty()), "GET /v1/models without a key");
        refused(post(endpoints.chatCompletions(), Optional.empty(), mockCompletion(model)), "POST /v1/chat/completions without a key");
        refused(post(endpoints.generateKey(), Optional.of("sk-not-the-master-key"), Map.of()), "POST /key/generate with a wrong key");
        log.println("acceptance: requests without the master key are refused");
    }

    /** vpn mode: the gateway's name resolves to private addresses only, and it does not answer from here. */
    void notReachableFromTheInternet() throws Exception {
        for (InetAddress address : InetAddress.getAllByName(endpoints.base().getHost())) {
            if (!address.isSiteLocalAddress()) {
                throw new AssertionError("vpn mode gateway resolves to public address " + address.getHostAddress());
            }
        }
        mustNotServe(endpoints, "the internal load balancer from outside the VPC");
        log.println("acceptance: vpn mode gateway is not reachable from the internet");
    }

    /** edge mode: the load balancer refuses requests that do not come through CloudFront. */
    void loadBalancerRefusesBypass(String loadBalancerUrl) throws Exception {
        mustNotServe(endpoints.on(loadBalancerUrl), "the load balancer without CloudFront");
        log.println("acceptance: edge mode load balancer refuses requests that bypass CloudFront");
    }

    private void mustNotServe(GatewayEndpoints target, String what) throws InterruptedException {
        try {
            int status = get(target.liveliness(), Optional.empty()).statusCode();
            if (status < 400) {
                throw new AssertionError(what + " answered " + status);
            }
        } catch (IOException refusedOrTimedOut) {
            // Not reachable: what the mode promises.
        }
    }

    /** LiteLLM answers 401 to a missing or unknown key and 401/403 to a key without the admin role. */
    private static void refused(HttpResponse<String> response, String what) {
        if (response.statusCode() != 401 && response.statusCode() != 403) {
            throw new AssertionError(what + " answered " + response.statusCode() + " instead of 401/403");
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new AssertionError(what + " answered " + response.statusCode() + " instead of " + status + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        return response;
    }

    /** One request of the load test. */
    boolean loadRequest(String model) throws Exception {
        return post(endpoints.chatCompletions(), Optional.of(masterKey), mockCompletion(model)).statusCode() == 200;
    }

    /** One request that involves no model and no database: the network round trip plus the proxy's HTTP stack. */
    boolean baselineRequest() throws Exception {
        return get(endpoints.liveliness(), Optional.empty()).statusCode() == 200;
    }
}

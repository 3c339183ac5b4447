package dev.llmgateway.gateway.litellm;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.SettingsReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteLlmConfigTest {

    private static LiteLlmSettings settings(String example) {
        return LiteLlmSettings.read(new SettingsReader(Stacks.example(example)));
    }

    /** The local-model example with its guardrails masking instead of blocking. */
    private static LiteLlmSettings masking() {
        return LiteLlmSettings.read(new SettingsReader(Stacks.example("local-model-guardrails").with(Map.of("guardrailAction", "MASK"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> render(LiteLlmSettings s, boolean redis) {
        return new Yaml().load(LiteLlmConfig.render(s, new LiteLlmConfig.RenderContext("us-east-1", redis, false)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void providerKeysAppearOnlyAsEnvironmentReferences() {
        Map<String, Object> config = render(settings("local-model-guardrails"), false);
        List<Map<String, Object>> models = (List<Map<String, Object>>) config.get("model_list");
        assertEquals(List.of("llama3", "gpt-4o-mini", "claude-sonnet", "gpt-4o"), models.stream().map(m -> m.get("model_name")).toList());
        Map<String, Object> azure = (Map<String, Object>) models.get(3).get("litellm_params");
        assertEquals("os.environ/AZURE_API_KEY", azure.get("api_key"));
        assertEquals("https://example-resource.openai.azure.com", azure.get("api_base"));
        assertEquals("http://localhost:11434", ((Map<String, Object>) models.get(0).get("litellm_params")).get("api_base"));
        String text = LiteLlmConfig.render(settings("local-model-guardrails"), new LiteLlmConfig.RenderContext("us-east-1", false, false));
        assertFalse(text.contains("placeholder"), "no secret value is ever rendered");
        assertEquals("os.environ/LITELLM_MASTER_KEY", ((Map<String, Object>) config.get("general_settings")).get("master_key"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void regexFilterChecksRequestsAndResponsesWithEveryPattern() {
        Map<String, Object> config = render(masking(), false);
        List<Map<String, Object>> guardrails = (List<Map<String, Object>>) config.get("guardrails");
        assertEquals(List.of("pii-regex-pre", "pii-regex-post", "pii-presidio"), guardrails.stream().map(g -> g.get("guardrail_name")).toList());
        for (Map<String, Object> entry : guardrails.subList(0, 2)) {
            Map<String, Object> regex = (Map<String, Object>) entry.get("litellm_params");
            assertEquals("litellm_content_filter", regex.get("guardrail"));
            assertEquals(true, regex.get("default_on"));
            List<Map<String, Object>> patterns = (List<Map<String, Object>>) regex.get("patterns");
            assertEquals(List.of("us_ssn", "email", "us_phone", "credit_card", "aws_access_key"),
                    patterns.stream().map(p -> p.get("pattern_name")).toList(), "phones and cards of every brand; not aws_secret_key, "
                            + "which matches any 40-character word (every git commit id)");
            assertTrue(patterns.stream().allMatch(p -> "prebuilt".equals(p.get("pattern_type")) && "MASK".equals(p.get("action"))));
        }
        assertEquals(List.of("pre_call", "post_call"), guardrails.subList(0, 2).stream()
                .map(g -> ((Map<String, Object>) g.get("litellm_params")).get("mode")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void presidioMasksBeforeTheCallAndRestoresTheCallersValuesInTheAnswer() {
        List<Map<String, Object>> guardrails = (List<Map<String, Object>>) render(masking(), false).get("guardrails");
        List<Map<String, Object>> presidio = guardrails.stream()
                .map(g -> (Map<String, Object>) g.get("litellm_params")).filter(p -> "presidio".equals(p.get("guardrail"))).toList();
        assertEquals(1, presidio.size(), "one pre-call entry: a post-call entry has no token map to unmask with");
        assertEquals("pre_call", presidio.get(0).get("mode"));
        assertEquals(true, presidio.get(0).get("output_parse_pii"), "output_parse_pii belongs on the pre-call entry");
        assertEquals("MASK", ((Map<String, Object>) presidio.get(0).get("pii_entities_config")).get("US_SSN"));
        assertEquals(Map.of("US_SSN", 0.4), presidio.get(0).get("presidio_score_thresholds"),
                "a bare 9-digit number scores 0.05 as US_SSN: below the floor, so order numbers pass");
        assertEquals("input", presidio.get(0).get("presidio_filter_scope"), "prompts only, set explicitly: LiteLLM's default is both");
    }

    @Test
    @SuppressWarnings("unchecked")
    void blockRefusesCallsWithPiiInEveryGuardrail() {
        var blocking = settings("local-model-guardrails");
        List<Map<String, Object>> guardrails = (List<Map<String, Object>>) render(blocking, false).get("guardrails");
        for (Map<String, Object> entry : guardrails) {
            Map<String, Object> params = (Map<String, Object>) entry.get("litellm_params");
            if (params.get("guardrail").equals("presidio")) {
                assertEquals(LiteLlmConfig.PRESIDIO_ENTITIES.size(), ((Map<String, Object>) params.get("pii_entities_config")).size());
                assertTrue(((Map<String, Object>) params.get("pii_entities_config")).values().stream().allMatch("BLOCK"::equals));
                assertEquals(false, params.get("output_parse_pii"));
                assertEquals("fail_closed", params.get("unreachable_fallback"), "an unreachable Presidio refuses the call");
            } else {
                assertTrue(((List<Map<String, Object>>) params.get("patterns")).stream().allMatch(p -> "BLOCK".equals(p.get("action"))));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void responsesAreCachedOnlyWhenCallersAskAndOnlyForTheTtl() {
        Map<String, Object> litellm = (Map<String, Object>) render(settings("bedrock-budgets-metrics"), true).get("litellm_settings");
        assertEquals(true, litellm.get("cache"));
        assertEquals(Map.of("type", "redis", "mode", "default_off", "ttl", 600), litellm.get("cache_params"));
        var always = LiteLlmSettings.read(new SettingsReader(Stacks.example("bedrock-budgets-metrics")
                .with(Map.of("cacheMode", "always", "cacheTtlSeconds", 60))));
        assertEquals(Map.of("type", "redis", "mode", "default_on", "ttl", 60),
                ((Map<String, Object>) render(always, true).get("litellm_settings")).get("cache_params"));
        var off = LiteLlmSettings.read(new SettingsReader(Stacks.example("bedrock-budgets-metrics").with(Map.of("cacheMode", "off"))));
        assertFalse(((Map<String, Object>) render(off, true).get("litellm_settings")).containsKey("cache"));
        assertFalse(((Map<String, Object>) render(settings("bedrock-budgets-metrics"), false).get("litellm_settings")).containsKey("cache"),
                "no Redis, no shared cache");
    }

    @Test
    void theSameSettingsRenderTheSameBytesInAnotherJvm() throws Exception {
        String here = LiteLlmConfig.render(settings("local-model-guardrails"), new LiteLlmConfig.RenderContext("us-east-1", true, false));
        assertEquals(here, LiteLlmConfig.render(settings("local-model-guardrails"), new LiteLlmConfig.RenderContext("us-east-1", true, false)));
        // Another JVM iterates Map.of/Set.of in another order (a per-JVM salt): only canonical output survives.
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RenderConfig.class.getName(), "local-model-guardrails")
                .redirectErrorStream(false).start();
        String there = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, other.waitFor(), new String(other.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(here, there);
        assertSortedKeys(new Yaml().load(here));
    }

    @SuppressWarnings("unchecked")
    private static void assertSortedKeys(Object node) {
        if (node instanceof Map<?, ?> map) {
            List<String> keys = map.keySet().stream().map(String::valueOf).toList();
            assertEquals(keys.stream().sorted().toList(), keys, "keys in canonical order");
            map.values().forEach(LiteLlmConfigTest::assertSortedKeys);
        } else if (node instanceof List<?> list) {
            list.forEach(LiteLlmConfigTest::assertSortedKeys);
        }
    }

    /** Prints the rendered config of an example in a fresh JVM. */
    public static final class RenderConfig {
        public static void main(String[] args) {
            System.out.print(LiteLlmConfig.render(settings(args[0]), new LiteLlmConfig.RenderContext("us-east-1", true, false)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminUiAdmitsOnlyAdminsUnlessTheStackOptsOut() {
        Map<String, Object> general = (Map<String, Object>) render(settings("enterprise-private-endpoints"), true).get("general_settings");
        assertEquals("admin_only", general.get("ui_access_mode"));
        LiteLlmSettings open = LiteLlmSettings.read(new SettingsReader(
                Stacks.example("enterprise-private-endpoints").with(Map.of("uiAdminOnly", false))));
        Map<String, Object> openGeneral = (Map<String, Object>) render(open, true).get("general_settings");
        assertFalse(openGeneral.containsKey("ui_access_mode"), "LiteLLM's default: every signed-in user");
    }

    @Test
    @SuppressWarnings("unchecked")
    void budgetsBedrockRegionAndProductionSettings() {
        Map<String, Object> config = render(settings("bedrock-budgets-metrics"), true);
        Map<String, Object> litellm = (Map<String, Object>) config.get("litellm_settings");
        assertEquals(500.0, litellm.get("max_budget"));
        assertEquals(10.0, litellm.get("max_internal_user_budget"));
        assertEquals("30d", litellm.get("internal_user_budget_duration"));
        assertEquals(List.of("prometheus"), litellm.get("callbacks"));
        assertEquals(600, litellm.get("request_timeout"));
        Map<String, Object> general = (Map<String, Object>) config.get("general_settings");
        assertEquals(60, general.get("proxy_batch_write_at"));
        assertEquals(10, general.get("database_connection_pool_limit"));
        assertFalse(general.containsKey("trusted_proxy_ranges"), "LiteLLM has no such setting");
        assertEquals(Map.of("sslmode", "require"), general.get("database_extra_connection_params"));
        assertEquals(true, litellm.get("require_auth_for_metrics_endpoint"), "the API port's /metrics needs a key; the scraper has its own port");
        assertFalse(general.containsKey("require_auth_for_metrics_endpoint"), "LiteLLM reads it from litellm_settings only");
        Map<String, Object> router = (Map<String, Object>) config.get("router_settings");
        assertEquals("simple-shuffle", router.get("routing_strategy"));
        assertEquals("os.environ/REDIS_PASSWORD", router.get("redis_password"));
        Map<String, Object> haiku = (Map<String, Object>) ((List<Map<String, Object>>) config.get("model_list")).get(0).get("litellm_params");
        assertEquals("us-east-1", haiku.get("aws_region_name"));
        assertFalse(haiku.containsKey("api_key"), "Bedrock authenticates with the task role");
    }

    @Test
    @SuppressWarnings("unchecked")
    void newInternalUsersGetTheStackFilesModelsAndBudgetAsLiteLlmsDefaults() {
        Map<String, Object> litellm = (Map<String, Object>) render(settings("bedrock-budgets-metrics"), true).get("litellm_settings");

        assertEquals(Map.of("models", List.of("claude-haiku-4-5", "claude-sonnet-4-5"), "max_budget", 10.0, "budget_duration", "30d"),
                litellm.get("default_internal_user_params"));

        var everyModel = LiteLlmSettings.read(new SettingsReader(Stacks.example("bedrock-budgets-metrics")
                .with(Map.of("internalUserModels", List.of(), "internalUserBudgetUsd", ""))));
        assertFalse(((Map<String, Object>) render(everyModel, true).get("litellm_settings")).containsKey("default_internal_user_params"),
                "no restriction and no budget: LiteLLM's own defaults");
    }

    @Test
    void internalUserModelsMustComeFromTheCatalog() {
        var error = assertThrows(SettingsException.class, () -> LiteLlmSettings.read(new SettingsReader(
                Stacks.example("bedrock-budgets-metrics").with(Map.of("internalUserModels", List.of("gpt-4o"))))));

        assertTrue(error.getMessage().startsWith("Invalid stack setting litellm-gateway:internalUserModels = 'gpt-4o': "
                + "aliases of the models catalog [claude-haiku-4-5, claude-opus-4-5, claude-sonnet-4-5]"), error.getMessage());
    }

    @Test
    void bedrockPermissionsNameTheProfilesAndTheirModelsOnly() {
        assertEquals(List.of(
                "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0",
                "arn:aws:bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
                "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
                "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.anthropic.claude-opus-4-5-20251101-v1:0",
                "arn:aws:bedrock:*::foundation-model/anthropic.claude-opus-4-5-20251101-v1:0"),
                settings("bedrock-budgets-metrics").bedrockResourceArns("aws", "us-west-2", "111122223333"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void modelParametersReachLiteLlmAsTheTypesItReads() {
        var typed = LiteLlmSettings.read(new SettingsReader(Stacks.example("bedrock-budgets-metrics").with(Map.of("internalUserModels",
                List.of(), "models", List.of("haiku=bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0;temperature=0.2;max_tokens=512")))));
        Map<String, Object> config = render(typed, false);
        Map<String, Object> params = (Map<String, Object>) ((List<Map<String, Object>>) config.get("model_list")).get(0).get("litellm_params");
        assertEquals(0.2, params.get("temperature"), "a number, not the text '0.2'");
        assertEquals(512, params.get("max_tokens"));
    }

    @Test
    void aChangedCatalogChangesTheHash() {
        var context = new LiteLlmConfig.RenderContext("us-east-1", false, false);
        String one = LiteLlmConfig.render(settings("bedrock-budgets-metrics"), context);
        String two = LiteLlmConfig.render(LiteLlmSettings.read(new SettingsReader(Stacks.example("bedrock-budgets-metrics")
                .with(Map.of("models", List.of("haiku=bedrock/anthropic.claude-3-haiku-20240307-v1:0"), "internalUserModels", List.of())))),
                context);
        assertEquals(16, LiteLlmConfig.hash(one).length());
        assertNotEquals(LiteLlmConfig.hash(one), LiteLlmConfig.hash(two));
    }

    @Test
    void badCatalogEntriesAreRejectedNamingTheEntry() {
        // Without the per-user model list, which names aliases of the example's catalog.
        var source = Stacks.example("bedrock-budgets-metrics").with(Map.of("internalUserModels", List.of()));
        assertEquals("Invalid stack setting litellm-gateway:models = 'gpt=mistral/large': the model must start with one of bedrock/, openai/, anthropic/, azure/, ollama_chat/",
                assertThrows(SettingsException.class, () -> LiteLlmSettings.read(new SettingsReader(
                        source.with(Map.of("models", List.of("gpt=mistral/large")))))).getMessage());
        assertTrue(assertThrows(SettingsException.class, () -> LiteLlmSettings.read(new SettingsReader(
                source.with(Map.of("models", List.of("x=azure/gpt-4o", "y=bedrock/m")))))).getMessage().contains("api_base"));
        assertTrue(assertThrows(SettingsException.class, () -> LiteLlmSettings.read(new SettingsReader(
                source.with(Map.of("models", List.of("a=bedrock/m", "a=bedrock/n")))))).getMessage().contains("unique aliases"));
        assertTrue(assertThrows(SettingsException.class, () -> LiteLlmSettings.read(new SettingsReader(
                source.with(Map.of("models", List.of("g=openai/gpt-4o")))))).getMessage()
                .contains("litellm-gateway:openaiApiKey = '': required because models lists a openai/ model"));
    }
}

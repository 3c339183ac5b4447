package dev.llmgateway.gateway.litellm;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.gateway.settings.SettingsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The task role may invoke exactly the configured models, whatever the inference-profile geography and partition. */
class BedrockArnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"us", "us-gov", "eu", "apac", "jp", "au", "global"})
    void everyInferenceProfileGeographyGetsTheProfileAndItsModelInEveryRegion(String geography) {
        String profile = geography + ".anthropic.claude-haiku-4-5-20251001-v1:0";
        var settings = LiteLlmSettings.read(new SettingsReader(Stacks.load("dev")
                .with(Map.of("models", List.of("haiku=bedrock/" + profile)))));
        assertEquals(List.of(
                        "arn:aws-cn:bedrock:cn-north-1:111122223333:inference-profile/" + profile,
                        "arn:aws-cn:bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"),
                settings.bedrockResourceArns("aws-cn", "cn-north-1", "111122223333"),
                "partition from the account lookup, profile plus foundation model");
    }
}

package dev.llmgateway.components.registry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.engine.MockCloud;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRepositoryTest {

    private static final String KEY = "arn:aws:kms:us-east-1:" + MockCloud.ACCOUNT + ":key/stack";

    private static PlannedStack plan(int keep) {
        ImageRepositoryArgs args = ImageRepositoryArgs.builder().kmsKeyArn(Output.of(KEY)).keepImages(keep).build();
        return OfflineEngine.run("p", "s", "us-east-1", ctx -> new ImageRepository("gw-images", args, null)).orThrow();
    }

    @Test
    void tagsAreImmutableEveryPushIsScannedAndImagesAreEncryptedWithTheStackKey() {
        PlannedResource repository = plan(20).one("aws:ecr/repository:Repository");
        assertEquals("IMMUTABLE", repository.string("imageTagMutability"));
        assertTrue(repository.flag("imageScanningConfiguration.scanOnPush"));
        assertEquals("KMS", repository.string("encryptionConfigurations.0.encryptionType"));
        assertEquals(KEY, repository.string("encryptionConfigurations.0.kmsKey"));
    }

    @Test
    void theLifecycleRuleExpiresEveryImageBeyondTheNewestN() {
        PlannedStack plan = plan(30);
        PlannedResource policy = plan.one("aws:ecr/lifecyclePolicy:LifecyclePolicy");
        assertEquals(plan.one("aws:ecr/repository:Repository").output("name").orElseThrow(), policy.input("repository").orElseThrow());
        JsonObject rule = JsonParser.parseString(policy.string("policy")).getAsJsonObject().getAsJsonArray("rules").get(0).getAsJsonObject();
        JsonObject selection = rule.getAsJsonObject("selection");
        assertEquals("any", selection.get("tagStatus").getAsString());
        assertEquals("imageCountMoreThan", selection.get("countType").getAsString());
        assertEquals(30, selection.get("countNumber").getAsInt());
        assertEquals("expire", rule.getAsJsonObject("action").get("type").getAsString());
    }

    @Test
    void keepingNoImageIsRefused() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> ImageRepositoryArgs.builder().kmsKeyArn(Output.of(KEY)).keepImages(0).build());
        assertEquals("ImageRepositoryArgs.keepImages must be 1..10000, got 0", error.getMessage());
    }
}

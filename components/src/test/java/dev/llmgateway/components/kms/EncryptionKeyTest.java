package dev.llmgateway.components.kms;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptionKeyTest {

    @Test
    void keyRotatesHasAnAliasAndAThirtyDayDeletionWindow() {
        var plan = OfflineEngine.run("p", "t", "eu-west-1", ctx -> new EncryptionKey("stack", EncryptionKeyArgs.builder()
                .accountId(Output.of("111122223333")).region("eu-west-1").build(), null)).orThrow();
        PlannedResource key = plan.one("aws:kms/key:Key");
        assertTrue(key.flag("enableKeyRotation"));
        assertEquals(30.0, key.number("deletionWindowInDays"));
        assertEquals("alias/stack", plan.one("aws:kms/alias:Alias").string("name"));
    }

    @Test
    void logsMayUseTheKeyOnlyForThisAccountsLogGroupsInTheRegionAndCallerGrantsAreAdded() {
        JsonObject policy = JsonParser.parseString(EncryptionKey.policy("aws", "111122223333", "eu-west-1",
                List.of(Statement.allow("Extra", List.of("kms:Decrypt"), List.of("*")).forPrincipal("Service", "cloudwatch.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", "111122223333")))).getAsJsonObject();
        var statements = policy.getAsJsonArray("Statement");
        JsonObject logs = statements.get(1).getAsJsonObject();
        assertEquals("logs.eu-west-1.amazonaws.com", logs.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("arn:aws:logs:eu-west-1:111122223333:log-group:*", logs.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("kms:EncryptionContext:aws:logs:arn").getAsString());
        JsonObject alarms = statements.get(2).getAsJsonObject();
        assertEquals("111122223333", alarms.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:SourceAccount").getAsString());
    }

    @Test
    void theDefaultPartitionIsTheRegionsNotAlwaysAws() {
        var plan = OfflineEngine.run("p", "t", "us-gov-west-1", ctx -> new EncryptionKey("stack", EncryptionKeyArgs.builder()
                .accountId(Output.of("111122223333")).region("us-gov-west-1").build(), null)).orThrow();
        String policy = plan.one("aws:kms/key:Key").string("policy");
        assertTrue(policy.contains("arn:aws-us-gov:iam::111122223333:root"), policy);
        assertFalse(policy.contains("arn:aws:"), policy);
    }

    @Test
    void usersAddStatementsAfterTheKeyExistsUntilItsOwnerSealsThePolicy() {
        var plan = OfflineEngine.run("p", "t", "eu-west-1", ctx -> {
            var key = new EncryptionKey("stack", EncryptionKeyArgs.builder()
                    .accountId(Output.of("111122223333")).region("eu-west-1").deferPolicy(true).build(), null);
            key.allow((partition, account) -> List.of(Statement.allow("LaterUser", List.of("kms:Decrypt"), List.of("*"))
                    .forPrincipal("Service", "events.amazonaws.com").when("StringEquals", "aws:SourceAccount", account)));
            key.seal();
            assertThrows(IllegalStateException.class, () -> key.allow(KeyGrant.NONE), "sealed is sealed");
        }).orThrow();
        String policy = plan.one("aws:kms/key:Key").string("policy");
        assertTrue(policy.contains("LaterUser") && policy.contains("111122223333"), policy);
        var undeferred = OfflineEngine.run("p", "t", "eu-west-1", ctx -> {
            var key = new EncryptionKey("stack", EncryptionKeyArgs.builder()
                    .accountId(Output.of("111122223333")).region("eu-west-1").build(), null);
            var refused = assertThrows(IllegalStateException.class, () -> key.allow(KeyGrant.NONE));
            assertTrue(refused.getMessage().contains("deferPolicy"), refused.getMessage());
        });
        assertTrue(undeferred.errors().isEmpty(), undeferred.errors().toString());
    }

    @Test
    void deletionWindowOutsideAwsLimitsIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> EncryptionKeyArgs.builder()
                .accountId(Output.of("1")).region("r").deletionWindowDays(3).build());
        assertEquals("EncryptionKeyArgs.deletionWindowDays must be 7..30, got 3", error.getMessage());
    }

    @Test
    void arnsInThePolicyUseTheAccountsPartition() {
        String policy = EncryptionKey.policy("aws-us-gov", "111122223333", "us-gov-west-1", List.of());
        assertTrue(policy.contains("arn:aws-us-gov:iam::111122223333:root"), policy);
        assertTrue(policy.contains("arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:*"), policy);
        assertFalse(policy.contains("arn:aws:"), policy);
    }
}

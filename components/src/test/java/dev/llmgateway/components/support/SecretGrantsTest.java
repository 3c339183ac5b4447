package dev.llmgateway.components.support;

import com.google.gson.JsonParser;
import dev.llmgateway.components.support.SecretGrants.Store;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretGrantsTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1a2b-AbCdEf";
    private static final String PARAMETER = "arn:aws:ssm:eu-west-1:123456789012:parameter/litellm-gateway/dev/salt-key";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/k";

    @Test
    void theStoreComesFromTheArnsService() {
        assertEquals(Store.SECRETS_MANAGER, Store.of(SECRET + ":password::"));
        assertEquals(Store.PARAMETER_STORE, Store.of(PARAMETER));
        assertEquals(Store.PARAMETER_STORE, Store.of("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x"));
        var notAnArn = assertThrows(IllegalArgumentException.class, () -> Store.of("litellm-master-key"));
        assertTrue(notAnArn.getMessage().contains("litellm-master-key"), notAnArn.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Store.of("arn:aws:s3:::bucket/key"));
    }

    @Test
    void aJsonKeyReferenceGrantsTheSecretItself() {
        assertEquals(SECRET, SecretGrants.resource(SECRET + ":password::"));
        assertEquals(SECRET, SecretGrants.resource(SECRET + ":username:AWSCURRENT:"));
        assertEquals(SECRET, SecretGrants.resource(SECRET));
        assertEquals(PARAMETER, SecretGrants.resource(PARAMETER));
    }

    @Test
    void statementsNameEachStoreUsedOnceAndScopeTheKeyToThem() {
        String json = PolicyDocument.json(SecretGrants.read(
                List.of(SECRET + ":username::", SECRET + ":password::", PARAMETER), KEY, "eu-west-1"));
        assertEquals(JsonParser.parseString("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ReadSecrets\",\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":\"" + SECRET + "\"},"
                + "{\"Sid\":\"ReadParameters\",\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],\"Resource\":\"" + PARAMETER + "\"},"
                + "{\"Sid\":\"DecryptSecrets\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],\"Resource\":\"" + KEY + "\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                + "[\"secretsmanager.eu-west-1.amazonaws.com\",\"ssm.eu-west-1.amazonaws.com\"]}}}]}"), JsonParser.parseString(json));
    }

    @Test
    void nothingToReadGrantsNothing() {
        assertEquals(List.of(), SecretGrants.read(List.of(), KEY, "eu-west-1"));
    }
}

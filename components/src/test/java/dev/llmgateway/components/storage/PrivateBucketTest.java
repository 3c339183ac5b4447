package dev.llmgateway.components.storage;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.PolicyDocument.Statement;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateBucketTest {

    private static PlannedStack plan(PrivateBucketArgs args) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> new PrivateBucket("b", args, null)).orThrow();
    }

    @Test
    void bucketIsBlockedOwnerEnforcedKmsEncryptedAndTlsOnly() {
        PlannedStack plan = plan(PrivateBucketArgs.builder().kmsKeyArn(Optional.of(Output.of("arn:key"))).build());
        var block = plan.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        assertTrue(block.flag("blockPublicAcls") && block.flag("blockPublicPolicy")
                && block.flag("ignorePublicAcls") && block.flag("restrictPublicBuckets"));
        assertEquals("BucketOwnerEnforced", plan.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").string("rule.objectOwnership"));
        var sse = plan.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("aws:kms", sse.string("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals("arn:key", sse.string("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"));
        String policy = plan.one("aws:s3/bucketPolicy:BucketPolicy").string("policy");
        assertTrue(policy.contains("\"aws:SecureTransport\":\"false\"") && policy.contains("\"Effect\":\"Deny\""), policy);
        assertEquals("Enabled", plan.one("aws:s3/bucketVersioningV2:BucketVersioningV2").string("versioningConfiguration.status"));
    }

    @Test
    void withoutAKeyItFallsBackToSseS3AndExpiresObjectsWhenAsked() {
        PlannedStack plan = plan(PrivateBucketArgs.builder().versioning(false).expirationDays(Optional.of(90))
                .grants(arn -> Output.of(List.of(Statement.allow("Extra", List.of("s3:PutObject"), List.of(arn + "/logs/*"))
                        .forPrincipal("Service", "logdelivery.elasticloadbalancing.amazonaws.com")))).build());
        assertEquals("AES256", plan.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .string("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertTrue(plan.ofType("aws:s3/bucketVersioningV2:BucketVersioningV2").isEmpty());
        assertEquals(90.0, plan.one("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").number("rules.0.expiration.days"));
        Object bucket = plan.one("aws:s3/bucketV2:BucketV2").output("bucket").orElseThrow();
        assertTrue(plan.one("aws:s3/bucketPolicy:BucketPolicy").string("policy").contains("arn:aws:s3:::" + bucket + "/logs/*"));
    }
}

package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.PolicyProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElbLogBucketExceptionTest {

    @Test
    void theSseS3AccessLogBucketIsTheOnlyAcceptedExceptionToKmsEncryption() {
        var prod = Plans.stack("prod");
        assertTrue(prod.ofType("aws:s3/bucketV2:BucketV2").size() >= 2, "config bucket and access-log bucket");
        PolicyReport report = PolicyChecks.evaluate(prod, PolicyProfile.PROD);
        assertEquals(CheckStatus.PASS, report.result("LGW-S3-001").status());
        assertTrue(!report.fails(), "prod passes its gate");
    }
}

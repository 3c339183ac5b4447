package dev.llmgateway.components.bindings.tls;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsBindingTest {

    @Test
    void sendsProviderPropertyNamesNestedSubjectAndKeysAsSecrets() {
        PlannedStack plan = OfflineEngine.run("p", "s", "us-east-1", ctx -> {
            var key = new PrivateKey("k", PrivateKeyArgs.builder().algorithm(KeyAlgorithm.RSA).rsaBits(2048).build(), null);
            var ca = new SelfSignedCert("ca", SelfSignedCertArgs.builder()
                    .privateKeyPem(key.privateKeyPem())
                    .subject(CertSubjectArgs.builder().commonName("ca").organization("org").build())
                    .validityPeriodHours(10).isCaCertificate(true)
                    .allowedUses(KeyUsage.CERT_SIGNING).build(), null);
            var csr = new CertRequest("csr", CertRequestArgs.builder()
                    .privateKeyPem(key.privateKeyPem()).dnsNames("a.example").build(), null);
            new LocallySignedCert("leaf", LocallySignedCertArgs.builder()
                    .certRequestPem(csr.certRequestPem()).caPrivateKeyPem(key.privateKeyPem()).caCertPem(ca.certPem())
                    .validityPeriodHours(5).allowedUses(KeyUsage.SERVER_AUTH).build(), null);
            ctx.export("key", key.privateKeyPem());
        }).orThrow();

        PlannedResource key = plan.one(PrivateKey.TYPE);
        assertEquals(TlsPlugin.VERSION, key.version());
        assertEquals("RSA", key.string("algorithm"));
        PlannedResource ca = plan.one(SelfSignedCert.TYPE);
        assertTrue(ca.isSecret("privateKeyPem"));
        assertEquals("ca", ca.string("subject.commonName"));
        assertEquals("org", ca.string("subject.organization"));
        assertEquals(List.of("cert_signing"), ca.list("allowedUses"));
        assertTrue(plan.one(CertRequest.TYPE).isSecret("privateKeyPem"));
        PlannedResource leaf = plan.one(LocallySignedCert.TYPE);
        assertTrue(leaf.isSecret("caPrivateKeyPem"));
        assertTrue(leaf.string("certRequestPem").contains("CERTIFICATE REQUEST"), "MockCloud computes certRequestPem");
        assertTrue(plan.outputs().get("key") instanceof Secret);
    }

    @Test
    void secretOutputsAreExactlyWhatTheTlsSchemaMarksSecretAndNoWriteOnlyInputs() {
        // pulumi/pulumi-tls provider/cmd/pulumi-resource-tls/schema.json: properties with "secret": true.
        assertEquals(List.of("privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8"), PrivateKey.SECRET_OUTPUTS);
        assertEquals(List.of("privateKeyPem"), CertRequest.SECRET_OUTPUTS);
        assertEquals(List.of("privateKeyPem"), SelfSignedCert.SECRET_OUTPUTS);
        assertEquals(List.of("caPrivateKeyPem"), LocallySignedCert.SECRET_OUTPUTS);
        assertEquals(List.of("caPrivateKeyPem"), TlsPlugin.options(null, LocallySignedCert.SECRET_OUTPUTS).getAdditionalSecretOutputs());
    }
}

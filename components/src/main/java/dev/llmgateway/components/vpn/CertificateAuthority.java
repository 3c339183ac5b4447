package dev.llmgateway.components.vpn;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.bindings.tls.CertRequest;
import dev.llmgateway.components.bindings.tls.CertRequestArgs;
import dev.llmgateway.components.bindings.tls.CertSubjectArgs;
import dev.llmgateway.components.bindings.tls.KeyAlgorithm;
import dev.llmgateway.components.bindings.tls.KeyUsage;
import dev.llmgateway.components.bindings.tls.LocallySignedCert;
import dev.llmgateway.components.bindings.tls.LocallySignedCertArgs;
import dev.llmgateway.components.bindings.tls.PrivateKey;
import dev.llmgateway.components.bindings.tls.PrivateKeyArgs;
import dev.llmgateway.components.bindings.tls.SelfSignedCert;
import dev.llmgateway.components.bindings.tls.SelfSignedCertArgs;

/**
 * A private certificate authority for one VPN endpoint, generated with the tls provider: a key,
 * a self-signed CA certificate and the leaf certificates it issues. Keys live only in the
 * (encrypted) Pulumi state and leave it as secrets. Certificates are renewed by the next
 * {@code pulumi up} inside their renewal window.
 */
final class CertificateAuthority {

    /** Key size: a Client VPN endpoint accepts only 1024- and 2048-bit RSA keys. */
    static final int RSA_BITS = 2048;
    /** The CA lives ten years: renewing it re-issues every certificate and every client profile. */
    static final int CA_VALIDITY_HOURS = 10 * 365 * 24;
    /** Server and client certificates live two years. */
    static final int LEAF_VALIDITY_HOURS = 2 * 365 * 24;
    /** A run within 30 days of expiry replaces a certificate. */
    static final int EARLY_RENEWAL_HOURS = 30 * 24;
    private static final String ORGANIZATION = "llmgateway";

    private final String name;
    private final Resource parent;
    private final PrivateKey key;
    private final SelfSignedCert certificate;

    /** Creates the CA key and certificate as children of {@code parent}, named from {@code name}. */
    CertificateAuthority(String name, String commonName, Resource parent) {
        this.name = name;
        this.parent = parent;
        this.key = newKey(name + "-ca-key");
        this.certificate = new SelfSignedCert(name + "-ca-cert", SelfSignedCertArgs.builder()
                .privateKeyPem(key.privateKeyPem())
                .subject(subject(commonName))
                .isCaCertificate(true)
                .allowedUses(KeyUsage.CERT_SIGNING, KeyUsage.CRL_SIGNING)
                .validityPeriodHours(CA_VALIDITY_HOURS)
                .earlyRenewalHours(EARLY_RENEWAL_HOURS)
                .build(), childOptions());
    }

    /** The CA certificate in PEM form. */
    Output<String> certPem() {
        return certificate.certPem();
    }

    /** The CA key in PEM form, as a secret. */
    Output<String> privateKeyPem() {
        return key.privateKeyPem();
    }

    /**
     * Issues a certificate for a new key: key {@code <name>-<role>-key}, request
     * {@code <name>-<role>-csr}, certificate {@code <name>-<role>-cert}, allowed for signing, key
     * encipherment and {@code purpose} (server or client authentication).
     */
    Issued issue(String role, String commonName, KeyUsage purpose) {
        PrivateKey leafKey = newKey(name + "-" + role + "-key");
        CertRequest request = new CertRequest(name + "-" + role + "-csr", CertRequestArgs.builder()
                .privateKeyPem(leafKey.privateKeyPem())
                .subject(subject(commonName))
                .dnsNames(commonName)
                .build(), childOptions());
        LocallySignedCert signed = new LocallySignedCert(name + "-" + role + "-cert", LocallySignedCertArgs.builder()
                .certRequestPem(request.certRequestPem())
                .caPrivateKeyPem(key.privateKeyPem())
                .caCertPem(certificate.certPem())
                .allowedUses(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, purpose)
                .validityPeriodHours(LEAF_VALIDITY_HOURS)
                .earlyRenewalHours(EARLY_RENEWAL_HOURS)
                .build(), childOptions());
        return new Issued(signed.certPem(), leafKey.privateKeyPem());
    }

    /**
     * A certificate issued by this CA and its key.
     *
     * @param certPem       the certificate in PEM form
     * @param privateKeyPem its key in PEM form, as a secret
     */
    record Issued(Output<String> certPem, Output<String> privateKeyPem) {
    }

    private PrivateKey newKey(String keyName) {
        return new PrivateKey(keyName, PrivateKeyArgs.builder()
                .algorithm(KeyAlgorithm.RSA).rsaBits(RSA_BITS).build(), childOptions());
    }

    private static CertSubjectArgs subject(String commonName) {
        return CertSubjectArgs.builder().commonName(commonName).organization(ORGANIZATION).build();
    }

    private CustomResourceOptions childOptions() {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}

package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * {@code tls:index/locallySignedCert:LocallySignedCert}: a certificate issued for a
 * {@link CertRequest} by a certificate authority whose key and certificate the program holds.
 * The provider replaces it once it is within {@code earlyRenewalHours} of expiry when the
 * program runs.
 */
@ResourceType(type = LocallySignedCert.TYPE)
public class LocallySignedCert extends CustomResource {

    /** Outputs the provider schema marks secret (pulumi/pulumi-tls schema.json); nothing write-only. */
    static final java.util.List<String> SECRET_OUTPUTS = java.util.List.of("caPrivateKeyPem");

    /** Type token of the resource. */
    public static final String TYPE = "tls:index/locallySignedCert:LocallySignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    /** Creates the certificate; {@code options} may be null. */
    public LocallySignedCert(String name, LocallySignedCertArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, TlsPlugin.options(options, SECRET_OUTPUTS));
    }

    /** The certificate in PEM form. */
    public Output<String> certPem() {
        return certPem;
    }
}

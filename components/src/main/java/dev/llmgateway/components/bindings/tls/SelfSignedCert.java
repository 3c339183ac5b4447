package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * {@code tls:index/selfSignedCert:SelfSignedCert}: a certificate signed by its own key, e.g. a
 * private certificate authority. The provider replaces it once it is within
 * {@code earlyRenewalHours} of expiry when the program runs.
 */
@ResourceType(type = SelfSignedCert.TYPE)
public class SelfSignedCert extends CustomResource {

    /** Outputs the provider schema marks secret (pulumi/pulumi-tls schema.json); nothing write-only. */
    static final java.util.List<String> SECRET_OUTPUTS = java.util.List.of("privateKeyPem");

    /** Type token of the resource. */
    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    /** Creates the certificate; {@code options} may be null. */
    public SelfSignedCert(String name, SelfSignedCertArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, TlsPlugin.options(options, SECRET_OUTPUTS));
    }

    /** The certificate in PEM form. */
    public Output<String> certPem() {
        return certPem;
    }
}

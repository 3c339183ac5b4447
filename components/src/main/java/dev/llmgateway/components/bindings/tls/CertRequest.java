package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * {@code tls:index/certRequest:CertRequest}: a certificate signing request for a key, to be
 * signed by a certificate authority (see {@link LocallySignedCert}).
 */
@ResourceType(type = CertRequest.TYPE)
public class CertRequest extends CustomResource {

    /** Outputs the provider schema marks secret (pulumi/pulumi-tls schema.json); nothing write-only. */
    static final java.util.List<String> SECRET_OUTPUTS = java.util.List.of("privateKeyPem");

    /** Type token of the resource. */
    public static final String TYPE = "tls:index/certRequest:CertRequest";

    @Export(name = "certRequestPem", refs = {String.class}, tree = "[0]")
    private Output<String> certRequestPem;

    /** Creates the request; {@code options} may be null. */
    public CertRequest(String name, CertRequestArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, TlsPlugin.options(options, SECRET_OUTPUTS));
    }

    /** The request in PEM form. */
    public Output<String> certRequestPem() {
        return certRequestPem;
    }
}

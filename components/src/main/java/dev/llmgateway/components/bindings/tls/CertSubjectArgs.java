package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The distinguished name of a certificate ({@code subject} of {@link SelfSignedCert} and
 * {@link CertRequest}; the provider's {@code SelfSignedCertSubject} and {@code CertRequestSubject}
 * have the same fields). Build with {@link #builder()}.
 */
public final class CertSubjectArgs extends ResourceArgs {

    @Import(name = "commonName")
    private Output<String> commonName;

    @Import(name = "organization")
    private Output<String> organization;

    private CertSubjectArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CertSubjectArgs}. */
    public static final class Builder {
        private final CertSubjectArgs args = new CertSubjectArgs();

        /** Distinguished name {@code CN}; none by default. */
        public Builder commonName(String commonName) {
            args.commonName = Output.of(commonName);
            return this;
        }

        /** Distinguished name {@code O}; none by default. */
        public Builder organization(String organization) {
            args.organization = Output.of(organization);
            return this;
        }

        /** Builds the subject. */
        public CertSubjectArgs build() {
            return args;
        }
    }
}

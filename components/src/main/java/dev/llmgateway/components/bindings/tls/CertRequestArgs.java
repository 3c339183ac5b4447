package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link CertRequest}; build with {@link #builder()}. */
public final class CertRequestArgs extends ResourceArgs {

    @Import(name = "privateKeyPem", required = true)
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private Output<CertSubjectArgs> subject;

    @Import(name = "dnsNames")
    private Output<List<String>> dnsNames;

    private CertRequestArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CertRequestArgs}. */
    public static final class Builder {
        private final CertRequestArgs args = new CertRequestArgs();

        /** The key being certified, in PEM form; required; always sent as a secret. */
        public Builder privateKeyPem(Output<String> privateKeyPem) {
            args.privateKeyPem = privateKeyPem.asSecret();
            return this;
        }

        /** The distinguished name; none by default. */
        public Builder subject(CertSubjectArgs subject) {
            args.subject = Output.of(subject);
            return this;
        }

        /** DNS names the certificate is for; none by default. */
        public Builder dnsNames(String... dnsNames) {
            args.dnsNames = Output.of(List.of(dnsNames));
            return this;
        }

        /** Builds the args; fails when {@code privateKeyPem} is missing. */
        public CertRequestArgs build() {
            Objects.requireNonNull(args.privateKeyPem, "CertRequestArgs.privateKeyPem is required");
            return args;
        }
    }
}

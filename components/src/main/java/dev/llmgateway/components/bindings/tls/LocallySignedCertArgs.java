package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link LocallySignedCert}; build with {@link #builder()}. */
public final class LocallySignedCertArgs extends ResourceArgs {

    @Import(name = "certRequestPem", required = true)
    private Output<String> certRequestPem;

    @Import(name = "caPrivateKeyPem", required = true)
    private Output<String> caPrivateKeyPem;

    @Import(name = "caCertPem", required = true)
    private Output<String> caCertPem;

    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    @Import(name = "earlyRenewalHours")
    private Output<Integer> earlyRenewalHours;

    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    private LocallySignedCertArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link LocallySignedCertArgs}. */
    public static final class Builder {
        private final LocallySignedCertArgs args = new LocallySignedCertArgs();

        /** The request to sign, in PEM form; required. */
        public Builder certRequestPem(Output<String> certRequestPem) {
            args.certRequestPem = certRequestPem;
            return this;
        }

        /** The certificate authority's key in PEM form; required; always sent as a secret. */
        public Builder caPrivateKeyPem(Output<String> caPrivateKeyPem) {
            args.caPrivateKeyPem = caPrivateKeyPem.asSecret();
            return this;
        }

        /** The certificate authority's certificate in PEM form; required. */
        public Builder caCertPem(Output<String> caCertPem) {
            args.caCertPem = caCertPem;
            return this;
        }

        /** Hours the certificate is valid after creation; required. */
        public Builder validityPeriodHours(int hours) {
            args.validityPeriodHours = Output.of(hours);
            return this;
        }

        /** Hours before expiry from which a run replaces the certificate; provider default 0. */
        public Builder earlyRenewalHours(int hours) {
            args.earlyRenewalHours = Output.of(hours);
            return this;
        }

        /** What the key may be used for; required. */
        public Builder allowedUses(KeyUsage... uses) {
            args.allowedUses = Output.of(KeyUsage.wireNames(uses));
            return this;
        }

        /** Builds the args; fails when a required field is missing. */
        public LocallySignedCertArgs build() {
            Objects.requireNonNull(args.certRequestPem, "LocallySignedCertArgs.certRequestPem is required");
            Objects.requireNonNull(args.caPrivateKeyPem, "LocallySignedCertArgs.caPrivateKeyPem is required");
            Objects.requireNonNull(args.caCertPem, "LocallySignedCertArgs.caCertPem is required");
            Objects.requireNonNull(args.validityPeriodHours, "LocallySignedCertArgs.validityPeriodHours is required");
            Objects.requireNonNull(args.allowedUses, "LocallySignedCertArgs.allowedUses is required");
            return args;
        }
    }
}

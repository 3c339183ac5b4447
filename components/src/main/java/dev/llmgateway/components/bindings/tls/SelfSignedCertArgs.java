package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link SelfSignedCert}; build with {@link #builder()}. */
public final class SelfSignedCertArgs extends ResourceArgs {

    @Import(name = "privateKeyPem", required = true)
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private Output<CertSubjectArgs> subject;

    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    @Import(name = "earlyRenewalHours")
    private Output<Integer> earlyRenewalHours;

    @Import(name = "isCaCertificate")
    private Output<Boolean> isCaCertificate;

    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    @Import(name = "dnsNames")
    private Output<List<String>> dnsNames;

    private SelfSignedCertArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SelfSignedCertArgs}. */
    public static final class Builder {
        private final SelfSignedCertArgs args = new SelfSignedCertArgs();

        /** The signing (and subject) key in PEM form; required; always sent as a secret. */
        public Builder privateKeyPem(Output<String> privateKeyPem) {
            args.privateKeyPem = privateKeyPem.asSecret();
            return this;
        }

        /** The distinguished name; none by default. */
        public Builder subject(CertSubjectArgs subject) {
            args.subject = Output.of(subject);
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

        /** Whether this is a certificate authority; provider default false. */
        public Builder isCaCertificate(boolean isCa) {
            args.isCaCertificate = Output.of(isCa);
            return this;
        }

        /** What the key may be used for; required. */
        public Builder allowedUses(KeyUsage... uses) {
            args.allowedUses = Output.of(KeyUsage.wireNames(uses));
            return this;
        }

        /** DNS names the certificate is for; none by default. */
        public Builder dnsNames(String... dnsNames) {
            args.dnsNames = Output.of(List.of(dnsNames));
            return this;
        }

        /** Builds the args; fails when a required field is missing. */
        public SelfSignedCertArgs build() {
            Objects.requireNonNull(args.privateKeyPem, "SelfSignedCertArgs.privateKeyPem is required");
            Objects.requireNonNull(args.validityPeriodHours, "SelfSignedCertArgs.validityPeriodHours is required");
            Objects.requireNonNull(args.allowedUses, "SelfSignedCertArgs.allowedUses is required");
            return args;
        }
    }
}

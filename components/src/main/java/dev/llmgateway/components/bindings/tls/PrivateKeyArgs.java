package dev.llmgateway.components.bindings.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** Inputs of {@link PrivateKey}; build with {@link #builder()}. */
public final class PrivateKeyArgs extends ResourceArgs {

    @Import(name = "algorithm", required = true)
    private Output<String> algorithm;

    @Import(name = "rsaBits")
    private Output<Integer> rsaBits;

    @Import(name = "ecdsaCurve")
    private Output<String> ecdsaCurve;

    private PrivateKeyArgs() {
    }

    /** The key algorithm (required). */
    public Output<String> algorithm() {
        return algorithm;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PrivateKeyArgs}. */
    public static final class Builder {
        private final PrivateKeyArgs args = new PrivateKeyArgs();

        /** The key algorithm; required. */
        public Builder algorithm(KeyAlgorithm algorithm) {
            args.algorithm = Output.of(algorithm.name());
            return this;
        }

        /** Size of an RSA key in bits; provider default 2048. */
        public Builder rsaBits(int bits) {
            args.rsaBits = Output.of(bits);
            return this;
        }

        /** Curve of an ECDSA key; provider default P224. */
        public Builder ecdsaCurve(EcdsaCurve curve) {
            args.ecdsaCurve = Output.of(curve.name());
            return this;
        }

        /** Builds the args; fails when {@code algorithm} is missing. */
        public PrivateKeyArgs build() {
            Objects.requireNonNull(args.algorithm, "PrivateKeyArgs.algorithm is required");
            return args;
        }
    }
}

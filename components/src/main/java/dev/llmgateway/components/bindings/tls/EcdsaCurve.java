package dev.llmgateway.components.bindings.tls;

/** Elliptic curves {@link PrivateKey} supports for {@link KeyAlgorithm#ECDSA}. */
public enum EcdsaCurve {
    /** NIST P-224 (the provider's default). */
    P224,
    /** NIST P-256. */
    P256,
    /** NIST P-384. */
    P384,
    /** NIST P-521. */
    P521
}

package dev.llmgateway.components.bindings.tls;

/** Algorithms {@link PrivateKey} can generate. */
public enum KeyAlgorithm {
    /** RSA; size from {@code rsaBits}. */
    RSA,
    /** ECDSA; curve from {@code ecdsaCurve}. */
    ECDSA,
    /** Ed25519. */
    ED25519
}

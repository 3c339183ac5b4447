package dev.llmgateway.components.vpn;

/** How Client VPN users authenticate. */
public enum VpnAuthentication {
    /** Mutual TLS with client certificates. */
    CERTIFICATE,
    /** SAML federation through an IAM identity provider. */
    SAML
}

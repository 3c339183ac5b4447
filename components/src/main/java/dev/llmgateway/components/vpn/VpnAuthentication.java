package dev.llmgateway.components.vpn;

/** How people authenticate to a {@link ClientVpn}. */
public enum VpnAuthentication {
    /** Mutual TLS: a client certificate issued by the endpoint's client root CA. */
    CERTIFICATE,
    /** Federated sign-in through an IAM SAML identity provider (e.g. IAM Identity Center, Okta). */
    SAML
}

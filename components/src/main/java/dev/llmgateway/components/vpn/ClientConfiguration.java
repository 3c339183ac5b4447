package dev.llmgateway.components.vpn;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenVPN profile ({@code .ovpn}) people import into the AWS VPN Client or OpenVPN to reach
 * a {@link ClientVpn}. Empty strings stand for parts this stack does not hold (an external
 * server CA, an external client root); the profile then says what to add.
 *
 * @param remoteHost     host to connect to: a random label in front of the endpoint's wildcard name
 * @param port           endpoint port
 * @param transport      transport protocol
 * @param authentication how people authenticate
 * @param caPem          CA that issued the server certificate, or empty when external
 * @param clientCertPem  generated client certificate (certificate mode), or empty
 * @param clientKeyPem   its private key, or empty
 */
record ClientConfiguration(
        String remoteHost,
        int port,
        VpnTransport transport,
        VpnAuthentication authentication,
        String caPem,
        String clientCertPem,
        String clientKeyPem) {

    /** The profile text. */
    String render() {
        List<String> lines = new ArrayList<>(List.of(
                "# AWS Client VPN profile for " + remoteHost.substring(remoteHost.indexOf('.') + 1),
                "client",
                "dev tun",
                "proto " + transport.wireName(),
                "remote " + remoteHost + " " + port,
                "resolv-retry infinite",
                "nobind",
                // only a certificate with the server-auth usage (never a client's) passes for the server
                "remote-cert-tls server",
                "cipher AES-256-GCM",
                "verb 3",
                "reneg-sec 0"));
        if (authentication == VpnAuthentication.SAML) {
            lines.addAll(List.of("auth-user-pass", "auth-federate", "auth-retry interact", "auth-nocache"));
        }
        block(lines, "ca", caPem, "the CA certificate that issued the endpoint's server certificate");
        if (authentication == VpnAuthentication.CERTIFICATE) {
            block(lines, "cert", clientCertPem, "a client certificate issued by the endpoint's client root CA");
            block(lines, "key", clientKeyPem, "the private key of that client certificate");
        }
        return String.join("\n", lines) + "\n";
    }

    private static void block(List<String> lines, String tag, String pem, String missing) {
        if (pem.isEmpty()) {
            lines.add("# add <" + tag + ">: " + missing);
            return;
        }
        lines.add("<" + tag + ">");
        lines.add(pem.strip());
        lines.add("</" + tag + ">");
    }
}

package dev.llmgateway.components.vpn;

import java.util.Locale;

/** Transport protocol of a {@link ClientVpn} endpoint (port 443 either way). */
public enum VpnTransport {
    /** UDP: faster; the default. */
    UDP,
    /** TCP: for networks that block outbound UDP. */
    TCP;

    /** The spelling AWS and OpenVPN use ({@code udp}, {@code tcp}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

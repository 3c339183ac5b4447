package dev.llmgateway.components.bindings.tls;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Key usages and extended key usages a certificate may allow ({@code allowedUses}). */
public enum KeyUsage {
    /** Signing with the key. */
    DIGITAL_SIGNATURE,
    /** Encrypting keys with it (RSA key exchange). */
    KEY_ENCIPHERMENT,
    /** Signing other certificates (a CA). */
    CERT_SIGNING,
    /** Signing revocation lists (a CA). */
    CRL_SIGNING,
    /** TLS server authentication (extended usage). */
    SERVER_AUTH,
    /** TLS client authentication (extended usage). */
    CLIENT_AUTH;

    /** The provider's spelling, e.g. {@code server_auth}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider's spellings of {@code uses}, in order. */
    static List<String> wireNames(KeyUsage... uses) {
        return Arrays.stream(uses).map(KeyUsage::wireName).toList();
    }
}

package dev.llmgateway.components.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keeps physical names inside AWS limits for any stack name. A name that fits is kept as it is;
 * a longer one becomes a readable prefix plus a hyphen and six hex digits of the full name's
 * SHA-256, so it stays unique and stable across runs. Where the provider auto-names a resource
 * (logical name plus {@code -} and 7 random characters), the logical name is fitted to leave room
 * for that suffix.
 */
public final class PhysicalName {

    private static final int HASH_LENGTH = 6;

    private PhysicalName() {
    }

    /** The logical name to give a resource the provider auto-names under {@code rule}. */
    public static String autoNamed(String logicalName, NameRule rule) {
        return fit(logicalName, rule.maxLength() - NameRule.RANDOM_SUFFIX);
    }

    /** An explicit physical name under {@code rule}: fitted, and lower-cased where AWS wants it. */
    public static String explicit(String name, NameRule rule) {
        String fitted = fit(name, rule.maxLength());
        return rule.lowerCase() ? fitted.toLowerCase(Locale.ROOT) : fitted;
    }

    /** {@code name} when it has at most {@code max} characters, else a prefix plus a hash of it. */
    private static String fit(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String prefix = name.substring(0, max - HASH_LENGTH - 1).replaceAll("-+$", "");
        return prefix + "-" + hash(name);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

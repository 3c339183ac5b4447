package dev.llmgateway.components.network;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block with the arithmetic the network needs: parsing, containment, overlap and
 * carving into equal subnets.
 *
 * @param base   network address as an unsigned 32-bit value (host bits zero)
 * @param prefix prefix length, 0..32
 */
public record Cidr(long base, int prefix) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Validates the network address and prefix. */
    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32: " + prefix);
        }
        if ((base & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits set in " + dotted(base) + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when malformed or when host bits are set. */
    public static Optional<Cidr> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    /** Parses or throws {@link IllegalArgumentException}. */
    public static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR block: " + text));
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** Whether {@code other} lies entirely inside this block. */
    public boolean contains(Cidr other) {
        return other.prefix >= prefix && (other.base & mask(prefix)) == base;
    }

    /** Whether the two blocks share any address. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The {@code index}-th subnet of prefix length {@code newPrefix} inside this block. */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve /" + newPrefix + " from " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " holds " + count + " /" + newPrefix + " subnets, not " + (index + 1));
        }
        return new Cidr(base + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** The address {@code offset} places after the network address (e.g. 2 for the VPC resolver). */
    public String address(int offset) {
        return dotted(base + offset);
    }

    @Override
    public String toString() {
        return dotted(base) + "/" + prefix;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}

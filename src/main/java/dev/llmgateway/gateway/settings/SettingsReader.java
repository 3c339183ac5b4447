package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.core.Output;

import dev.llmgateway.components.network.Cidr;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed, validated reads from a {@link ConfigSource}. Every failure is a {@link SettingsException}
 * naming the fully qualified key, the value and what is allowed.
 */
public final class SettingsReader {

    private final ConfigSource source;
    private final Map<String, String> valuesRead = new LinkedHashMap<>();

    /** Reads from {@code source}. */
    public SettingsReader(ConfigSource source) {
        this.source = source;
    }

    /** Every plain (non-secret) value read so far, by key, in reading order. */
    public Map<String, String> valuesRead() {
        return Collections.unmodifiableMap(valuesRead);
    }

    /** The underlying source. */
    public ConfigSource source() {
        return source;
    }

    /** Fails for {@code key} with the given value and description of what is allowed. */
    public SettingsException invalid(String key, Object value, String allowed) {
        return new SettingsException(source.qualified(key), String.valueOf(value), allowed);
    }

    /** An optional string; blank counts as unset. */
    public Optional<String> optional(String key) {
        Optional<String> value = source.get(key).map(String::trim).filter(v -> !v.isEmpty());
        value.ifPresent(v -> valuesRead.put(key, v));
        return value;
    }

    /** A string with a default. */
    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    /** A required string. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "", "a value is required"));
    }

    /** An integer within {@code [min, max]}. */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, raw.get(), "a whole number between " + min + " and " + max);
        }
        return value;
    }

    /** A decimal within {@code [min, max]}. */
    public double decimal(String key, double fallback, double min, double max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, raw.get(), "a number between " + min + " and " + max);
        }
        return value;
    }

    /** A boolean ({@code true} or {@code false}). */
    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw.get(), "true or false");
        };
    }

    /**
     * One of an enum's constants, written in lower case with dashes ({@code gateway-per-az} for
     * {@code GATEWAY_PER_AZ}); the constant's own spelling is accepted too.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        String normalized = raw.get().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw invalid(key, raw.get(), "one of " + Arrays.stream(type.getEnumConstants())
                .map(SettingsReader::spelling).collect(Collectors.joining(", ")));
    }

    /** How an enum constant is written in stack files. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A list of strings, written as a YAML list in stack files. */
    public List<String> list(String key, List<String> fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            String[] values = new Gson().fromJson(raw.get(), String[].class);
            return values == null ? List.of() : List.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            throw invalid(key, raw.get(), "a list of strings");
        }
    }

    /** An IPv4 CIDR block such as {@code 10.0.0.0/16}. */
    public Cidr cidr(String key, String fallback) {
        String raw = string(key, fallback);
        return Cidr.parse(raw).orElseThrow(() -> invalid(key, raw, "an IPv4 CIDR block such as 10.0.0.0/16"));
    }

    /** A list of IPv4 CIDR blocks. */
    public List<Cidr> cidrs(String key, List<String> fallback) {
        return list(key, fallback).stream()
                .map(raw -> Cidr.parse(raw).orElseThrow(() -> invalid(key, raw, "IPv4 CIDR blocks such as 203.0.113.0/24")))
                .toList();
    }

    /** An optional secret; refused when the stack holds it in plain text. */
    public Optional<Output<String>> secret(String key) {
        if (source.isPlainText(key)) {
            // The value itself is never echoed: it is a credential that is already exposed once.
            throw invalid(key, "<plain text, not shown>", "an encrypted value: the stack file holds this secret in plain text."
                    + " Encrypt it with: pulumi config set --secret " + key + " <value>  (then rotate the key at the provider"
                    + " if the file was ever committed or shared)");
        }
        return source.secret(key);
    }

    /** A required secret, set with {@code pulumi config set --secret}. */
    public Output<String> requiredSecret(String key, String why) {
        return secret(key).orElseThrow(() -> invalid(key, "",
                "required because " + why + "; set it with: pulumi config set --secret " + key + " <value>"));
    }
}

package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.core.Output;

import dev.llmgateway.components.network.Cidr;

import java.util.ArrayList;
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
 *
 * <p>The reader holds no defaults: {@code Pulumi.yaml} does. Under {@code pulumi up} the CLI has already set every
 * declared key the stack leaves out to its declared default ({@link CliConfigCheck}); a source that lacks a key
 * (a test's override) reads the declared default too. Each read names the type it expects, and a key read with
 * another type than {@code Pulumi.yaml} declares is a programming error, so the declarations and the typed
 * settings cannot disagree.
 */
public final class SettingsReader {

    /**
     * How the program reads one key: the declared type it read it as and what it allows.
     *
     * @param type    the config type ({@code string}, {@code integer}, {@code boolean}, {@code array<string>})
     * @param allowed the values allowed, in words ({@code 2..6}, {@code one of none, instance}); empty when free
     */
    public record Use(String type, String allowed) {
    }

    private final ConfigSource source;
    private final ProjectConfig project;
    private final Map<String, String> valuesRead = new LinkedHashMap<>();
    private final Map<String, Use> uses = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Reads from {@code source}, with the declarations of its project. */
    public SettingsReader(ConfigSource source) {
        this.source = source;
        this.project = source.projectConfig();
    }

    /** Every plain (non-secret) value read so far, by key, in reading order. */
    public Map<String, String> valuesRead() {
        return Collections.unmodifiableMap(valuesRead);
    }

    /** How each key was read so far, by key, in reading order. */
    public Map<String, Use> uses() {
        return Collections.unmodifiableMap(uses);
    }

    /** The underlying source. */
    public ConfigSource source() {
        return source;
    }

    /**
     * Notes that {@code value} of {@code key} is not in the table that knows what AWS or LiteLLM accepts (checked
     * {@code asOf}): it may be newer than the table, so it is not refused, but it is not silently passed either.
     */
    public void warnUnknown(String key, Object value, String table, String asOf) {
        warnings.add(source.qualified(key) + " = '" + value + "' is not in " + table + " (as of " + asOf
                + "); AWS or LiteLLM may refuse it at deploy time");
    }

    /** The warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Fails for {@code key} with the given value and description of what is allowed. */
    public SettingsException invalid(String key, Object value, String allowed) {
        return new SettingsException(source.qualified(key), String.valueOf(value), allowed);
    }

    /** Whether {@code key} holds its declared default (the CLI cannot tell a default from the same value set by hand). */
    public boolean isDefault(String key) {
        return source.get(key).map(value -> value.equals(declaredDefault(key))).orElse(true);
    }

    /** An optional string; blank counts as unset. */
    public Optional<String> optional(String key) {
        return raw(key, "string", "").map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A string (blank when its default is). */
    public String string(String key) {
        return optional(key).orElse("");
    }

    /** A required string. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "", "a value is required"));
    }

    /** An integer within {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        return integer(key, min, max, false);
    }

    /** 0 (off, or derived from other settings as the key's description says), or an integer within {@code [min, max]}. */
    public int integerOrZero(String key, int min, int max) {
        return integer(key, min, max, true);
    }

    private int integer(String key, int min, int max, boolean zero) {
        String allowed = (zero ? "0 or " : "") + "a whole number between " + min + " and " + max;
        String raw = raw(key, "integer", (zero ? "0, or " : "") + min + ".." + max).orElseThrow(() -> invalid(key, "", allowed));
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, allowed);
        }
        if ((value < min || value > max) && !(zero && value == 0)) {
            throw invalid(key, raw, allowed);
        }
        return value;
    }

    /** A decimal within {@code [min, max]}, declared as a string (the CLI's config types have no decimals). */
    public double decimal(String key, double min, double max) {
        String allowed = "a number between " + min + " and " + max;
        String raw = raw(key, "string", min + ".." + max).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> invalid(key, "", allowed));
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, allowed);
        }
        if (value < min || value > max || Double.isNaN(value)) {
            throw invalid(key, raw, allowed);
        }
        return value;
    }

    /** A boolean ({@code true} or {@code false}). */
    public boolean bool(String key) {
        String raw = raw(key, "boolean", "true, false").orElseThrow(() -> invalid(key, "", "true or false"));
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw, "true or false");
        };
    }

    /**
     * One of an enum's constants, written in lower case with dashes ({@code gateway-per-az} for
     * {@code GATEWAY_PER_AZ}); the constant's own spelling is accepted too.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        String allowed = "one of " + Arrays.stream(type.getEnumConstants()).map(SettingsReader::spelling)
                .collect(Collectors.joining(", "));
        String raw = raw(key, "string", allowed).map(String::trim).orElse("");
        return constant(type, raw).orElseThrow(() -> invalid(key, raw, allowed));
    }

    /** A list of distinct {@link #choice} values, written as a YAML list in stack files, in the order written. */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        List<String> raw = list(key);
        String allowed = "a list of distinct values, each one of " + Arrays.stream(type.getEnumConstants())
                .map(SettingsReader::spelling).collect(Collectors.joining(", "));
        List<E> chosen = new ArrayList<>();
        for (String value : raw) {
            E constant = constant(type, value.trim()).orElseThrow(() -> invalid(key, raw, allowed));
            if (chosen.contains(constant)) {
                throw invalid(key, raw, allowed);
            }
            chosen.add(constant);
        }
        return List.copyOf(chosen);
    }

    /** The constant {@code raw} spells (lower case with dashes, or the constant's own name). */
    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String raw) {
        String normalized = raw.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(normalized)).findFirst();
    }

    /** How an enum constant is written in stack files. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A list of strings, written as a YAML list in stack files. */
    public List<String> list(String key) {
        String raw = raw(key, "array<string>", "").orElseThrow();
        try {
            String[] values = new Gson().fromJson(raw, String[].class);
            return values == null ? List.of() : List.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            throw invalid(key, raw, "a list of strings");
        }
    }

    /** An IPv4 CIDR block such as {@code 10.0.0.0/16}. */
    public Cidr cidr(String key) {
        String raw = string(key);
        return Cidr.parse(raw).orElseThrow(() -> invalid(key, raw, "an IPv4 CIDR block such as 10.0.0.0/16"));
    }

    /** A list of IPv4 CIDR blocks. */
    public List<Cidr> cidrs(String key) {
        return list(key).stream()
                .map(raw -> Cidr.parse(raw).orElseThrow(() -> invalid(key, raw, "IPv4 CIDR blocks such as 203.0.113.0/24")))
                .toList();
    }

    /** An optional secret; refused when the stack holds it in plain text. */
    public Optional<Output<String>> secret(String key) {
        declaration(key, "string");
        uses.putIfAbsent(key, new Use("string", "an encrypted value"));
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

    /** The declared default of {@code key} as the program would receive it. */
    private String declaredDefault(String key) {
        return project.declaration(key).flatMap(ConfigDeclaration::fallback)
                .map(value -> StackConfigValue.of(value).programText()).orElse("");
    }

    /**
     * The text of {@code key}, or its declared default when the source lacks it; records the read. Keys of the
     * project's namespace must be declared with {@code type}.
     */
    private Optional<String> raw(String key, String type, String allowed) {
        Optional<String> value = source.get(key);
        if (project.inProjectNamespace(key)) {
            declaration(key, type);
            uses.putIfAbsent(key, new Use(type, allowed));
            if (value.isEmpty()) {
                // What the CLI would have set; a declaration without a default never gets here (the CLI refuses the stack).
                value = Optional.of(project.declaration(key).flatMap(ConfigDeclaration::fallback)
                        .map(fallback -> StackConfigValue.of(fallback).programText())
                        .orElseThrow(() -> new IllegalStateException("Pulumi.yaml declares no default for " + source.qualified(key))));
            }
        }
        value.filter(v -> !v.isBlank()).ifPresent(v -> valuesRead.put(key, v.trim()));
        return value;
    }

    private void declaration(String key, String type) {
        ConfigDeclaration declaration = project.declaration(key).orElseThrow(() -> new IllegalStateException(
                "the program reads " + source.qualified(key) + ", which Pulumi.yaml does not declare"));
        String declared = declaration.declaredType().map(ConfigType::fullName).orElse("(untyped)");
        if (!declared.equals(type)) {
            throw new IllegalStateException("the program reads " + source.qualified(key) + " as " + type
                    + ", but Pulumi.yaml declares it as " + declared);
        }
    }
}

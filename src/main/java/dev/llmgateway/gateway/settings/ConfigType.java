package dev.llmgateway.gateway.settings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config type as {@code Pulumi.yaml} declares it: {@code string}, {@code integer}, {@code boolean}, {@code object} or
 * {@code array} with {@code items}. {@link #accepts} is the CLI's check (pulumi/pulumi
 * {@code sdk/go/common/workspace/project.go ValidateConfigValue}), applied to values shaped as Go's YAML and JSON
 * decoders produce them ({@link GoYaml}).
 *
 * @param name  one of the names the project schema allows ({@code project.json SimpleConfigType})
 * @param items the item type of an array; null otherwise
 */
public record ConfigType(String name, ConfigType items) {

    /** The type names the project schema allows. */
    public static final List<String> NAMES = List.of("string", "integer", "boolean", "array", "object");

    /** The type as the CLI names it in messages: {@code array<string>} ({@code InferFullTypeName}). */
    public String fullName() {
        return items != null ? "array<" + items.fullName() + ">" : name;
    }

    /** The declared item type, when this is an array. */
    public Optional<ConfigType> itemType() {
        return Optional.ofNullable(items);
    }

    /**
     * Whether the CLI accepts {@code value} for this type: a string for {@code string}; a whole number, or a string
     * that parses as one ({@code strconv.Atoi}), for {@code integer}; a boolean or the exact text {@code true} /
     * {@code false} for {@code boolean}; a map for {@code object}; a list whose every item the item type accepts for
     * {@code array} (which must declare {@code items}).
     */
    public boolean accepts(Object value) {
        return switch (name) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long || value instanceof Integer
                    || value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    || value instanceof String s && atoi(s);
            case "boolean" -> value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "object" -> value instanceof Map<?, ?>;
            default -> value instanceof List<?> list && items != null && list.stream().allMatch(items::accepts);
        };
    }

    /** Go's {@code strconv.Atoi}: an optional sign and decimal digits that fit 64 bits. */
    private static boolean atoi(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            return false;
        }
        BigInteger value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text).toBigInteger();
        return value.bitLength() < 64;
    }
}

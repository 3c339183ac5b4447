package dev.llmgateway.gateway.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stack config value as the Pulumi CLI stores it (pulumi/pulumi {@code sdk/go/common/resource/config/value.go
 * Value}, {@code object.go MarshalString}): text, whether it is encrypted ({@code secure:}), whether it is an object
 * (a list or map, held as JSON text). A YAML scalar becomes its text ({@code 2}, {@code true}, {@code 0.5}; a whole
 * float loses its fraction as Go's JSON encoder writes it); an empty value ({@code key:}) becomes the object
 * {@code null}; {@code {secure: ...}} is an encrypted string; lists and maps become JSON with map keys sorted. The
 * program receives the text (the language host passes {@code PULUMI_CONFIG}).
 *
 * @param text   the stored text (the ciphertext when {@code secure} and not an object)
 * @param secure whether the value, or a part of an object, is encrypted
 * @param object whether the text is JSON of a list, map or null
 */
public record StackConfigValue(String text, boolean secure, boolean object) {

    /** What an encrypted value reads as offline: the stack's key is not available to decrypt it. */
    public static final String SECRET_PLACEHOLDER = "placeholder-for-encrypted-config";

    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    /** A plain string value, as {@code pulumi config set key value} stores it. */
    public static StackConfigValue plain(String text) {
        return new StackConfigValue(text, false, false);
    }

    /** The value of a YAML node as {@link GoYaml} decoded it ({@code object.go unmarshalObject}, {@code MarshalString}). */
    public static StackConfigValue of(Object value) {
        if (value instanceof String text) {
            return plain(text);
        }
        if (value instanceof Map<?, ?> map && isSecure(map)) {
            return new StackConfigValue((String) map.get("secure"), true, false);
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return plain(json(value, false));
        }
        return new StackConfigValue(json(value, false), containsSecure(value), true);
    }

    /** The text the program receives: an encrypted part reads as {@link #SECRET_PLACEHOLDER} (it cannot be decrypted offline). */
    public String programText() {
        if (!secure) {
            return text;
        }
        return object ? json(GoYaml.load(text, "config value"), true) : SECRET_PLACEHOLDER;
    }

    /**
     * What the CLI validates against the declared type ({@code pkg/workspace/config.go validateStackConfigValue}): the
     * decrypted text, or for an object its JSON decoded with numbers as floats ({@code json.Unmarshal} into
     * {@code any}). Encrypted parts stand in as {@link #SECRET_PLACEHOLDER}.
     */
    public Object content() {
        if (!object) {
            return secure ? SECRET_PLACEHOLDER : text;
        }
        return floats(GoYaml.load(programText(), "config value"));
    }

    private static Object floats(Object value) {
        if (value instanceof Long number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(floats(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new TreeMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), floats(item)));
            return copy;
        }
        return value;
    }

    private static boolean isSecure(Map<?, ?> map) {
        return map.size() == 1 && map.get("secure") instanceof String;
    }

    private static boolean containsSecure(Object value) {
        if (value instanceof Map<?, ?> map) {
            return isSecure(map) || map.values().stream().anyMatch(StackConfigValue::containsSecure);
        }
        return value instanceof List<?> list && list.stream().anyMatch(StackConfigValue::containsSecure);
    }

    /** Go's {@code json.Marshal} of the value: map keys sorted, whole floats without a fraction. */
    private static String json(Object value, boolean decrypted) {
        return GSON.toJson(goJson(value, decrypted));
    }

    private static Object goJson(Object value, boolean decrypted) {
        if (value instanceof Map<?, ?> map) {
            if (decrypted && isSecure(map)) {
                return SECRET_PLACEHOLDER;
            }
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), goJson(item, decrypted)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(goJson(item, decrypted)));
            return copy;
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw new SettingsException("config value", String.valueOf(number),
                        "a finite number (the CLI's JSON encoder refuses NaN and infinities)");
            }
            BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigIntegerExact() : decimal;
        }
        return value;
    }
}

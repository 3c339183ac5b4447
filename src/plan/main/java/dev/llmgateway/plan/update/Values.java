package dev.llmgateway.plan.update;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.Secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Property values as the engine records them (maps, lists, numbers, strings, {@link Secret}s): paths, equality, rewriting. */
final class Values {

    private Values() {
    }

    /** The value at a dotted path; through a list, the list of the values inside each element. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            current = step(Secret.reveal(current), part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object step(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (value instanceof List<?> list) {
            List<Object> inside = new ArrayList<>();
            list.forEach(item -> inside.add(step(Secret.reveal(item), key)));
            return inside;
        }
        return null;
    }

    /**
     * The value with maps sorted, whole numbers as longs and each secret as the digest of its value (a state file keeps
     * only the digest): equal values compare equal.
     */
    static Object normal(Object value) {
        if (value instanceof Secret secret) {
            return "secret:" + (secret.value() instanceof StateFile.Digest digest ? digest.sha256() : StateFile.digest(secret.value()));
        }
        Object plain = value;
        if (plain instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normal(v)));
            return sorted;
        }
        if (plain instanceof List<?> list) {
            return list.stream().map(Values::normal).toList();
        }
        if (plain instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        return plain;
    }

    /** Whether two recorded values differ; an unknown value differs from everything. */
    static boolean differ(Object old, Object now) {
        if (isUnknown(now)) {
            return true;
        }
        return !java.util.Objects.equals(normal(old), normal(now));
    }

    /** Whether a value is, or holds, the engine's unknown marker. */
    static boolean isUnknown(Object value) {
        Object plain = Secret.reveal(value);
        if (OfflineEngine.UNKNOWN_MARK.equals(plain)) {
            return true;
        }
        if (plain instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Values::isUnknown);
        }
        return plain instanceof List<?> list && list.stream().anyMatch(Values::isUnknown);
    }

    /** A copy with every string rewritten by {@code strings}, secrecy and structure kept. */
    static Object rewrite(Object value, UnaryOperator<String> strings) {
        if (value instanceof Secret secret) {
            return new Secret(rewrite(secret.value(), strings));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), rewrite(v, strings)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> rewrite(item, strings)).toList();
        }
        if (value instanceof String text) {
            return strings.apply(text);
        }
        return value;
    }

    /** A map's values rewritten (see {@link #rewrite(Object, UnaryOperator)}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rewriteAll(Map<String, Object> map, UnaryOperator<String> strings) {
        return (Map<String, Object>) rewrite(map, strings);
    }

    /** The strings in a value, secrets included. */
    static void strings(Object value, Set<String> into) {
        Object plain = Secret.reveal(value);
        if (plain instanceof Map<?, ?> map) {
            map.values().forEach(v -> strings(v, into));
        } else if (plain instanceof List<?> list) {
            list.forEach(v -> strings(v, into));
        } else if (plain instanceof String text) {
            into.add(text);
        }
    }

    /** A copy of {@code news} with the value at a dotted path taken from {@code olds} (an ignoreChanges entry). */
    @SuppressWarnings("unchecked")
    static void keep(Map<String, Object> olds, Map<String, Object> news, String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> oldMap = olds;
        Map<String, Object> newMap = news;
        for (int i = 0; i < parts.length - 1; i++) {
            Object oldNext = Secret.reveal(oldMap == null ? null : oldMap.get(parts[i]));
            Object newNext = Secret.reveal(newMap.get(parts[i]));
            if (!(newNext instanceof Map<?, ?>) || !(oldNext instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) newNext);
            newMap.put(parts[i], copy);
            newMap = copy;
            oldMap = (Map<String, Object>) oldNext;
        }
        String last = parts[parts.length - 1];
        if (oldMap != null && oldMap.containsKey(last)) {
            newMap.put(last, oldMap.get(last));
        } else {
            newMap.remove(last);
        }
    }
}

package dev.llmgateway.components.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one way this project writes JSON that reaches AWS (policies, container definitions, event
 * patterns, dashboards): object keys sorted at every level, so the same input gives the same bytes
 * in every run. {@code Map.of} iterates in an order that changes from one JVM to the next, and a
 * string that changes between runs is a change for {@code pulumi up} and for a reviewer.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** {@code value} as compact JSON with sorted object keys. */
    public static String write(Object value) {
        return GSON.toJson(sorted(GSON.toJsonTree(value)));
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> members = new TreeMap<>(element.getAsJsonObject().asMap());
            JsonObject object = new JsonObject();
            members.forEach((key, value) -> object.add(key, sorted(value)));
            return object;
        }
        if (element.isJsonArray()) {
            JsonArray array = new JsonArray();
            element.getAsJsonArray().forEach(item -> array.add(sorted(item)));
            return array;
        }
        return element;
    }
}

package dev.llmgateway.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plan in the shape of {@code pulumi preview --json}: {@code steps[]} with {@code op},
 * {@code urn} and {@code newState}, plus a change summary. Secret values print as
 * {@code [secret]}; sections from other analyses (cost, policy) are added by the caller.
 */
public final class PreviewJson {

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .registerTypeAdapter(Secret.class, (JsonSerializer<Secret>) (secret, type, context) -> new JsonPrimitive(Secret.MASK))
            // Maps without a defined order (Map.of, HashMap) iterate differently in every JVM: write them sorted.
            .registerTypeHierarchyAdapter(Map.class, (JsonSerializer<Map<?, ?>>) (map, type, context) -> {
                JsonObject object = new JsonObject();
                Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
                ordered.forEach((key, value) -> object.add(String.valueOf(key), context.serialize(value)));
                return object;
            })
            // The engine writes whole numbers as integers (14, not 14.0).
            .registerTypeAdapter(Double.class, (JsonSerializer<Double>) (number, type, context) ->
                    number == Math.rint(number) && !Double.isInfinite(number) ? new JsonPrimitive(number.longValue()) : new JsonPrimitive(number))
            .create();

    private PreviewJson() {
    }

    /** The preview document as a map, ready for more sections. */
    public static Map<String, Object> document(PlannedStack plan) {
        List<PlannedResource> ordered = ResourceTree.ordered(plan);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", Map.of("project", plan.project(), "stack", plan.stack()));
        document.put("steps", ordered.stream().map(PreviewJson::step).toList());
        document.put("changeSummary", Map.of("create", ordered.size()));
        document.put("outputs", plan.outputs());
        return document;
    }

    /** Serializes a document with secrets masked. */
    public static String toJson(Object document) {
        return GSON.toJson(document);
    }

    /** Parses JSON written by {@link #toJson}. */
    public static JsonElement parse(String json) {
        return GSON.fromJson(json, JsonElement.class);
    }

    /**
     * One step as the engine writes it (pulumi/pulumi {@code apitype.PreviewStep} and
     * {@code ResourceV3}): {@code urn}, {@code custom} and {@code type} always, every other field
     * only when set; a provider reference is {@code <urn>::<id>}, and a provider created by the same
     * update has no id yet, so the engine's unknown marker stands in for it.
     */
    private static Map<String, Object> step(PlannedResource r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("urn", r.urn());
        state.put("custom", r.custom());
        state.put("type", r.type());
        putIfSet(state, "inputs", r.inputs().isEmpty() ? null : r.inputs());
        putIfSet(state, "parent", r.parentUrn());
        putIfSet(state, "provider", providerReference(r));
        putIfSet(state, "dependencies", r.dependencies().isEmpty() ? null : r.dependencies());
        putIfSet(state, "protect", r.protect() ? true : null);
        putIfSet(state, "retainOnDelete", r.retainOnDelete() ? true : null);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("op", "create");
        step.put("urn", r.urn());
        putIfSet(step, "provider", providerReference(r));
        step.put("newState", state);
        return step;
    }

    private static String providerReference(PlannedResource r) {
        return r.provider().isEmpty() ? null : r.provider() + "::" + OfflineEngine.UNKNOWN_MARK;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null && !"".equals(value)) {
            map.put(key, value);
        }
    }
}

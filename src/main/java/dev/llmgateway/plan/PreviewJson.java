package dev.llmgateway.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.llmgateway.components.testing.PlannedResource;
import dev.llmgateway.components.testing.PlannedStack;
import dev.llmgateway.components.testing.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static Map<String, Object> step(PlannedResource r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", r.type());
        state.put("urn", r.urn());
        state.put("custom", r.custom());
        state.put("parent", r.parentUrn());
        state.put("provider", r.provider());
        state.put("protect", r.protect());
        state.put("retainOnDelete", r.retainOnDelete());
        state.put("inputs", r.inputs());
        state.put("dependencies", r.dependencies());
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("op", "create");
        step.put("urn", r.urn());
        step.put("provider", r.provider());
        step.put("newState", state);
        return step;
    }
}

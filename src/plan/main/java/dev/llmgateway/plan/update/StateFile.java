package dev.llmgateway.plan.update;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.plan.PreviewJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state a plan leaves, written as {@code pulumi stack export} writes a deployment (pulumi/pulumi
 * {@code apitype.UntypedDeployment} version 3 with {@code ResourceV3} entries), so that a later plan can update from it:
 * the pull-request workflow plans the base branch, keeps its state, and plans the head against it, which catches
 * program changes as well as settings changes. A secret is written as the engine's secret signature with a SHA-256 of
 * its value in place of the ciphertext: enough to tell whether it changed, nothing to read.
 */
public final class StateFile {

    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    /** A secret read back from a state file: only the digest of its value is known. */
    public record Digest(String sha256) {
    }

    private StateFile() {
    }

    /** The deployment of {@code stack}, ready for {@link PreviewJson#toJson}. */
    public static Map<String, Object> write(PlannedStack stack) {
        List<Object> resources = new ArrayList<>();
        for (PlannedResource r : stack.resources()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("urn", r.urn());
            state.put("custom", r.custom());
            if (r.custom() && r.id() != null && !r.id().isEmpty()) {
                state.put("id", r.id());
            }
            state.put("type", r.type());
            state.put("inputs", sealed(r.inputs()));
            state.put("outputs", sealed(r.outputs()));
            put(state, "parent", r.parentUrn());
            if (r.protect()) {
                state.put("protect", true);
            }
            state.put("dependencies", r.dependencies());
            put(state, "provider", r.provider());
            if (r.retainOnDelete()) {
                state.put("retainOnDelete", true);
            }
            if (!r.ignoreChanges().isEmpty()) {
                state.put("ignoreChanges", r.ignoreChanges());
            }
            resources.add(state);
        }
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("manifest", Map.of("magic", "", "version", "offline-plan"));
        deployment.put("resources", resources);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 3);
        document.put("deployment", deployment);
        document.put("project", stack.project());
        document.put("stack", stack.stack());
        return document;
    }

    /** Reads a deployment written by {@link #write}. */
    public static PlannedStack read(String json) {
        JsonObject document = JsonParser.parseString(json).getAsJsonObject();
        List<PlannedResource> resources = new ArrayList<>();
        for (JsonElement element : document.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            JsonObject r = element.getAsJsonObject();
            String urn = r.get("urn").getAsString();
            String type = r.get("type").getAsString();
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            resources.add(new PlannedResource(type, name, urn, text(r, "parent"), r.get("custom").getAsBoolean(),
                    map(r.getAsJsonObject("inputs")), strings(r.getAsJsonArray("dependencies")), text(r, "provider"),
                    flag(r, "protect"), flag(r, "retainOnDelete"), strings(r.getAsJsonArray("ignoreChanges")), "",
                    text(r, "id"), map(r.getAsJsonObject("outputs")),
                    PlannedResource.ReplacementOptions.NONE));
        }
        return new PlannedStack(document.get("project").getAsString(), document.get("stack").getAsString(), resources,
                List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** SHA-256 of a value's canonical JSON, for secrets. */
    static String digest(Object plain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(PreviewJson.toJson(Values.normal(plain)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Object sealed(Object value) {
        if (value instanceof Secret secret) {
            Object inner = secret.value();
            return Map.of(SIG_KEY, SECRET_SIG, "ciphertext", "sha256:" + (inner instanceof Digest d ? d.sha256() : digest(inner)));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sealed(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StateFile::sealed).toList();
        }
        return value;
    }

    private static Object value(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has(SIG_KEY) && SECRET_SIG.equals(object.get(SIG_KEY).getAsString())) {
                return new Secret(new Digest(object.get("ciphertext").getAsString().substring("sha256:".length())));
            }
            return map(object);
        }
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> list.add(value(item)));
            return list;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        return primitive.getAsString();
    }

    private static Map<String, Object> map(JsonObject object) {
        Map<String, Object> map = new TreeMap<>();
        if (object != null) {
            object.entrySet().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        }
        return map;
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> strings.add(e.getAsString()));
        }
        return strings;
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) ? object.get(key).getAsString() : "";
    }

    private static boolean flag(JsonObject object, String key) {
        return object.has(key) && object.get(key).getAsBoolean();
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}

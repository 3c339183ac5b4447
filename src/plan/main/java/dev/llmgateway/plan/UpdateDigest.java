package dev.llmgateway.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pull-request comment shows of an update plan ({@code <stack>.update.json}): the verdict, the changes by
 * operation, every replacement with its reasons, the problems, the data lost, the interruptions, the expected time and
 * whether it rolls back.
 *
 * @param verdict        {@code applies} or {@code fails}
 * @param changes        resources by operation ({@code update}: 3, ...), without {@code same}
 * @param replacements   {@code type name (order): property: because, ...}
 * @param problems       what stops the update half-way, one line each
 * @param dataLoss       data lost, one line each, marked when not accepted
 * @param interruptions  serving paths interrupted, one line each
 * @param minutes        expected minutes
 * @param upperMinutes   minutes when every step is slow
 * @param rollback       whether reverting applies cleanly
 * @param circuitBreaker what the circuit breaker's rollback meets
 */
record UpdateDigest(String verdict, Map<String, Long> changes, List<String> replacements, List<String> problems,
                    List<String> dataLoss, List<String> interruptions, int minutes, int upperMinutes, boolean rollback,
                    List<String> circuitBreaker) {

    /** The digest of {@code <stack>.update.json} in {@code directory}, when the pull request's run wrote one. */
    static Optional<UpdateDigest> read(Path directory, String stack) throws IOException {
        Path file = directory.resolve(stack + ".update.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonObject document = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonObject update = document.getAsJsonObject("update");
        Map<String, Long> changes = new LinkedHashMap<>();
        document.getAsJsonObject("changeSummary").entrySet().stream().filter(e -> !e.getKey().equals("same"))
                .forEach(e -> changes.put(e.getKey(), e.getValue().getAsLong()));
        List<String> replacements = new ArrayList<>();
        for (JsonElement element : array(update, "replacements")) {
            JsonObject r = element.getAsJsonObject();
            List<String> reasons = new ArrayList<>();
            r.getAsJsonObject("reasons").entrySet().forEach(e -> reasons.add(e.getKey() + ": "
                    + e.getValue().getAsJsonObject().get("because").getAsString()));
            replacements.add(r.get("resource").getAsString() + " (" + r.get("order").getAsString() + "): " + String.join("; ", reasons));
        }
        List<String> problems = lines(array(update, "problems"), p -> p.get("kind").getAsString() + ": " + p.get("resource").getAsString()
                + ": " + p.get("code").getAsString() + ": " + p.get("why").getAsString());
        List<String> dataLoss = lines(array(update, "dataLoss"), l -> (l.get("accepted").getAsBoolean() ? "" : "NOT ACCEPTED: ")
                + l.get("category").getAsString() + ": " + l.get("resource").getAsString() + ": " + l.get("what").getAsString()
                + (l.has("survives") ? " (a copy survives: " + l.get("survives").getAsString() + ")" : ""));
        List<String> interruptions = lines(array(update, "interruptions"), i -> i.get("resource").getAsString() + ": "
                + i.get("what").getAsString() + " (" + i.get("expected").getAsString() + ")");
        JsonObject time = update.getAsJsonObject("updateTime");
        JsonObject rollback = update.has("rollback") ? update.getAsJsonObject("rollback") : new JsonObject();
        List<String> breaker = new ArrayList<>();
        array(rollback, "circuitBreaker").forEach(line -> breaker.add(line.getAsString()));
        return Optional.of(new UpdateDigest(update.get("verdict").getAsString(), changes, replacements, problems, dataLoss, interruptions,
                time.get("estimatedMinutes").getAsInt(), time.get("upperMinutes").getAsInt(),
                !rollback.has("possible") || rollback.get("possible").getAsBoolean(), breaker));
    }

    /** Whether the update would stop half-way or lose data without consent. */
    boolean fails() {
        return verdict.equals("fails");
    }

    private static JsonArray array(JsonObject object, String key) {
        return object.has(key) ? object.getAsJsonArray(key) : new JsonArray();
    }

    private static List<String> lines(JsonArray array, java.util.function.Function<JsonObject, String> line) {
        List<String> lines = new ArrayList<>();
        array.forEach(element -> lines.add(line.apply(element.getAsJsonObject())));
        return lines;
    }
}

package dev.llmgateway.gateway.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags applied once, as the AWS provider's default tags, to every resource.
 *
 * @param tags project, stack and managed-by tags plus the user's {@code tags} entries ({@code key=value})
 */
public record TagSettings(Map<String, String> tags) {

    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");

    /** Reads the user's tags and adds the standard ones. */
    public static TagSettings read(SettingsReader r) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("project", r.source().project());
        tags.put("stack", r.source().stack());
        tags.put("managed-by", "pulumi");
        List<String> entries = r.list("tags");
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String key = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (!TAG_KEY.matcher(key).matches() || key.startsWith("aws:")) {
                throw r.invalid("tags", entry, "entries of the form key=value with a valid tag key not starting with aws:");
            }
            tags.put(key, entry.substring(eq + 1).trim());
        }
        return new TagSettings(Map.copyOf(tags));
    }
}

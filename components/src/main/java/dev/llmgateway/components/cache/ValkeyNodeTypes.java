package dev.llmgateway.components.cache;

import java.util.List;
import java.util.Map;

/**
 * The ElastiCache node types this project knows to run Valkey: the current-generation families of the ElastiCache
 * user guide, "Supported node types" (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html),
 * which every Valkey version runs on, with their sizes. Checked {@value #AS_OF}; a type outside the table may still
 * exist (a new family) and is only warned about.
 */
public final class ValkeyNodeTypes {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";

    private static final List<String> LARGE = List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge");

    private static final Map<String, List<String>> SIZES = Map.ofEntries(
            Map.entry("t4g", List.of("micro", "small", "medium")),
            Map.entry("t3", List.of("micro", "small", "medium")),
            Map.entry("m5", LARGE), Map.entry("m6g", LARGE), Map.entry("m7g", LARGE),
            Map.entry("r5", LARGE), Map.entry("r6g", LARGE), Map.entry("r7g", LARGE),
            Map.entry("r6gd", List.of("xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge")),
            Map.entry("c7gn", LARGE));

    private ValkeyNodeTypes() {
    }

    /** Whether {@code nodeType} ({@code cache.<family>.<size>}) is in the table. */
    public static boolean known(String nodeType) {
        String[] parts = nodeType.split("\\.");
        return parts.length == 3 && parts[0].equals("cache") && SIZES.getOrDefault(parts[1], List.of()).contains(parts[2]);
    }
}

package dev.llmgateway.gateway.litellm;

import dev.llmgateway.components.naming.Partition;
import dev.llmgateway.components.regions.ServiceRegions;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Bedrock model entry may name, checked {@value #AS_OF}: the geography prefixes of Bedrock's system-defined
 * (cross-region) inference profiles and the regions that may call each (Bedrock user guide, "Supported Regions and
 * models for inference profiles", https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html;
 * aws-cdk bedrock-alpha {@code CrossRegionInferenceProfileRegion}: US, US_GOV, EU, APAC, JP, AU, GLOBAL), and the
 * foundation models this project has run (Bedrock user guide, "Supported foundation models in Amazon Bedrock",
 * https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html). A profile only exists in its
 * geography's regions, so a {@code us.} profile called from eu-west-1 fails at the first request (and the task role's
 * grant would name a profile that does not exist there).
 */
public final class BedrockModels {

    /** When the tables were checked. */
    public static final String AS_OF = "2026-12";

    /** A profile geography and the regions it may be called from. */
    private record Geography(String prefix, String regions, Predicate<String> callableFrom) {
    }

    private static final List<Geography> GEOGRAPHIES = List.of(
            new Geography("us-gov", "us-gov-east-1, us-gov-west-1", region -> region.startsWith("us-gov-")),
            new Geography("us", "the US commercial regions (us-east-1, us-east-2, us-west-1, us-west-2)",
                    region -> region.startsWith("us-") && Partition.of(region).equals("aws")),
            new Geography("eu", "the European regions (eu-*)", region -> region.startsWith("eu-") && Partition.of(region).equals("aws")),
            new Geography("apac", "the Asia Pacific regions (ap-*)", region -> region.startsWith("ap-")),
            new Geography("jp", "ap-northeast-1, ap-northeast-3", Set.of("ap-northeast-1", "ap-northeast-3")::contains),
            new Geography("au", "ap-southeast-2, ap-southeast-4", Set.of("ap-southeast-2", "ap-southeast-4")::contains),
            new Geography("global", "the commercial (aws) partition", region -> Partition.of(region).equals("aws")));

    /** Geography prefixes, longest first (us-gov before us). */
    public static final List<String> PROFILE_GEOGRAPHIES = GEOGRAPHIES.stream().map(Geography::prefix).toList();

    private static final Pattern PROFILE = Pattern.compile(
            "(" + String.join("|", PROFILE_GEOGRAPHIES) + ")\\.(.+)");

    /** Regions whose geography has no profile prefix of its own: a geographic profile may or may not be callable there. */
    private static final List<String> UNMAPPED_PREFIXES = List.of("ca-", "sa-", "me-", "af-", "il-", "mx-");

    /** Foundation models this project knows Bedrock serves. */
    private static final Set<String> FOUNDATION_MODELS = Set.of(
            "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
            "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-7-sonnet-20250219-v1:0",
            "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-opus-4-20250514-v1:0",
            "anthropic.claude-opus-4-1-20250805-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-opus-4-5-20251101-v1:0",
            "amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-premier-v1:0",
            "amazon.titan-embed-text-v2:0", "meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0",
            "meta.llama3-3-70b-instruct-v1:0", "mistral.mistral-large-2407-v1:0", "cohere.command-r-plus-v1:0");

    private BedrockModels() {
    }

    /** The foundation model of an inference profile id ({@code us.anthropic...} → {@code anthropic...}), or the id itself. */
    public static String foundationModel(String modelId) {
        Matcher profile = PROFILE.matcher(modelId);
        return profile.matches() ? profile.group(2) : modelId;
    }

    /** Whether {@code modelId} names a cross-region inference profile. */
    public static boolean isProfile(String modelId) {
        return PROFILE.matcher(modelId).matches();
    }

    /** Whether the foundation model of {@code modelId} is in the table. */
    public static boolean known(String modelId) {
        return FOUNDATION_MODELS.contains(foundationModel(modelId));
    }

    /** Why {@code modelId} cannot be called from {@code region}; empty when it can, or when the table cannot tell. */
    public static Optional<String> problem(String modelId, String region) {
        if (!ServiceRegions.BEDROCK.contains(region)) {
            return Optional.of("a region with Amazon Bedrock; " + region + " has none (regions as of " + ServiceRegions.AS_OF + ")");
        }
        Matcher profile = PROFILE.matcher(modelId);
        if (!profile.matches()) {
            return Optional.empty();
        }
        Geography geography = GEOGRAPHIES.stream().filter(g -> g.prefix().equals(profile.group(1))).findFirst().orElseThrow();
        if (geography.callableFrom().test(region) || !geography.prefix().equals("global")
                && UNMAPPED_PREFIXES.stream().anyMatch(region::startsWith)) {
            return Optional.empty();
        }
        String local = GEOGRAPHIES.stream().filter(g -> !g.prefix().equals("global") && g.callableFrom().test(region))
                .map(g -> g.prefix() + ".").findFirst().orElse("a foundation model id without a prefix");
        return Optional.of("a model " + region + " can call: the " + geography.prefix() + ". inference profile exists only in "
                + geography.regions() + "; use " + local + profile.group(2) + " (profiles as of " + AS_OF + ")");
    }

    /** Whether {@code region} has no geography of its own, so a geographic profile's availability there is unknown. */
    public static boolean unmapped(String modelId, String region) {
        Matcher profile = PROFILE.matcher(modelId);
        return profile.matches() && !profile.group(1).equals("global") && UNMAPPED_PREFIXES.stream().anyMatch(region::startsWith);
    }
}

package dev.llmgateway.components.naming;

/**
 * The ARN partition of a region (AWS General Reference, "Amazon Resource Names (ARNs)": {@code aws},
 * {@code aws-cn}, {@code aws-us-gov}, and the isolated {@code aws-iso}, {@code aws-iso-b}, {@code aws-iso-e}).
 */
public final class Partition {

    private Partition() {
    }

    /** The partition whose ARNs name resources of {@code region}. */
    public static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        return "aws";
    }
}

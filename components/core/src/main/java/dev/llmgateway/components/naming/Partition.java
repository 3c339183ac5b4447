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

    /**
     * The DNS suffix of service endpoints in {@code region}'s partition ({@code dnsSuffix} of each partition in the
     * AWS SDK's endpoint table, boto/botocore {@code botocore/data/endpoints.json}).
     */
    public static String dnsSuffix(String region) {
        return switch (of(region)) {
            case "aws-cn" -> "amazonaws.com.cn";
            case "aws-iso" -> "c2s.ic.gov";
            case "aws-iso-b" -> "sc2s.sgov.gov";
            case "aws-iso-e" -> "cloud.adc-e.uk";
            default -> "amazonaws.com";
        };
    }
}

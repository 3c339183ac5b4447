package dev.llmgateway.gateway.settings;

import com.pulumi.aws.enums.Region;
import dev.llmgateway.components.naming.Partition;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code aws:region}: must be a region the AWS provider knows (its {@link Region} enum), and decides
 * the partition that ARNs given in the stack file must belong to.
 */
public final class Regions {

    /** Every region name the pulumi-aws provider knows. */
    static final Set<String> KNOWN = Arrays.stream(Region.values()).map(Region::getValue)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

    private Regions() {
    }

    /** Reads and checks {@code aws:region}. */
    static String read(SettingsReader r) {
        String region = r.required("aws:region");
        if (!KNOWN.contains(region)) {
            throw r.invalid("aws:region", region, "an AWS region name such as us-east-1 or eu-west-1; known: " + KNOWN);
        }
        return region;
    }

    /** The partition of a region, as ARNs in the stack file must use it. */
    public static String partition(String region) {
        return Partition.of(region);
    }
}

package dev.llmgateway.components.vpc;

import dev.llmgateway.components.network.Cidr;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Subnet CIDRs per tier and availability zone. By default the VPC block is split into four
 * equal quarters (public, private, isolated, one spare for growth) and each quarter into
 * {@link #SLOTS} equal slots, one per zone in zone order, whatever the number of zones: adding a
 * zone adds subnets and never changes an existing one (a subnet's block is force-new, and its
 * replacement would overlap the original: InvalidSubnet.Conflict). Explicit CIDRs per tier replace
 * the computed ones and are checked to fit.
 */
public final class SubnetLayout {

    /**
     * Smallest VPC block and subnet AWS allows; {@link #LARGEST_PREFIX} the largest: "The allowed block size is between
     * a /16 netmask (65,536 IP addresses) and /28 netmask (16 IP addresses)" (VPC user guide, "VPC CIDR blocks" and
     * "Subnet CIDR blocks", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
     */
    static final int SMALLEST_PREFIX = 28;
    /** Largest VPC block and subnet AWS allows. */
    static final int LARGEST_PREFIX = 16;
    /** Slots per tier: room for the most zones a VPC here spans (6), rounded up to a power of two. */
    static final int SLOTS = 8;

    private SubnetLayout() {
    }

    /**
     * Computes (or checks) the layout.
     *
     * @param vpc       the VPC block
     * @param azCount   number of availability zones
     * @param overrides explicit CIDRs for some tiers, one per AZ
     * @return CIDRs per tier, index = AZ index
     * @throws IllegalArgumentException naming the tier and CIDR that do not fit
     */
    public static Map<SubnetTier, List<Cidr>> compute(Cidr vpc, int azCount, Map<SubnetTier, List<Cidr>> overrides) {
        if (vpc.prefix() < LARGEST_PREFIX) {
            throw new IllegalArgumentException("VPC " + vpc + " is larger than AWS allows: a VPC block is /" + LARGEST_PREFIX
                    + " to /" + SMALLEST_PREFIX);
        }
        int perTier = vpc.prefix() + 2;
        int perSubnet = perTier + ceilLog2(SLOTS);
        Map<SubnetTier, List<Cidr>> layout = new EnumMap<>(SubnetTier.class);
        List<Cidr> taken = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            List<Cidr> explicit = overrides.get(tier);
            List<Cidr> cidrs = new ArrayList<>();
            if (explicit != null && !explicit.isEmpty()) {
                if (explicit.size() != azCount) {
                    throw new IllegalArgumentException(tier + " subnets: " + explicit.size()
                            + " CIDRs given but there are " + azCount + " availability zones (one CIDR per zone)");
                }
                cidrs.addAll(explicit);
            } else {
                if (perSubnet > SMALLEST_PREFIX) {
                    throw new IllegalArgumentException("VPC " + vpc + " is too small for 3 tiers x " + SLOTS
                            + " zone slots of at least /" + SMALLEST_PREFIX + " subnets; use /" + (SMALLEST_PREFIX - 2 - ceilLog2(SLOTS))
                            + " or larger");
                }
                Cidr quarter = vpc.subnet(perTier, tier.ordinal());
                for (int az = 0; az < azCount; az++) {
                    cidrs.add(quarter.subnet(perSubnet, az));
                }
            }
            for (Cidr cidr : cidrs) {
                if (!vpc.contains(cidr)) {
                    throw new IllegalArgumentException(tier + " subnet " + cidr + " does not fit in VPC " + vpc);
                }
                if (cidr.prefix() > SMALLEST_PREFIX || cidr.prefix() < LARGEST_PREFIX) {
                    throw new IllegalArgumentException(tier + " subnet " + cidr + " is not between /" + LARGEST_PREFIX
                            + " and /" + SMALLEST_PREFIX + " (the subnet sizes AWS allows)");
                }
                for (Cidr other : taken) {
                    if (other.overlaps(cidr)) {
                        throw new IllegalArgumentException(tier + " subnet " + cidr + " overlaps subnet " + other);
                    }
                }
                taken.add(cidr);
            }
            layout.put(tier, List.copyOf(cidrs));
        }
        return layout;
    }

    private static int ceilLog2(int n) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1);
    }
}

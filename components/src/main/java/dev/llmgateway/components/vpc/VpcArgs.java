package dev.llmgateway.components.vpc;

import dev.llmgateway.components.network.Cidr;
import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Inputs of {@link Vpc}; build with {@link #builder()}.
 *
 * @param cidr                 VPC block; default {@link #DEFAULT_CIDR}
 * @param region               region, for endpoint service names; required
 * @param availabilityZones    availability zone names to use (at least {@code azCount}); required
 * @param azCount              number of availability zones, 2..6; default {@value #DEFAULT_AZ_COUNT}
 * @param subnetCidrs          explicit CIDRs of a tier, one per zone; tiers not named are computed from the VPC block
 * @param natStrategy          NAT strategy; default {@link NatStrategy#SINGLE_GATEWAY}
 * @param natInstanceType      instance type of the NAT instance (ARM); default {@value #DEFAULT_NAT_INSTANCE_TYPE}
 * @param interfaceEndpoints   interface endpoints in the private subnets; default none (the S3 gateway endpoint
 *                             always exists)
 * @param flowLogs             whether VPC flow logs are on; default {@value #DEFAULT_FLOW_LOGS}
 * @param flowLogRetentionDays flow-log retention in days; default {@value #DEFAULT_FLOW_LOG_RETENTION_DAYS}
 * @param kmsKeyArn            customer KMS key of the flow-log group; required when flow logs are on
 */
@ComponentArgs
public record VpcArgs(@Initializer("DEFAULT_CIDR") Cidr cidr,
                      String region,
                      Output<List<String>> availabilityZones,
                      @Initializer("DEFAULT_AZ_COUNT") int azCount,
                      Map<SubnetTier, List<Cidr>> subnetCidrs,
                      @Initializer("DEFAULT_NAT_STRATEGY") NatStrategy natStrategy,
                      @Initializer("DEFAULT_NAT_INSTANCE_TYPE") String natInstanceType,
                      Set<InterfaceEndpoint> interfaceEndpoints,
                      @Initializer("DEFAULT_FLOW_LOGS") boolean flowLogs,
                      @Initializer("DEFAULT_FLOW_LOG_RETENTION_DAYS") int flowLogRetentionDays,
                      Output<String> kmsKeyArn) {

    /** Default VPC block: room for four /18 quarters. */
    public static final Cidr DEFAULT_CIDR = Cidr.of("10.0.0.0/16");
    /** Default number of availability zones: the fewest a load balancer and a Multi-AZ database accept. */
    public static final int DEFAULT_AZ_COUNT = 2;
    /** Default NAT: one gateway for the whole VPC. */
    public static final NatStrategy DEFAULT_NAT_STRATEGY = NatStrategy.SINGLE_GATEWAY;
    /** Default NAT instance type: the smallest ARM instance. */
    public static final String DEFAULT_NAT_INSTANCE_TYPE = "t4g.nano";
    /** Fewest availability zones: a load balancer and a Multi-AZ database need two. */
    public static final int MIN_AZ_COUNT = 2;
    /** Most availability zones the subnet layout spreads over. */
    public static final int MAX_AZ_COUNT = 6;
    /** Flow logs are on unless turned off. */
    public static final boolean DEFAULT_FLOW_LOGS = true;
    /** Default flow-log retention in days. */
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 30;

    /** Validates the inputs and the subnet layout they imply; copies the tiers and endpoints in enum order. */
    public VpcArgs {
        Objects.requireNonNull(cidr, "VpcArgs.cidr is required");
        Reject.when(region == null || region.isBlank(), "VpcArgs.region is required");
        Objects.requireNonNull(availabilityZones, "VpcArgs.availabilityZones is required");
        Reject.when(azCount < MIN_AZ_COUNT || azCount > MAX_AZ_COUNT,
                "VpcArgs.azCount must be " + MIN_AZ_COUNT + ".." + MAX_AZ_COUNT + ", got " + azCount);
        Objects.requireNonNull(natStrategy, "VpcArgs.natStrategy is required");
        Objects.requireNonNull(natInstanceType, "VpcArgs.natInstanceType is required");
        Reject.when(flowLogs && kmsKeyArn == null, "VpcArgs.kmsKeyArn is required when flow logs are on");
        Reject.when(flowLogRetentionDays <= 0,
                "VpcArgs.flowLogRetentionDays must be positive, got " + flowLogRetentionDays);
        Map<SubnetTier, List<Cidr>> explicit = new EnumMap<>(SubnetTier.class);
        subnetCidrs.forEach((tier, cidrs) -> explicit.put(tier, List.copyOf(cidrs)));
        subnetCidrs = Collections.unmodifiableMap(explicit);
        Set<InterfaceEndpoint> endpoints = EnumSet.noneOf(InterfaceEndpoint.class);
        endpoints.addAll(interfaceEndpoints);
        interfaceEndpoints = Collections.unmodifiableSet(endpoints);
        SubnetLayout.compute(cidr, azCount, subnetCidrs);
    }

    /** Starts a builder with the defaults. */
    public static VpcArgsBuilder builder() {
        return VpcArgsBuilder.builder();
    }

    /** Subnet CIDRs per tier: the explicit ones, the rest computed. */
    public Map<SubnetTier, List<Cidr>> layout() {
        return SubnetLayout.compute(cidr, azCount, subnetCidrs);
    }
}

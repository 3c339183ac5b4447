package dev.llmgateway.components.vpc;

import com.pulumi.core.Output;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Inputs of {@link Vpc}; build with {@link #builder()}. */
public final class VpcArgs {

    private Cidr cidr = Cidr.of("10.0.0.0/16");
    private String region;
    private Output<List<String>> availabilityZones;
    private int azCount = 2;
    private final Map<SubnetTier, List<Cidr>> subnetCidrs = new EnumMap<>(SubnetTier.class);
    private NatStrategy natStrategy = NatStrategy.SINGLE_GATEWAY;
    private String natInstanceType = "t4g.nano";
    private Set<InterfaceEndpoint> interfaceEndpoints = EnumSet.noneOf(InterfaceEndpoint.class);
    private boolean flowLogs = true;
    private int flowLogRetentionDays = 30;
    private Output<String> kmsKeyArn;

    private VpcArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** VPC block; default 10.0.0.0/16. */
    public Cidr cidr() {
        return cidr;
    }

    /** Region, for endpoint service names; required. */
    public String region() {
        return region;
    }

    /** Availability zone names to use (at least {@link #azCount()}); required. */
    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }

    /** Number of availability zones, 2..6; default 2. */
    public int azCount() {
        return azCount;
    }

    /** Subnet CIDRs per tier: the explicit ones, the rest computed. */
    public Map<SubnetTier, List<Cidr>> layout() {
        return SubnetLayout.compute(cidr, azCount, subnetCidrs);
    }

    /** NAT strategy; default {@link NatStrategy#SINGLE_GATEWAY}. */
    public NatStrategy natStrategy() {
        return natStrategy;
    }

    /** Instance type of the NAT instance (ARM); default t4g.nano. */
    public String natInstanceType() {
        return natInstanceType;
    }

    /** Interface endpoints to create in the private subnets; default none (the S3 gateway endpoint always exists). */
    public Set<InterfaceEndpoint> interfaceEndpoints() {
        return interfaceEndpoints;
    }

    /** Whether VPC flow logs are on; default true. */
    public boolean flowLogs() {
        return flowLogs;
    }

    /** Flow-log retention in days; default 30. */
    public int flowLogRetentionDays() {
        return flowLogRetentionDays;
    }

    /** Customer KMS key for the flow-log group; required when flow logs are on. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Builder of {@link VpcArgs}. */
    public static final class Builder {
        private final VpcArgs args = new VpcArgs();

        /** VPC block; default 10.0.0.0/16. */
        public Builder cidr(Cidr cidr) {
            args.cidr = Objects.requireNonNull(cidr);
            return this;
        }

        /** Region; required. */
        public Builder region(String region) {
            args.region = region;
            return this;
        }

        /** Availability zone names; required. */
        public Builder availabilityZones(Output<List<String>> zones) {
            args.availabilityZones = zones;
            return this;
        }

        /** Number of availability zones, 2..6; default 2. */
        public Builder azCount(int azCount) {
            args.azCount = azCount;
            return this;
        }

        /** Explicit CIDRs for one tier, one per zone; default computed from the VPC block. */
        public Builder subnetCidrs(SubnetTier tier, List<Cidr> cidrs) {
            args.subnetCidrs.put(tier, List.copyOf(cidrs));
            return this;
        }

        /** NAT strategy; default SINGLE_GATEWAY. */
        public Builder natStrategy(NatStrategy strategy) {
            args.natStrategy = Objects.requireNonNull(strategy);
            return this;
        }

        /** NAT instance type; default t4g.nano. */
        public Builder natInstanceType(String type) {
            args.natInstanceType = Objects.requireNonNull(type);
            return this;
        }

        /** Interface endpoints; default none. */
        public Builder interfaceEndpoints(Set<InterfaceEndpoint> endpoints) {
            args.interfaceEndpoints = endpoints.isEmpty() ? EnumSet.noneOf(InterfaceEndpoint.class) : EnumSet.copyOf(endpoints);
            return this;
        }

        /** Flow logs on or off; default on. */
        public Builder flowLogs(boolean enabled) {
            args.flowLogs = enabled;
            return this;
        }

        /** Flow-log retention in days; default 30. */
        public Builder flowLogRetentionDays(int days) {
            args.flowLogRetentionDays = days;
            return this;
        }

        /** Customer KMS key ARN for the flow-log group. */
        public Builder kmsKeyArn(Output<String> arn) {
            args.kmsKeyArn = arn;
            return this;
        }

        /** Builds and validates the args. */
        public VpcArgs build() {
            if (args.region == null || args.region.isBlank()) {
                throw new IllegalArgumentException("VpcArgs.region is required");
            }
            Objects.requireNonNull(args.availabilityZones, "VpcArgs.availabilityZones is required");
            if (args.azCount < 2 || args.azCount > 6) {
                throw new IllegalArgumentException("VpcArgs.azCount must be 2..6, got " + args.azCount);
            }
            if (args.flowLogs && args.kmsKeyArn == null) {
                throw new IllegalArgumentException("VpcArgs.kmsKeyArn is required when flow logs are on");
            }
            if (args.flowLogRetentionDays <= 0) {
                throw new IllegalArgumentException("VpcArgs.flowLogRetentionDays must be positive, got " + args.flowLogRetentionDays);
            }
            args.layout();
            return args;
        }
    }
}

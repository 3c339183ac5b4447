package dev.llmgateway.plan;

import java.util.Map;
import java.util.Optional;

/**
 * The one dated table of AWS list prices (us-east-1, on-demand, USD) the cost estimate uses.
 * Every number comes from the "AWS prices" section of the design's verified facts (read from the
 * AWS pricing pages listed in {@link #SOURCES}), except the two RDS classes and the advanced SSM
 * parameter marked below; change prices here and nowhere else.
 */
public final class PriceTable {

    /** When and where these prices were read. */
    public static final String AS_OF = "2026-11, us-east-1 list prices";
    /** Where the prices were read (AWS public pricing pages, us-east-1). */
    public static final java.util.List<String> SOURCES = java.util.List.of(
            "https://aws.amazon.com/fargate/pricing/ (Fargate, Fargate Spot)",
            "https://aws.amazon.com/vpc/pricing/ (NAT gateway, public IPv4, interface endpoints)",
            "https://aws.amazon.com/elasticloadbalancing/pricing/ (ALB hours, LCUs)",
            "https://aws.amazon.com/rds/postgresql/pricing/ and https://aws.amazon.com/rds/aurora/pricing/ (instances, ACUs, storage)",
            "https://aws.amazon.com/cloudwatch/pricing/ (logs, alarms, dashboards)",
            "https://aws.amazon.com/secrets-manager/pricing/, https://aws.amazon.com/systems-manager/pricing/ (secrets, parameters)",
            "https://aws.amazon.com/kms/pricing/, https://aws.amazon.com/waf/pricing/, https://aws.amazon.com/vpn/pricing/,"
                    + " https://aws.amazon.com/elasticache/pricing/, https://aws.amazon.com/ec2/pricing/on-demand/");
    /** Hours in a billing month, as AWS's calculator counts them. */
    public static final double HOURS_PER_MONTH = 730;

    /** Fargate x86, per vCPU-hour. */
    public static final double FARGATE_X86_VCPU_HOUR = 0.04048;
    /** Fargate x86, per GB-hour of memory. */
    public static final double FARGATE_X86_GB_HOUR = 0.004445;
    /** Fargate ARM (Graviton), per vCPU-hour. */
    public static final double FARGATE_ARM_VCPU_HOUR = 0.03238;
    /** Fargate ARM (Graviton), per GB-hour of memory. */
    public static final double FARGATE_ARM_GB_HOUR = 0.00356;
    /** Fargate Spot discount against on-demand ("about 70% off"). */
    public static final double FARGATE_SPOT_DISCOUNT = 0.70;
    /** NAT gateway, per hour. */
    public static final double NAT_GATEWAY_HOUR = 0.045;
    /** NAT gateway, per GB processed. */
    public static final double NAT_GATEWAY_GB = 0.045;
    /** Public IPv4 address, per hour each (attached or idle). */
    public static final double PUBLIC_IPV4_HOUR = 0.005;
    /** Application Load Balancer, per hour. */
    public static final double ALB_HOUR = 0.0225;
    /** Application Load Balancer, per LCU-hour. */
    public static final double ALB_LCU_HOUR = 0.008;
    /** RDS gp3 storage, per GB-month (per copy: Multi-AZ stores two). */
    public static final double RDS_GP3_GB_MONTH = 0.115;
    /** Aurora Serverless v2, per ACU-hour. */
    public static final double AURORA_ACU_HOUR = 0.12;
    /** Aurora storage, per GB-month. */
    public static final double AURORA_STORAGE_GB_MONTH = 0.10;
    /**
     * ElastiCache for Valkey on-demand nodes, per node-hour: the Redis OSS list price less 20% (the ElastiCache
     * pricing page: node-based Valkey is priced 20% lower than Redis OSS); cache.t4g.micro Redis OSS $0.016.
     */
    public static final java.util.Map<String, Double> ELASTICACHE_VALKEY_NODE_HOUR = java.util.Map.of(
            "cache.t4g.micro", 0.0128, "cache.t4g.small", 0.0256, "cache.t4g.medium", 0.0520);
    /** Interface VPC endpoint, per AZ-hour. */
    public static final double INTERFACE_ENDPOINT_AZ_HOUR = 0.01;
    /** Client VPN, per subnet association-hour. */
    public static final double CLIENT_VPN_ASSOCIATION_HOUR = 0.10;
    /** Client VPN, per connection-hour. */
    public static final double CLIENT_VPN_CONNECTION_HOUR = 0.05;
    /** CloudWatch Logs, per GB ingested. */
    public static final double LOGS_INGEST_GB = 0.50;
    /** CloudWatch Logs, per GB-month stored. */
    public static final double LOGS_STORAGE_GB_MONTH = 0.03;
    /** CloudWatch alarm, per month. */
    public static final double ALARM_MONTH = 0.10;
    /** CloudWatch composite alarm per month (CloudWatch pricing, "Alarms": $0.50 per composite alarm). */
    public static final double COMPOSITE_ALARM_MONTH = 0.50;
    /** CloudWatch dashboard, per month. */
    public static final double DASHBOARD_MONTH = 3.0;
    /** Secrets Manager, per secret-month. */
    public static final double SECRET_MONTH = 0.40;
    /**
     * SSM Parameter Store advanced parameter, per month; standard parameters (up to 10,000, SecureString
     * included) cost nothing (AWS Systems Manager pricing, Parameter Store section).
     */
    public static final double SSM_ADVANCED_PARAMETER_MONTH = 0.05;
    /** KMS customer managed key, per month. */
    public static final double KMS_KEY_MONTH = 1.0;
    /** WAF, per web ACL-month. */
    public static final double WAF_ACL_MONTH = 5.0;
    /** WAF, per rule-month. */
    public static final double WAF_RULE_MONTH = 1.0;
    /** WAF, per million requests. */
    public static final double WAF_MILLION_REQUESTS = 0.60;

    /**
     * RDS for PostgreSQL single-AZ instance classes, per hour. db.t4g.micro is from the verified
     * facts; db.t4g.small and db.t4g.medium are the us-east-1 list prices as published in 2026
     * (infratally.com, "AWS RDS pricing explained 2026"). Classes not listed are reported unpriced.
     */
    private static final Map<String, Double> RDS_POSTGRES_HOUR = Map.of(
            "db.t4g.micro", 0.016,
            "db.t4g.small", 0.032,
            "db.t4g.medium", 0.065);

    /** EC2 instance types (NAT instances), per hour. */
    private static final Map<String, Double> EC2_HOUR = Map.of("t4g.nano", 0.0042);

    private PriceTable() {
    }

    /** Single-AZ hourly price of an RDS for PostgreSQL instance class, if the table has it. */
    public static Optional<Double> rdsInstanceHour(String instanceClass) {
        return Optional.ofNullable(RDS_POSTGRES_HOUR.get(instanceClass));
    }

    /** Hourly price of an EC2 instance type, if the table has it. */
    public static Optional<Double> ec2InstanceHour(String instanceType) {
        return Optional.ofNullable(EC2_HOUR.get(instanceType));
    }
}

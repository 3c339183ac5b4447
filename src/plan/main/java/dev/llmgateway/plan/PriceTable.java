package dev.llmgateway.plan;

import java.util.Map;
import java.util.Optional;

/**
 * The one dated table of AWS list prices (us-east-1, on-demand, USD) the cost estimate and its tests use, one
 * {@link Price} line item per billed unit with the public page it was read from. Change prices here and nowhere
 * else; tests compute their expected totals from these line items.
 */
public final class PriceTable {

    /** When and where the on-demand prices were read. */
    public static final String AS_OF = "2026-11, us-east-1 list prices";
    /** Hours in a billing month, as AWS's calculator counts them. */
    public static final double HOURS_PER_MONTH = 730;

    private static final String READ = "2026-11";
    private static final String FARGATE = "https://aws.amazon.com/fargate/pricing/";
    private static final String VPC = "https://aws.amazon.com/vpc/pricing/";
    private static final String ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/";
    private static final String RDS = "https://aws.amazon.com/rds/postgresql/pricing/";
    private static final String AURORA = "https://aws.amazon.com/rds/aurora/pricing/";
    private static final String CLOUDWATCH = "https://aws.amazon.com/cloudwatch/pricing/";
    private static final String EC2 = "https://aws.amazon.com/ec2/pricing/on-demand/";
    private static final String EBS = "https://aws.amazon.com/ebs/pricing/";
    private static final String KMS = "https://aws.amazon.com/kms/pricing/";
    private static final String WAF = "https://aws.amazon.com/waf/pricing/";

    /** Fargate x86, per vCPU-hour. */
    public static final Price FARGATE_X86_VCPU_HOUR = new Price("Fargate x86 vCPU", 0.04048, "vCPU-h", FARGATE, READ);
    /** Fargate x86, per GB-hour of memory. */
    public static final Price FARGATE_X86_GB_HOUR = new Price("Fargate x86 memory", 0.004445, "GB-h", FARGATE, READ);
    /** Fargate ARM (Graviton), per vCPU-hour. */
    public static final Price FARGATE_ARM_VCPU_HOUR = new Price("Fargate ARM vCPU", 0.03238, "vCPU-h", FARGATE, READ);
    /** Fargate ARM (Graviton), per GB-hour of memory. */
    public static final Price FARGATE_ARM_GB_HOUR = new Price("Fargate ARM memory", 0.00356, "GB-h", FARGATE, READ);
    /** Fargate Spot: the share taken off the on-demand price ("up to 70%"; ARM64 tasks need platform 1.4.0). */
    public static final Price FARGATE_SPOT_DISCOUNT = new Price("Fargate Spot discount", 0.70, "share of on-demand", FARGATE, READ);
    /** NAT gateway, per hour. */
    public static final Price NAT_GATEWAY_HOUR = new Price("NAT gateway", 0.045, "h", VPC, READ);
    /** NAT gateway, per GB processed. */
    public static final Price NAT_GATEWAY_GB = new Price("NAT gateway data", 0.045, "GB", VPC, READ);
    /** Public IPv4 address, per hour each while allocated (an instance's own address only while it runs). */
    public static final Price PUBLIC_IPV4_HOUR = new Price("Public IPv4 address", 0.005, "h", VPC, READ);
    /** Application Load Balancer, per hour. */
    public static final Price ALB_HOUR = new Price("ALB", 0.0225, "h", ELB, READ);
    /** Application Load Balancer, per LCU-hour. */
    public static final Price ALB_LCU_HOUR = new Price("ALB LCU", 0.008, "LCU-h", ELB, READ);
    /** RDS gp3 storage, per GB-month (per copy: Multi-AZ stores two). */
    public static final Price RDS_GP3_GB_MONTH = new Price("RDS gp3 storage", 0.115, "GB-month", RDS, READ);
    /** Aurora Serverless v2, per ACU-hour. */
    public static final Price AURORA_ACU_HOUR = new Price("Aurora Serverless v2", 0.12, "ACU-h", AURORA, READ);
    /** Aurora storage, per GB-month. */
    public static final Price AURORA_STORAGE_GB_MONTH = new Price("Aurora storage", 0.10, "GB-month", AURORA, READ);
    /** EBS gp3 volume, per GB-month (an instance's root volume, billed while the instance is stopped too). */
    public static final Price EBS_GP3_GB_MONTH = new Price("EBS gp3", 0.08, "GB-month", EBS, READ);
    /** Interface VPC endpoint, per AZ-hour. */
    public static final Price INTERFACE_ENDPOINT_AZ_HOUR = new Price("Interface endpoint", 0.01, "AZ-h", VPC, READ);
    /** Client VPN, per subnet association-hour. */
    public static final Price CLIENT_VPN_ASSOCIATION_HOUR = new Price("Client VPN association", 0.10, "h",
            "https://aws.amazon.com/vpn/pricing/", READ);
    /** Client VPN, per connection-hour. */
    public static final Price CLIENT_VPN_CONNECTION_HOUR = new Price("Client VPN connection", 0.05, "connection-h",
            "https://aws.amazon.com/vpn/pricing/", READ);
    /** CloudWatch Logs, per GB ingested. */
    public static final Price LOGS_INGEST_GB = new Price("CloudWatch Logs ingestion", 0.50, "GB", CLOUDWATCH, READ);
    /** CloudWatch Logs, per GB-month stored. */
    public static final Price LOGS_STORAGE_GB_MONTH = new Price("CloudWatch Logs storage", 0.03, "GB-month", CLOUDWATCH, READ);
    /** CloudWatch alarm, per month. */
    public static final Price ALARM_MONTH = new Price("CloudWatch alarm", 0.10, "month", CLOUDWATCH, READ);
    /** CloudWatch composite alarm, per month ("Alarms" section of the page). */
    public static final Price COMPOSITE_ALARM_MONTH = new Price("CloudWatch composite alarm", 0.50, "month", CLOUDWATCH, READ);
    /** CloudWatch dashboard, per month. */
    public static final Price DASHBOARD_MONTH = new Price("CloudWatch dashboard", 3.0, "month", CLOUDWATCH, READ);
    /** Secrets Manager, per secret-month (an RDS-managed master secret included). */
    public static final Price SECRET_MONTH = new Price("Secrets Manager secret", 0.40, "month",
            "https://aws.amazon.com/secrets-manager/pricing/", READ);
    /**
     * SSM Parameter Store advanced parameter, per month; standard parameters (up to 10,000, SecureString
     * included) cost nothing (Parameter Store section of the page).
     */
    public static final Price SSM_ADVANCED_PARAMETER_MONTH = new Price("SSM advanced parameter", 0.05, "month",
            "https://aws.amazon.com/systems-manager/pricing/", READ);
    /** KMS customer managed key, per month. */
    public static final Price KMS_KEY_MONTH = new Price("KMS key", 1.0, "month", KMS, READ);
    /**
     * KMS: each key version automatic rotation generates adds this per month, for the first two rotations only
     * (the price since May 2024); a yearly-rotated key costs $1 its first year, $2 the second, $3 from the third.
     */
    public static final Price KMS_ROTATED_VERSION_MONTH = new Price("KMS rotated key version", 1.0, "month", KMS, READ);
    /** WAF, per web ACL-month. */
    public static final Price WAF_ACL_MONTH = new Price("WAF web ACL", 5.0, "month", WAF, READ);
    /** WAF, per rule-month. */
    public static final Price WAF_RULE_MONTH = new Price("WAF rule", 1.0, "month", WAF, READ);
    /** WAF, per million requests. */
    public static final Price WAF_MILLION_REQUESTS = new Price("WAF requests", 0.60, "million", WAF, READ);

    /**
     * ElastiCache for Valkey on-demand nodes, per node-hour: the Redis OSS list price less 20% (the ElastiCache
     * pricing page: node-based Valkey is priced 20% lower than Redis OSS); cache.t4g.micro Redis OSS $0.016.
     */
    private static final Map<String, Price> ELASTICACHE_VALKEY_NODE_HOUR = Map.of(
            "cache.t4g.micro", valkey("cache.t4g.micro", 0.0128),
            "cache.t4g.small", valkey("cache.t4g.small", 0.0256),
            "cache.t4g.medium", valkey("cache.t4g.medium", 0.0520));

    /** Where db.t4g.small and db.t4g.medium were read: the us-east-1 list prices as republished in 2026. */
    private static final String RDS_2026 = "https://infratally.com (AWS RDS pricing explained 2026)";

    /**
     * RDS for PostgreSQL single-AZ instance classes, per hour (Multi-AZ doubles). Classes not listed are reported
     * unpriced, never as zero.
     */
    private static final Map<String, Price> RDS_POSTGRES_HOUR = Map.of(
            "db.t4g.micro", rds("db.t4g.micro", 0.016, RDS),
            "db.t4g.small", rds("db.t4g.small", 0.032, RDS_2026),
            "db.t4g.medium", rds("db.t4g.medium", 0.065, RDS_2026));

    /** EC2 instance types (NAT instances), per hour. */
    private static final Map<String, Price> EC2_HOUR = Map.of(
            "t4g.nano", new Price("EC2 t4g.nano", 0.0042, "h", EC2, READ));

    // Commitments: what a term of one or three years takes off the on-demand price at most ("up to"), for the cost
    // report's advice on what runs all month. The report states them as upper bounds with their terms.

    /** Compute Savings Plans on Fargate: up to 50% off with a three-year term. */
    public static final Price COMPUTE_SAVINGS_PLAN_FARGATE = new Price("Compute Savings Plan (Fargate), 3-year", 0.50,
            "share of on-demand", "https://aws.amazon.com/savingsplans/compute-pricing/", READ);
    /**
     * Database Savings Plans on serverless databases (Aurora Serverless v2, ElastiCache Serverless): up to 35% off,
     * one-year term, no upfront payment only (launched 2025-12-02; provisioned instances only from generation 7).
     */
    public static final Price DATABASE_SAVINGS_PLAN_SERVERLESS = new Price("Database Savings Plan (serverless), 1-year",
            0.35, "share of on-demand", "https://aws.amazon.com/savingsplans/database-pricing/", READ);
    /** RDS reserved DB instances: up to 69% off with a three-year term paid upfront. */
    public static final Price RDS_RESERVED_INSTANCE = new Price("RDS reserved instance, 3-year", 0.69,
            "share of on-demand", "https://aws.amazon.com/rds/reserved-instances/", READ);

    private PriceTable() {
    }

    /** Single-AZ hourly price of an RDS for PostgreSQL instance class, if the table has it. */
    public static Optional<Price> rdsInstanceHour(String instanceClass) {
        return Optional.ofNullable(RDS_POSTGRES_HOUR.get(instanceClass));
    }

    /** Hourly price of an EC2 instance type, if the table has it. */
    public static Optional<Price> ec2InstanceHour(String instanceType) {
        return Optional.ofNullable(EC2_HOUR.get(instanceType));
    }

    /** Hourly price of an ElastiCache for Valkey node type, if the table has it. */
    public static Optional<Price> valkeyNodeHour(String nodeType) {
        return Optional.ofNullable(ELASTICACHE_VALKEY_NODE_HOUR.get(nodeType));
    }

    private static Price rds(String instanceClass, double usd, String source) {
        return new Price("RDS PostgreSQL " + instanceClass, usd, "h", source, READ);
    }

    private static Price valkey(String nodeType, double usd) {
        return new Price("ElastiCache Valkey " + nodeType, usd, "h", "https://aws.amazon.com/elasticache/pricing/", READ);
    }
}

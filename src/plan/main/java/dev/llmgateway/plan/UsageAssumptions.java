package dev.llmgateway.plan;

/**
 * The usage the "typical" column assumes (the "idle" column assumes no traffic at all).
 * {@link #DEFAULTS} describes a small team's gateway; the report prints every assumption.
 *
 * @param busyHoursPerMonth       hours of real use per month (default 176: 8 h x 22 working days)
 * @param albLcu                  average ALB LCUs while busy (default 1)
 * @param natGbPerMonth           GB through each NAT gateway per month (default 20: prompts and completions are text)
 * @param auroraAverageAcu        average Aurora Serverless v2 ACUs while busy (default 1, within min..max)
 * @param auroraStorageGb         Aurora storage per cluster in GB (default 10)
 * @param vpnConcurrentUsers      Client VPN users connected while busy (default 2)
 * @param logGbPerGroupPerMonth   GB ingested per log group per month (default 1)
 * @param oneShotLogGbPerMonth    GB ingested per month by the log group of a container that runs once at task start
 *                                (config download, volume permissions, migrations: a few lines; default 0.01)
 * @param wafMillionRequests      million requests per month through each web ACL (default 1)
 */
public record UsageAssumptions(
        double busyHoursPerMonth,
        double albLcu,
        double natGbPerMonth,
        double auroraAverageAcu,
        double auroraStorageGb,
        double vpnConcurrentUsers,
        double logGbPerGroupPerMonth,
        double oneShotLogGbPerMonth,
        double wafMillionRequests) {

    /** A small team's gateway used during working hours. */
    public static final UsageAssumptions DEFAULTS = new UsageAssumptions(176, 1, 20, 1, 10, 2, 1, 0.01, 1);
}

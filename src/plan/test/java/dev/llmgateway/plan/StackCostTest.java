package dev.llmgateway.plan;

import org.junit.jupiter.api.Test;

import static dev.llmgateway.plan.PriceTable.ALARM_MONTH;
import static dev.llmgateway.plan.PriceTable.ALB_HOUR;
import static dev.llmgateway.plan.PriceTable.ALB_LCU_HOUR;
import static dev.llmgateway.plan.PriceTable.AURORA_ACU_HOUR;
import static dev.llmgateway.plan.PriceTable.AURORA_STORAGE_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.COMPOSITE_ALARM_MONTH;
import static dev.llmgateway.plan.PriceTable.DASHBOARD_MONTH;
import static dev.llmgateway.plan.PriceTable.EBS_GP3_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.FARGATE_ARM_GB_HOUR;
import static dev.llmgateway.plan.PriceTable.FARGATE_ARM_VCPU_HOUR;
import static dev.llmgateway.plan.PriceTable.FARGATE_SPOT_DISCOUNT;
import static dev.llmgateway.plan.PriceTable.HOURS_PER_MONTH;
import static dev.llmgateway.plan.PriceTable.INTERFACE_ENDPOINT_AZ_HOUR;
import static dev.llmgateway.plan.PriceTable.KMS_KEY_MONTH;
import static dev.llmgateway.plan.PriceTable.LOGS_INGEST_GB;
import static dev.llmgateway.plan.PriceTable.LOGS_STORAGE_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.NAT_GATEWAY_GB;
import static dev.llmgateway.plan.PriceTable.NAT_GATEWAY_HOUR;
import static dev.llmgateway.plan.PriceTable.PUBLIC_IPV4_HOUR;
import static dev.llmgateway.plan.PriceTable.RDS_GP3_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.SECRET_MONTH;
import static dev.llmgateway.plan.PriceTable.WAF_ACL_MONTH;
import static dev.llmgateway.plan.PriceTable.WAF_MILLION_REQUESTS;
import static dev.llmgateway.plan.PriceTable.WAF_RULE_MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed stacks cost what a hand calculation from the price table's line items says (us-east-1, 730 h
 * months): every expected figure is written with the {@link PriceTable} entries, never typed as a total.
 */
class StackCostTest {

    /** Weeks in a 730-hour month. */
    private static final double WEEKS = HOURS_PER_MONTH / (7 * 24);
    private static final double SPOT = 1 - FARGATE_SPOT_DISCOUNT.usd();
    private static final Price T4G_NANO = PriceTable.ec2InstanceHour("t4g.nano").orElseThrow();
    private static final Price DB_T4G_MICRO = PriceTable.rdsInstanceHour("db.t4g.micro").orElseThrow();
    private static final Price VALKEY_MICRO = PriceTable.valkeyNodeHour("cache.t4g.micro").orElseThrow();

    @Test
    void devIdlesForTheHandCalculationOfWhatRunsInItsOfficeHours() {
        CostReport dev = CostEstimate.of(Plans.stack("dev"));
        // Office hours 08:00-18:00 MON-FRI: 50 h a week. The database and the NAT instance start at 07:45: 51.25 h.
        double tasks = 50 * WEEKS;
        double databaseAndNat = 51.25 * WEEKS;
        double idle = FARGATE_ARM_VCPU_HOUR.times(0.5 * tasks) * SPOT   // one ARM Spot task, 0.5 vCPU
                + FARGATE_ARM_GB_HOUR.times(2 * tasks) * SPOT           // and 2 GB
                + T4G_NANO.times(databaseAndNat)                        // the NAT instance, started and stopped with the database
                + PUBLIC_IPV4_HOUR.times(databaseAndNat)                // its public address, released while it is stopped
                + EBS_GP3_GB_MONTH.times(8)                             // its 8 GB root volume, all month
                + DB_T4G_MICRO.times(databaseAndNat)                    // RDS db.t4g.micro, single-AZ
                + RDS_GP3_GB_MONTH.times(20)                            // its 20 GB, all month
                + SECRET_MONTH.times(1)                                 // the RDS-managed master secret (generated ones are free SSM parameters)
                + KMS_KEY_MONTH.times(1)                                // the stack key
                + ALARM_MONTH.times(3);                                 // database CPU, NAT instance status check, tasks running
        assertEquals(idle, dev.idleTotal(), 1e-9, dev.table());
        assertEquals(11.77, Math.round(idle * 100) / 100.0, "the figure README.md and docs/seeds.md state");
        assertTrue(dev.idleTotal() <= 12, "dev's idle budget");
        // typical adds log ingestion: 5 long-running groups (litellm, ECS Exec sessions, flow logs, RDS postgresql and
        // upgrade) x 1 GB + 4 run-once groups (config, volumes, and the deploy's bootstrap and migrate tasks) x 0.01 GB,
        // kept 14 days
        double logs = 5 * 1 + 4 * 0.01;
        double typical = idle + LOGS_INGEST_GB.times(logs) + LOGS_STORAGE_GB_MONTH.times(logs * 14 / 30);
        assertEquals(typical, dev.typicalTotal(), 1e-9, dev.table());
        assertTrue(dev.typicalTotal() <= 20, "the dev stack's budget");
        assertTrue(dev.unpriced().isEmpty(), dev.unpriced().toString());
        assertTrue(dev.commitments().isEmpty(), "nothing in dev runs all month on demand: " + dev.commitments());
    }

    @Test
    void prodCostsWhatTheHandCalculationSays() {
        CostReport prod = CostEstimate.of(Plans.stack("prod"));
        double month = HOURS_PER_MONTH;
        double idle = FARGATE_ARM_VCPU_HOUR.times(2 * 2 * month)       // 2 on-demand tasks x 2 vCPU
                + FARGATE_ARM_GB_HOUR.times(2 * 4 * month)              // x 4 GB
                + ALB_HOUR.times(month)
                + PUBLIC_IPV4_HOUR.times((3 + 3) * month)               // 3 NAT gateway EIPs + 3 ALB nodes
                + NAT_GATEWAY_HOUR.times(3 * month)
                + AURORA_ACU_HOUR.times(2 * 0.5 * month)                // writer + reader at the 0.5 ACU floor (never pauses)
                + AURORA_STORAGE_GB_MONTH.times(10)
                + INTERFACE_ENDPOINT_AZ_HOUR.times(5 * 3 * month)       // 5 endpoints x 3 zones
                + VALKEY_MICRO.times(2 * month)                         // primary + replica
                + WAF_ACL_MONTH.times(1) + WAF_RULE_MONTH.times(5)
                + SECRET_MONTH.times(5)                                 // 4 generated + the RDS-managed master secret
                + KMS_KEY_MONTH.times(1)
                // 13 alarms; the failed-answer share reads 4 metrics and each of the 4 burn-rate windows 4 (an alarm is
                // billed per metric it reads)
                + ALARM_MONTH.times(13 + 4 + 4 * 4) + COMPOSITE_ALARM_MONTH.times(1)
                + DASHBOARD_MONTH.times(1);
        // (the EventBridge rules that forward ECS events to the topic are free for AWS service events)
        assertEquals(idle, prod.idleTotal(), 1e-9, prod.table());
        double busy = UsageAssumptions.DEFAULTS.busyHoursPerMonth();
        double logs = 5 * 1 + 4 * 0.01;                                    // 4 run-once: config, volumes, bootstrap, migrate
        double typical = idle
                + FARGATE_ARM_VCPU_HOUR.times(2 * busy) + FARGATE_ARM_GB_HOUR.times(4 * busy)   // a third task while busy
                + ALB_LCU_HOUR.times(busy)
                + NAT_GATEWAY_GB.times(3 * 20)
                + AURORA_ACU_HOUR.times(2 * 0.5 * busy)                  // 1 ACU instead of 0.5 while busy
                + WAF_MILLION_REQUESTS.times(1)
                + LOGS_INGEST_GB.times(logs) + LOGS_STORAGE_GB_MONTH.times(logs * 3); // 90-day retention
        assertEquals(typical, prod.typicalTotal(), 1e-9, prod.table());
        assertTrue(prod.unpriced().isEmpty(), prod.unpriced().toString());
    }

    @Test
    void prodIsAdvisedWhichCommitmentsCoverWhatRunsAllMonthAndWhenTheyPayOff() {
        CostReport prod = CostEstimate.of(Plans.stack("prod"));
        double fargate = FARGATE_ARM_VCPU_HOUR.times(2 * 2 * HOURS_PER_MONTH) + FARGATE_ARM_GB_HOUR.times(2 * 4 * HOURS_PER_MONTH);
        Commitment tasks = prod.commitments().get(0);
        assertEquals(PriceTable.COMPUTE_SAVINGS_PLAN_FARGATE, tasks.plan());
        assertEquals(fargate, tasks.onDemand(), 1e-9);
        assertEquals(fargate * 0.5, tasks.saving(), 1e-9);
        assertEquals(18, tasks.breakEvenMonths(), 1e-9, "a 3-year term at half price pays for itself after 18 months");
        Commitment aurora = prod.commitments().get(1);
        assertEquals(PriceTable.DATABASE_SAVINGS_PLAN_SERVERLESS, aurora.plan());
        assertEquals(AURORA_ACU_HOUR.times(2 * 0.5 * HOURS_PER_MONTH), aurora.onDemand(), 1e-9);
        assertEquals(12 * 0.65, aurora.breakEvenMonths(), 1e-9);
        assertEquals(2, prod.commitments().size(), "NAT gateways, the load balancer, endpoints and WAF have no commitment");
        assertTrue(prod.table().contains("pays for its term after 18.0 months"), prod.table());
    }
}

package dev.llmgateway.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed stacks cost what a hand calculation from the price table says (us-east-1, 730 h months). */
class StackCostTest {

    @Test
    void devCostsAtMostTwentyDollarsUnderItsOfficeHours() {
        CostReport dev = CostEstimate.of(Plans.stack("dev"));
        // Office hours 08:00-18:00 MON-FRI = 50 h a week x 730 / 168 = 217.261905 h a month.
        // Fargate Spot ARM, 1 task: 1 vCPU x 0.03238 x 0.3 x 217.261905 = 2.110482; 2 GB x 0.00356 x 0.3 x 217.261905 = 0.464071
        // RDS db.t4g.micro from 07:45: 51.25 h a week = 222.693452 h x 0.016 = 3.563095; 20 GB gp3 x 0.115 = 2.30 (all month)
        // NAT instance t4g.nano 0.0042 x 730 = 3.066 and its public IPv4 0.005 x 730 = 3.65 (no load balancer, no others)
        // RDS-managed master secret 0.40 (generated secrets are free SSM parameters); KMS key 1.00;
        // 3 alarm metrics (database CPU, NAT instance status check, tasks running in office hours) 0.30  idle = 16.853649
        assertEquals(16.853649, dev.idleTotal(), 1e-6, dev.table());
        // typical adds log ingestion: 5 long-running groups (litellm, ECS Exec sessions, flow logs, RDS postgresql and
        // upgrade) x 1 GB + 4 run-once groups (config, volumes, and the deploy's bootstrap and migrate tasks) x 0.01 GB
        // = 5.04 GB x 0.50 = 2.52, and storage 5.04 GB x 14/30 x 0.03 = 0.07056                          = 19.444209
        assertEquals(19.444209, dev.typicalTotal(), 1e-6, dev.table());
        assertTrue(dev.typicalTotal() <= 20, "the dev stack's budget");
        assertTrue(dev.unpriced().isEmpty(), dev.unpriced().toString());
    }

    @Test
    void prodCostsWhatTheHandCalculationSays() {
        CostReport prod = CostEstimate.of(Plans.stack("prod"));
        // Fargate ARM on-demand, 2 tasks x 2 vCPU / 4 GB x 730 h: 4 x 0.03238 x 730 = 94.5496; 8 x 0.00356 x 730 = 20.7904
        // ALB 0.0225 x 730 = 16.425; 6 public IPv4 (3 NAT EIPs + 3 ALB nodes) x 0.005 x 730 = 21.90
        // 3 NAT gateways x 0.045 x 730 = 98.55; Aurora min 0.5 ACU (never pauses) x 2 instances x 730 x 0.12 = 87.60
        // Aurora storage 10 GB x 0.10 = 1.00; 5 interface endpoints x 3 AZs x 0.01 x 730 = 109.50
        // ElastiCache for Valkey cache.t4g.micro primary + replica: 2 x 0.0128 x 730 = 18.688
        // WAF 5 + 5 rules = 10.00; 5 secrets x 0.40 = 2.00; KMS 1.00
        // 13 alarms x 0.10 = 1.30 (with healthy hosts and certificate expiry); the failed-answer share reads 4 metrics
        // and each of the 4 burn-rate windows 4: 20 x 0.10 = 2.00; 1 composite alarm 0.50; dashboard 3.00   idle = 488.803
        // (the EventBridge rules that forward ECS events to the topic are free for AWS service events)
        assertEquals(488.803, prod.idleTotal(), 1e-6, prod.table());
        // typical adds: a third task for 176 busy h (2 x 176 x 0.03238 = 11.39776, 4 x 176 x 0.00356 = 2.50624),
        // ALB 176 LCU-h x 0.008 = 1.408, NAT data 60 GB x 0.045 = 2.70, Aurora 2 x 176 h x 0.5 ACU more x 0.12 = 21.12,
        // WAF 1 M requests 0.60, logs 5 long-running groups x 1 GB + 4 run-once x 0.01 GB (config, volumes, the deploy's
        // bootstrap and migrate) = 5.04 GB x 0.50 = 2.52 ingested + 15.12 GB-month at their retention x 0.03 = 0.4536
        // stored                                                                                        = 531.5086
        assertEquals(531.5086, prod.typicalTotal(), 1e-6, prod.table());
        assertTrue(prod.unpriced().isEmpty(), prod.unpriced().toString());
    }
}

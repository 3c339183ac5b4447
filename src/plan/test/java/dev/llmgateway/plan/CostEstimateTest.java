package dev.llmgateway.plan;

import com.google.gson.Gson;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2clientvpn.Endpoint;
import com.pulumi.aws.ec2clientvpn.EndpointArgs;
import com.pulumi.aws.ec2clientvpn.NetworkAssociation;
import com.pulumi.aws.ec2clientvpn.NetworkAssociationArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointAuthenticationOptionArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointConnectionLogOptionsArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostEstimateTest {

    private static CostReport small;

    /**
     * One ARM Spot task (1 vCPU, 2 GB), a t4g.nano NAT instance with a public IP, an
     * internet-facing ALB in two subnets, Aurora Serverless v2 (min 0, max 2) with one instance
     * and an RDS-managed master secret, two declared secrets and one KMS key.
     */
    @BeforeAll
    static void planSmallProgram() {
        PlannedStack plan = OfflineEngine.run("costs", "dev", "us-east-1", ctx -> {
            var task = new TaskDefinition("proxy", TaskDefinitionArgs.builder()
                    .family("proxy").cpu("1024").memory("2048").networkMode("awsvpc")
                    .requiresCompatibilities("FARGATE").containerDefinitions("[]")
                    .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                            .cpuArchitecture("ARM64").operatingSystemFamily("LINUX").build())
                    .build());
            new Service("proxy", ServiceArgs.builder().cluster("c").taskDefinition(task.arn()).desiredCount(1)
                    .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                            .capacityProvider("FARGATE_SPOT").weight(1).build())
                    .build());
            new Instance("nat", InstanceArgs.builder().ami("ami-1").instanceType("t4g.nano")
                    .sourceDestCheck(false).associatePublicIpAddress(true).build());
            new LoadBalancer("alb", LoadBalancerArgs.builder().loadBalancerType("application").internal(false)
                    .subnets("subnet-a", "subnet-b").build());
            var db = new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql").engineMode("provisioned")
                    .manageMasterUserPassword(true).masterUsername("litellm")
                    .serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                            .minCapacity(0.0).maxCapacity(2.0).build())
                    .build());
            new ClusterInstance("db-1", ClusterInstanceArgs.builder().clusterIdentifier(db.id())
                    .instanceClass("db.serverless").engine("aurora-postgresql").build());
            new Secret("master-key");
            new Secret("salt-key");
            new Key("key");
        }).orThrow();
        small = CostEstimate.of(plan);
    }

    private static CostLine line(CostReport report, String prefix) {
        return report.lines().stream().filter(l -> l.item().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + report.table()));
    }

    @Test
    void armSpotTaskIsPricedAtArmListPriceLessSeventyPercent() {
        // vCPU: 1 x 0.03238 x 0.3 x 730 h = 7.09122; memory: 2 GB x 0.00356 x 0.3 x 730 h = 1.55928
        assertEquals(7.09122, line(small, "Fargate vCPU: proxy").monthlyIdle(), 1e-9);
        assertEquals(1.55928, line(small, "Fargate memory: proxy").monthlyIdle(), 1e-9);
        assertTrue(line(small, "Fargate vCPU: proxy").item().contains("ARM64, 100% Spot"));
    }

    @Test
    void publicIpv4CountsTheNatInstanceAndOneAddressPerAzOfThePublicAlb() {
        // 1 NAT instance + 2 ALB subnets = 3 addresses x 0.005 x 730 h = 10.95
        CostLine ipv4 = line(small, "Public IPv4");
        assertEquals(3, ipv4.quantity());
        assertEquals(10.95, ipv4.monthlyIdle(), 1e-9);
    }

    @Test
    void auroraWithMinimumZeroIsPricedAtItsFloorWheneverAProxyTaskRuns() {
        // the task runs all month, so the database never pauses: idle 0.5 ACU x 730 h x 0.12 = 43.80;
        // typical: (1 ACU x 176 busy h + 0.5 ACU x 554 other h) x 0.12 = 54.36
        CostLine acu = line(small, "Aurora Serverless v2: db");
        assertEquals(43.80, acu.monthlyIdle(), 1e-9);
        assertEquals(54.36, acu.monthlyTypical(), 1e-9);
        assertTrue(acu.assumption().contains("pauses only when no proxy task runs"), acu.assumption());
        assertEquals(1.00, line(small, "Aurora storage: db").monthlyIdle(), 1e-9); // 10 GB x 0.10
    }

    @Test
    void totalsAddUpTheHandComputedLines() {
        // idle:    Fargate 7.09122 + 1.55928, NAT instance 0.0042 x 730 = 3.066, IPv4 10.95,
        //          ALB 0.0225 x 730 = 16.425, Aurora 43.80 + storage 1.00, secrets (2 + 1 RDS-managed) x 0.40 = 1.20,
        //          KMS key 1.00                                                        = 86.0915
        // typical: idle + ALB 1 LCU x 176 h x 0.008 = 1.408 + Aurora 54.36 - 43.80   = 98.0595
        assertEquals(86.0915, small.idleTotal(), 1e-9);
        assertEquals(98.0595, small.typicalTotal(), 1e-9);
        assertEquals(3, line(small, "Secrets Manager").quantity());
        assertTrue(small.unpriced().isEmpty(), small.unpriced().toString());
    }

    @Test
    void tableAndJsonCarryTheTotalsRoundedToCents() {
        String table = small.table();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("Total") && l.contains("86.09") && l.contains("98.06")),
                table);
        Map<?, ?> json = new Gson().fromJson(new Gson().toJson(small.toJson()), Map.class);
        assertEquals(Map.of("idle", 86.09, "typical", 98.06), json.get("totals"));
    }

    @Test
    void officeHoursScheduleTheTasksTheAwakeDatabaseAndTheStoppedRdsInstance() {
        PlannedStack plan = OfflineEngine.run("costs", "office", "us-east-1", ctx -> {
            var task = new TaskDefinition("proxy", TaskDefinitionArgs.builder()
                    .family("proxy").cpu("1024").memory("2048").containerDefinitions("[]")
                    .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                            .cpuArchitecture("ARM64").operatingSystemFamily("LINUX").build())
                    .build());
            var service = new Service("proxy", ServiceArgs.builder().cluster("c").taskDefinition(task.arn()).desiredCount(1)
                    .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                            .capacityProvider("FARGATE_SPOT").weight(1).build())
                    .build());
            var target = new Target("proxy", TargetArgs.builder().serviceNamespace("ecs")
                    .scalableDimension("ecs:service:DesiredCount").minCapacity(1).maxCapacity(1)
                    .resourceId(service.name().applyValue(n -> "service/c/" + n)).build());
            Map.of("start", "cron(0 8 ? * MON-FRI *)", "stop", "cron(0 18 ? * MON-FRI *)").forEach((action, cron) ->
                    new ScheduledAction("proxy-" + action, ScheduledActionArgs.builder().name("proxy-" + action)
                            .serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                            .resourceId(target.resourceId()).schedule(cron).timezone("Europe/Berlin")
                            .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                                    .minCapacity(action.equals("start") ? 1 : 0).maxCapacity(action.equals("start") ? 1 : 0)
                                    .build())
                            .build()));
            var db = new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql").engineMode("provisioned")
                    .serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                            .minCapacity(0.0).maxCapacity(2.0).secondsUntilAutoPause(300).build())
                    .build());
            new ClusterInstance("db-1", ClusterInstanceArgs.builder().clusterIdentifier(db.id())
                    .instanceClass("db.serverless").engine("aurora-postgresql").build());
            var rds = new com.pulumi.aws.rds.Instance("rds", com.pulumi.aws.rds.InstanceArgs.builder().engine("postgres")
                    .identifier("rds").instanceClass("db.t4g.micro").allocatedStorage(20).build());
            Map.of("start", "cron(45 7 ? * MON-FRI *)", "stop", "cron(0 18 ? * MON-FRI *)").forEach((action, cron) ->
                    new Schedule("rds-" + action, ScheduleArgs.builder().scheduleExpression(cron)
                            .scheduleExpressionTimezone("Europe/Berlin")
                            .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                            .target(ScheduleTargetArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                                    .arn("arn:aws:scheduler:::aws-sdk:rds:" + action + "DBInstance")
                                    .input(rds.identifier().applyValue(id -> "{\"DbInstanceIdentifier\":\"" + id + "\"}"))
                                    .build())
                            .build()));
        }).orThrow();
        CostReport report = CostEstimate.of(plan);

        // 5 days x 10 h = 50 h a week; x 730 / 168 weeks a month = 217.261905 h
        // Fargate vCPU: 1 x 0.03238 x 0.3 x 217.261905 = 2.110482; memory: 2 x 0.00356 x 0.3 x 217.261905 = 0.464071
        assertEquals(2.110482, line(report, "Fargate vCPU: proxy").monthlyIdle(), 1e-6);
        assertEquals(0.464071, line(report, "Fargate memory: proxy").monthlyIdle(), 1e-6);
        // Aurora awake while the task runs plus 5 min after each of 5 x 730 / 168 = 21.726190 stops a month:
        // 217.261905 + 1.810516 = 219.072421 h x 0.5 ACU x 0.12 = 13.144345
        assertEquals(13.144345, line(report, "Aurora Serverless v2: db").monthlyIdle(), 1e-6);
        // RDS started 07:45, stopped 18:00: 51.25 h a week x 730 / 168 = 222.693452 h x 0.016 = 3.563095
        assertEquals(3.563095, line(report, "RDS instance: rds").monthlyIdle(), 1e-6);
        assertEquals(2.30, line(report, "RDS storage: rds").monthlyIdle(), 1e-9); // billed while stopped
        assertEquals(List.of("1 task(s) of proxy x 217 h (office hours), ARM64, 100% Spot",
                "Aurora 0.5 ACU for 219 h (awake while tasks run)", "RDS db.t4g.micro x 223 h (office hours)"), report.basis(),
                "the README's cost table names what decides each total");
    }

    @Test
    void multiAzRdsDoublesInstanceAndStorageAndMixedCapacityProvidersSplitByBaseThenWeight() {
        PlannedStack plan = OfflineEngine.run("costs", "prod", "us-east-1", ctx -> {
            var task = new TaskDefinition("proxy", TaskDefinitionArgs.builder()
                    .family("proxy").cpu("2048").memory("4096").containerDefinitions("[]").build());
            var service = new Service("proxy", ServiceArgs.builder().cluster("c").taskDefinition(task.arn())
                    .desiredCount(3)
                    .capacityProviderStrategies(
                            ServiceCapacityProviderStrategyArgs.builder().capacityProvider("FARGATE").base(1).weight(1).build(),
                            ServiceCapacityProviderStrategyArgs.builder().capacityProvider("FARGATE_SPOT").weight(3).build())
                    .build());
            new Target("proxy-scaling", TargetArgs.builder().serviceNamespace("ecs")
                    .scalableDimension("ecs:service:DesiredCount").minCapacity(3).maxCapacity(6)
                    .resourceId(service.name().applyValue(n -> "service/c/" + n)).build());
            var eip = new Eip("nat-a", EipArgs.builder().domain("vpc").build());
            new NatGateway("nat-a", NatGatewayArgs.builder().subnetId("subnet-a").allocationId(eip.id()).build());
            new com.pulumi.aws.rds.Instance("db", com.pulumi.aws.rds.InstanceArgs.builder().engine("postgres")
                    .instanceClass("db.t4g.micro").allocatedStorage(20).multiAz(true).build());
            new com.pulumi.aws.rds.Instance("big", com.pulumi.aws.rds.InstanceArgs.builder().engine("postgres")
                    .instanceClass("db.r6g.large").allocatedStorage(20).build());
        }).orThrow();
        CostReport report = CostEstimate.of(plan);

        // 3 tasks: 1 on-demand base, the other 2 split 1:3 -> 1.5 on Spot = 50%; x86 2 vCPU:
        // idle 2 x 3 x 730 x 0.04048 x (1 - 0.7 x 0.5) = 115.24656
        // typical adds 1 task x 2 vCPU x 176 h (autoscaling max 6 > 3): + 2 x 176 x 0.026312 = 9.261824
        CostLine vcpu = line(report, "Fargate vCPU: proxy");
        assertEquals(115.24656, vcpu.monthlyIdle(), 1e-9);
        assertEquals(124.508384, vcpu.monthlyTypical(), 1e-9);
        // db.t4g.micro Multi-AZ: 2 x 0.016 x 730 = 23.36; 20 GB x 2 copies x 0.115 = 4.60
        assertEquals(23.36, line(report, "RDS instance: db").monthlyIdle(), 1e-9);
        assertEquals(4.60, line(report, "RDS storage: db").monthlyIdle(), 1e-9);
        // NAT gateway 0.045 x 730 = 32.85; its EIP 3.65; typical data 20 GB x 0.045 = 0.90
        assertEquals(32.85, line(report, "NAT gateway hours").monthlyIdle(), 1e-9);
        assertEquals(3.65, line(report, "Public IPv4").monthlyIdle(), 1e-9);
        assertEquals(0.90, line(report, "NAT gateway data").monthlyTypical(), 1e-9);
        assertEquals(List.of("RDS instance big (db.r6g.large)"), report.unpriced());
    }

    @Test
    void privateAccessEdgeAndObservabilityLinesUseTheirUnitsAndAssumptions() {
        PlannedStack plan = OfflineEngine.run("costs", "ops", "us-east-1", ctx -> {
            new VpcEndpoint("ecr-api", VpcEndpointArgs.builder().vpcId("vpc-1").serviceName("com.amazonaws.us-east-1.ecr.api")
                    .vpcEndpointType("Interface").subnetIds("subnet-a", "subnet-b", "subnet-c").build());
            new VpcEndpoint("logs", VpcEndpointArgs.builder().vpcId("vpc-1").serviceName("com.amazonaws.us-east-1.logs")
                    .vpcEndpointType("Interface").subnetIds("subnet-a", "subnet-b").build());
            new VpcEndpoint("s3", VpcEndpointArgs.builder().vpcId("vpc-1").serviceName("com.amazonaws.us-east-1.s3")
                    .vpcEndpointType("Gateway").build());
            var vpn = new Endpoint("vpn", EndpointArgs.builder().serverCertificateArn("arn:aws:acm:server")
                    .clientCidrBlock("10.100.0.0/22")
                    .authenticationOptions(EndpointAuthenticationOptionArgs.builder().type("certificate-authentication")
                            .rootCertificateChainArn("arn:aws:acm:root").build())
                    .connectionLogOptions(EndpointConnectionLogOptionsArgs.builder().enabled(true).build()).build());
            for (String subnet : List.of("a", "b")) {
                new NetworkAssociation("vpn-" + subnet, NetworkAssociationArgs.builder()
                        .clientVpnEndpointId(vpn.id()).subnetId("subnet-" + subnet).build());
            }
            var visibility = WebAclVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true).metricName("acl")
                    .sampledRequestsEnabled(true).build();
            new WebAcl("waf", WebAclArgs.builder().scope("REGIONAL").visibilityConfig(visibility)
                    .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build())
                            .build())
                    .rules(IntStream.range(0, 3).mapToObj(i -> WebAclRuleArgs.builder().name("rule-" + i).priority(i)
                            .statement(WebAclRuleStatementArgs.builder().build())
                            .visibilityConfig(WebAclRuleVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true)
                                    .metricName("rule-" + i).sampledRequestsEnabled(true).build())
                            .build()).toList())
                    .build());
            new ReplicationGroup("cache", ReplicationGroupArgs.builder().description("c").engine("valkey")
                    .nodeType("cache.t4g.micro").numCacheClusters(2).build());
            new LogGroup("proxy", LogGroupArgs.builder().retentionInDays(30).build());
            new LogGroup("audit");
            for (String alarm : List.of("cpu", "5xx", "db")) {
                new MetricAlarm(alarm, MetricAlarmArgs.builder().comparisonOperator("GreaterThanThreshold")
                        .evaluationPeriods(1).build());
            }
            new Dashboard("ops", DashboardArgs.builder().dashboardName("ops").dashboardBody("{}").build());
        }).orThrow();
        CostReport report = CostEstimate.of(plan);

        // 3 + 2 subnets = 5 endpoint-AZs x 0.01 x 730 = 36.50 (the S3 gateway endpoint is free)
        assertEquals(5, line(report, "Interface VPC endpoints (2)").quantity());
        assertEquals(36.50, line(report, "Interface VPC endpoints").monthlyIdle(), 1e-9);
        // 2 associations x 0.10 x 730 = 146.00; connections typical 2 users x 176 h x 0.05 = 17.60
        assertEquals(146.00, line(report, "Client VPN subnet associations").monthlyIdle(), 1e-9);
        assertEquals(0, line(report, "Client VPN connections").monthlyIdle(), 1e-9);
        assertEquals(17.60, line(report, "Client VPN connections").monthlyTypical(), 1e-9);
        // WAF 5 + 3 rules x 1 = 8.00; 1 million requests x 0.60 typical
        assertEquals(8.00, line(report, "WAF web ACL: waf (3 rules)").monthlyIdle(), 1e-9);
        assertEquals(0.60, line(report, "WAF requests: waf").monthlyTypical(), 1e-9);
        // cache.t4g.micro Valkey: 0.016 x 0.8 = 0.0128 $/h x 730 h x 2 nodes
        assertEquals(18.688, line(report, "ElastiCache for Valkey").monthlyIdle(), 1e-9);
        // logs: 2 groups x 1 GB x 0.50 = 1.00 ingested; stored 1 GB (30 days) + 12 GB (no retention) = 13 x 0.03
        assertEquals(1.00, line(report, "CloudWatch Logs ingestion").monthlyTypical(), 1e-9);
        assertEquals(0.39, line(report, "CloudWatch Logs storage").monthlyTypical(), 1e-9);
        // 3 alarms x 0.10 = 0.30; 1 dashboard x 3 = 3.00
        assertEquals(0.30, line(report, "CloudWatch alarms").monthlyIdle(), 1e-9);
        assertEquals(3.00, line(report, "CloudWatch dashboards").monthlyIdle(), 1e-9);
        // idle: 36.50 + 146.00 + 8.00 + 18.688 + 0.30 + 3.00 = 212.488
        assertEquals(212.488, report.idleTotal(), 1e-9);
    }
}

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
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
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

import static dev.llmgateway.plan.PriceTable.ALARM_MONTH;
import static dev.llmgateway.plan.PriceTable.ALB_HOUR;
import static dev.llmgateway.plan.PriceTable.ALB_LCU_HOUR;
import static dev.llmgateway.plan.PriceTable.AURORA_ACU_HOUR;
import static dev.llmgateway.plan.PriceTable.AURORA_STORAGE_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.CLIENT_VPN_ASSOCIATION_HOUR;
import static dev.llmgateway.plan.PriceTable.CLIENT_VPN_CONNECTION_HOUR;
import static dev.llmgateway.plan.PriceTable.DASHBOARD_MONTH;
import static dev.llmgateway.plan.PriceTable.EBS_GP3_GB_MONTH;
import static dev.llmgateway.plan.PriceTable.FARGATE_ARM_GB_HOUR;
import static dev.llmgateway.plan.PriceTable.FARGATE_ARM_VCPU_HOUR;
import static dev.llmgateway.plan.PriceTable.FARGATE_SPOT_DISCOUNT;
import static dev.llmgateway.plan.PriceTable.FARGATE_X86_VCPU_HOUR;
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

class CostEstimateTest {

    private static final double MONTH = PriceTable.HOURS_PER_MONTH;
    private static final double SPOT = 1 - FARGATE_SPOT_DISCOUNT.usd();
    private static final Price T4G_NANO = PriceTable.ec2InstanceHour("t4g.nano").orElseThrow();
    private static final Price DB_T4G_MICRO = PriceTable.rdsInstanceHour("db.t4g.micro").orElseThrow();

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
                    .sourceDestCheck(false).associatePublicIpAddress(true)
                    .rootBlockDevice(InstanceRootBlockDeviceArgs.builder().volumeType("gp3").volumeSize(8).build()).build());
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
        // vCPU: 1 x ARM price x 0.3 x 730 h; memory: 2 GB x ARM price x 0.3 x 730 h
        assertEquals(FARGATE_ARM_VCPU_HOUR.times(MONTH) * SPOT, line(small, "Fargate vCPU: proxy").monthlyIdle(), 1e-9);
        assertEquals(FARGATE_ARM_GB_HOUR.times(2 * MONTH) * SPOT, line(small, "Fargate memory: proxy").monthlyIdle(), 1e-9);
        assertTrue(line(small, "Fargate vCPU: proxy").item().contains("ARM64, 100% Spot"));
    }

    @Test
    void publicIpv4CountsTheNatInstanceAndOneAddressPerAzOfThePublicAlb() {
        // 1 NAT instance + 2 ALB subnets = 3 addresses x 730 h
        CostLine ipv4 = line(small, "Public IPv4");
        assertEquals(3, ipv4.quantity());
        assertEquals(PUBLIC_IPV4_HOUR.times(3 * MONTH), ipv4.monthlyIdle(), 1e-9);
    }

    @Test
    void auroraWithMinimumZeroIsPricedAtItsFloorWheneverAProxyTaskRuns() {
        // the task runs all month, so the database never pauses: idle 0.5 ACU x 730 h;
        // typical: 1 ACU x 176 busy h + 0.5 ACU x 554 other h
        CostLine acu = line(small, "Aurora Serverless v2: db");
        assertEquals(AURORA_ACU_HOUR.times(0.5 * MONTH), acu.monthlyIdle(), 1e-9);
        assertEquals(AURORA_ACU_HOUR.times(1 * 176 + 0.5 * (MONTH - 176)), acu.monthlyTypical(), 1e-9);
        assertTrue(acu.assumption().contains("pauses only when no proxy task runs"), acu.assumption());
        assertEquals(AURORA_STORAGE_GB_MONTH.times(10), line(small, "Aurora storage: db").monthlyIdle(), 1e-9);
    }

    @Test
    void totalsAddUpTheHandComputedLines() {
        double idle = (FARGATE_ARM_VCPU_HOUR.times(MONTH) + FARGATE_ARM_GB_HOUR.times(2 * MONTH)) * SPOT
                + T4G_NANO.times(MONTH) + EBS_GP3_GB_MONTH.times(8) + PUBLIC_IPV4_HOUR.times(3 * MONTH)
                + ALB_HOUR.times(MONTH) + AURORA_ACU_HOUR.times(0.5 * MONTH) + AURORA_STORAGE_GB_MONTH.times(10)
                + SECRET_MONTH.times(2 + 1) + KMS_KEY_MONTH.times(1);
        double typical = idle + ALB_LCU_HOUR.times(176) + AURORA_ACU_HOUR.times(0.5 * 176);
        assertEquals(idle, small.idleTotal(), 1e-9);
        assertEquals(typical, small.typicalTotal(), 1e-9);
        assertEquals(3, line(small, "Secrets Manager").quantity());
        assertTrue(small.unpriced().isEmpty(), small.unpriced().toString());
    }

    @Test
    void tableAndJsonCarryTheTotalsRoundedToCents() {
        String table = small.table();
        double idle = Math.round(small.idleTotal() * 100) / 100.0;
        double typical = Math.round(small.typicalTotal() * 100) / 100.0;
        assertTrue(table.lines().anyMatch(l -> l.startsWith("Total") && l.contains(String.format(java.util.Locale.ROOT, "%.2f", idle))
                && l.contains(String.format(java.util.Locale.ROOT, "%.2f", typical))), table);
        Map<?, ?> json = new Gson().fromJson(new Gson().toJson(small.toJson()), Map.class);
        assertEquals(Map.of("idle", idle, "typical", typical), json.get("totals"));
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
            var nat = new Instance("nat", InstanceArgs.builder().ami("ami-1").instanceType("t4g.nano")
                    .sourceDestCheck(false).associatePublicIpAddress(true)
                    .rootBlockDevice(InstanceRootBlockDeviceArgs.builder().volumeType("gp3").volumeSize(8).build()).build());
            Map.of("start", "cron(45 7 ? * MON-FRI *)", "stop", "cron(0 18 ? * MON-FRI *)").forEach((action, cron) ->
                    new Schedule("nat-" + action, ScheduleArgs.builder().scheduleExpression(cron)
                            .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                            .target(ScheduleTargetArgs.builder().roleArn("arn:aws:iam::123456789012:role/n")
                                    .arn("arn:aws:scheduler:::aws-sdk:ec2:" + action + "Instances")
                                    .input(nat.id().applyValue(id -> "{\"InstanceIds\":[\"" + id + "\"]}"))
                                    .build())
                            .build()));
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

        // 5 days x 10 h = 50 h a week; x 730 / 168 weeks a month
        double weeks = MONTH / 168;
        double office = 50 * weeks;
        assertEquals(FARGATE_ARM_VCPU_HOUR.times(office) * SPOT, line(report, "Fargate vCPU: proxy").monthlyIdle(), 1e-9);
        assertEquals(FARGATE_ARM_GB_HOUR.times(2 * office) * SPOT, line(report, "Fargate memory: proxy").monthlyIdle(), 1e-9);
        // Aurora awake while the task runs plus 5 min after each of the 5 stops a week
        assertEquals(AURORA_ACU_HOUR.times(0.5 * (office + 5 * weeks * 5 / 60.0)),
                line(report, "Aurora Serverless v2: db").monthlyIdle(), 1e-9);
        // RDS started 07:45, stopped 18:00: 51.25 h a week
        assertEquals(DB_T4G_MICRO.times(51.25 * weeks), line(report, "RDS instance: rds").monthlyIdle(), 1e-9);
        assertEquals(RDS_GP3_GB_MONTH.times(20), line(report, "RDS storage: rds").monthlyIdle(), 1e-9); // billed while stopped
        // The NAT instance follows its own schedule; its public address is billed only while it runs, its root volume always
        assertEquals(T4G_NANO.times(51.25 * weeks), line(report, "NAT instance: nat").monthlyIdle(), 1e-9);
        assertEquals(PUBLIC_IPV4_HOUR.times(51.25 * weeks), line(report, "Public IPv4").monthlyIdle(), 1e-9);
        assertEquals(EBS_GP3_GB_MONTH.times(8), line(report, "EBS root volume: nat").monthlyIdle(), 1e-9);
        assertTrue(report.commitments().isEmpty(), "nothing runs all month: " + report.commitments());
        assertEquals(List.of("1 task(s) of proxy x 217 h (office hours), ARM64, 100% Spot", "NAT instance t4g.nano x 223 h (office hours)",
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

        // 3 tasks: 1 on-demand base, the other 2 split 1:3 -> 1.5 on Spot = 50%; x86 2 vCPU
        double mixed = 1 - FARGATE_SPOT_DISCOUNT.usd() * 0.5;
        // typical adds 1 task x 2 vCPU x 176 h (autoscaling max 6 > 3)
        CostLine vcpu = line(report, "Fargate vCPU: proxy");
        assertEquals(FARGATE_X86_VCPU_HOUR.times(2 * 3 * MONTH) * mixed, vcpu.monthlyIdle(), 1e-9);
        assertEquals(FARGATE_X86_VCPU_HOUR.times(2 * (3 * MONTH + 176)) * mixed, vcpu.monthlyTypical(), 1e-9);
        // db.t4g.micro Multi-AZ: 2 instances; 20 GB x 2 copies
        assertEquals(DB_T4G_MICRO.times(2 * MONTH), line(report, "RDS instance: db").monthlyIdle(), 1e-9);
        assertEquals(RDS_GP3_GB_MONTH.times(20 * 2), line(report, "RDS storage: db").monthlyIdle(), 1e-9);
        // NAT gateway all month; its EIP; typical data 20 GB
        assertEquals(NAT_GATEWAY_HOUR.times(MONTH), line(report, "NAT gateway hours").monthlyIdle(), 1e-9);
        assertEquals(PUBLIC_IPV4_HOUR.times(MONTH), line(report, "Public IPv4").monthlyIdle(), 1e-9);
        assertEquals(NAT_GATEWAY_GB.times(20), line(report, "NAT gateway data").monthlyTypical(), 1e-9);
        // RDS runs all month: a reserved instance covers db (db.r6g.large has no price in the table)
        assertEquals(List.of("RDS instance: db (db.t4g.micro, Multi-AZ, x2)"),
                report.commitments().stream().filter(c -> c.item().startsWith("RDS")).map(Commitment::item).toList());
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

        // 3 + 2 subnets = 5 endpoint-AZs all month (the S3 gateway endpoint is free)
        assertEquals(5, line(report, "Interface VPC endpoints (2)").quantity());
        double endpoints = INTERFACE_ENDPOINT_AZ_HOUR.times(5 * MONTH);
        assertEquals(endpoints, line(report, "Interface VPC endpoints").monthlyIdle(), 1e-9);
        // 2 associations all month; connections typical 2 users x 176 h
        double vpn = CLIENT_VPN_ASSOCIATION_HOUR.times(2 * MONTH);
        assertEquals(vpn, line(report, "Client VPN subnet associations").monthlyIdle(), 1e-9);
        assertEquals(0, line(report, "Client VPN connections").monthlyIdle(), 1e-9);
        assertEquals(CLIENT_VPN_CONNECTION_HOUR.times(2 * 176), line(report, "Client VPN connections").monthlyTypical(), 1e-9);
        // WAF ACL + 3 rules; 1 million requests typical
        double waf = WAF_ACL_MONTH.times(1) + WAF_RULE_MONTH.times(3);
        assertEquals(waf, line(report, "WAF web ACL: waf (3 rules)").monthlyIdle(), 1e-9);
        assertEquals(WAF_MILLION_REQUESTS.times(1), line(report, "WAF requests: waf").monthlyTypical(), 1e-9);
        // cache.t4g.micro Valkey x 2 nodes all month
        double cache = PriceTable.valkeyNodeHour("cache.t4g.micro").orElseThrow().times(2 * MONTH);
        assertEquals(cache, line(report, "ElastiCache for Valkey").monthlyIdle(), 1e-9);
        // logs: 2 groups x 1 GB ingested; stored 1 GB (30 days) + 12 GB (no retention)
        assertEquals(LOGS_INGEST_GB.times(2), line(report, "CloudWatch Logs ingestion").monthlyTypical(), 1e-9);
        assertEquals(LOGS_STORAGE_GB_MONTH.times(1 + 12), line(report, "CloudWatch Logs storage").monthlyTypical(), 1e-9);
        assertEquals(ALARM_MONTH.times(3), line(report, "CloudWatch alarms").monthlyIdle(), 1e-9);
        assertEquals(DASHBOARD_MONTH.times(1), line(report, "CloudWatch dashboards").monthlyIdle(), 1e-9);
        assertEquals(endpoints + vpn + waf + cache + ALARM_MONTH.times(3) + DASHBOARD_MONTH.times(1), report.idleTotal(), 1e-9);
    }
}

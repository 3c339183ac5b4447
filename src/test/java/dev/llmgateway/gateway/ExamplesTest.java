package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each seed architecture plans from its example stack file and has what makes it that architecture. */
class ExamplesTest {

    @Test
    void everySeedArchitectureHasAnExample() {
        assertEquals(List.of("bedrock-budgets-metrics", "componentized-gateway", "dev-public-alb", "edge-waf-autoscaled",
                "enterprise-private-endpoints", "existing-network", "local-model-guardrails", "vpn-private-gateway"), Stacks.examples());
    }

    @Test
    void stagingRunsProdsCodePathsAtASmallerSize() {
        PlannedStack staging = Plans.stack("staging");
        PlannedStack prod = Plans.stack("prod");
        // The same kinds of things as prod, so a release meets prod's code paths first...
        for (String type : List.of("aws:wafv2/webAcl:WebAcl", "aws:secretsmanager/secret:Secret", "aws:rds/cluster:Cluster",
                "aws:elasticache/replicationGroup:ReplicationGroup", "aws:cloudwatch/dashboard:Dashboard", "aws:kms/key:Key")) {
            assertFalse(staging.ofType(type).isEmpty(), type);
        }
        assertFalse(staging.one("aws:lb/loadBalancer:LoadBalancer").flag("internal"));
        assertTrue(staging.where(r -> r.type().equals("aws:lb/listener:Listener")).stream()
                .anyMatch(l -> l.string("protocol").equals("HTTPS")));
        assertEquals(prod.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content")
                        .replaceAll("max_budget: .*|max_internal_user_budget: .*", ""),
                staging.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content")
                        .replaceAll("max_budget: .*|max_internal_user_budget: .*", ""),
                "the same LiteLLM config (models, guardrails, settings) apart from the budgets");
        // ...at a smaller size: two zones, one NAT gateway, no endpoints, a writer only, one to two tasks.
        assertEquals(1, staging.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(6, staging.ofType("aws:ec2/subnet:Subnet").size());
        assertTrue(staging.where(r -> r.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint") && r.string("vpcEndpointType")
                .equals("Interface")).isEmpty());
        assertEquals(1, staging.ofType("aws:rds/clusterInstance:ClusterInstance").size());
        PlannedResource target = staging.one("aws:appautoscaling/target:Target");
        assertEquals(List.of(1.0, 2.0), List.of(target.number("minCapacity"), target.number("maxCapacity")));
    }

    @Test
    void anExistingNetworkGetsNoNetworkResourcesAndServesTheStackFromItsDeclaredSubnets() {
        PlannedStack plan = Plans.example("existing-network");
        for (String type : List.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable", "aws:ec2/route:Route",
                "aws:ec2/natGateway:NatGateway", "aws:ec2/instance:Instance", "aws:ec2/vpcEndpoint:VpcEndpoint",
                "aws:ec2/internetGateway:InternetGateway", "aws:ec2/flowLog:FlowLog")) {
            assertTrue(plan.ofType(type).isEmpty(), type + " belongs to the network's owner");
        }
        String vpc = "vpc-0a1b2c3d4e5f60718";
        assertTrue(plan.ofType("aws:ec2/securityGroup:SecurityGroup").stream().allMatch(g -> g.string("vpcId").equals(vpc)));
        List<Object> app = List.of("subnet-0a1b2c3d4e5f61001", "subnet-0a1b2c3d4e5f61002");
        assertEquals(app, plan.one("aws:ecs/service:Service").list("networkConfiguration.subnets"));
        assertEquals(app, plan.one("aws:lb/loadBalancer:LoadBalancer").list("subnets"), "the internal load balancer");
        assertEquals(List.of("subnet-0a1b2c3d4e5f62001", "subnet-0a1b2c3d4e5f62002"),
                plan.one("aws:rds/subnetGroup:SubnetGroup").list("subnetIds"));
        // The gateway's name goes into the existing private zone; the certificate is the one given (no validation).
        PlannedResource alias = plan.where(r -> r.type().equals("aws:route53/record:Record") && r.input("aliases").isPresent()).get(0);
        assertEquals(List.of("Z0123456789PRIVATE", "llm.corp.internal"), List.of(alias.string("zoneId"), alias.string("name")));
        assertTrue(plan.ofType("aws:acm/certificateValidation:CertificateValidation").isEmpty(), "nothing to validate");
        // The tasks' egress: HTTPS through the declared transit gateway, AWS APIs through the existing endpoints' group.
        assertEquals(1, plan.networks().size());
        assertEquals("tgw-0a1b2c3d4e5f60718", plan.networks().get(0).subnet("subnet-0a1b2c3d4e5f61001").orElseThrow()
                .routes().get(0).target());
        PlannedResource toEndpoints = plan.named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "llm-existing-network-proxy-to-endpoints");
        assertEquals("sg-0a1b2c3d4e5f60718", toEndpoints.string("referencedSecurityGroupId"));
        assertEquals(vpc, plan.outputs().get("vpcId"));
    }

    @Test
    void devPublicAlbVariantIsAnAllowListedLoadBalancerAroundTheClock() {
        PlannedStack plan = Plans.example("dev-public-alb");
        PlannedResource alb = plan.one("aws:lb/loadBalancer:LoadBalancer");
        assertFalse(alb.flag("internal"));
        assertFalse(plan.one("aws:ecs/service:Service").flag("enableExecuteCommand"));
        assertTrue(plan.ofType("aws:appautoscaling/scheduledAction:ScheduledAction").isEmpty(), "no office hours");
        assertEquals("aurora-postgresql", plan.one("aws:rds/cluster:Cluster").string("engine"));
    }

    @Test
    void vpnPrivateGatewayIsInternalBehindClientVpnWithAurora() {
        PlannedStack plan = Plans.example("vpn-private-gateway");
        assertEquals(1, plan.ofType("aws:ec2clientvpn/endpoint:Endpoint").size());
        assertTrue(plan.one("aws:lb/loadBalancer:LoadBalancer").flag("internal"));
        assertEquals("aurora-postgresql", plan.one("aws:rds/cluster:Cluster").string("engine"));
    }

    @Test
    void localModelGatewayUsesSsmAndRdsWithSidecars() {
        PlannedStack plan = Plans.example("local-model-guardrails");
        assertTrue(plan.ofType("aws:secretsmanager/secret:Secret").isEmpty());
        assertEquals(7, plan.ofType("aws:ssm/parameter:Parameter").size(), "3 generated + 3 provider keys + the cache password");
        assertEquals(1, plan.ofType("aws:rds/instance:Instance").size());
        assertTrue(ProxyTaskTest.proxyTask(plan).string("containerDefinitions").contains("\"ollama\""));
    }

    @Test
    void componentizedGatewayRunsGatewayBackendAndUiBehindOneLoadBalancerWithTheManagementPlaneForAdminsOnly() {
        PlannedStack plan = Plans.example("componentized-gateway");
        assertEquals(List.of("llm-componentized-gateway-backend", "llm-componentized-gateway-proxy", "llm-componentized-gateway-ui"),
                plan.ofType("aws:ecs/service:Service").stream().map(PlannedResource::name).sorted().toList());
        assertEquals(1, plan.ofType("aws:lb/loadBalancer:LoadBalancer").size());
        assertEquals(1, plan.ofType("aws:ecs/cluster:Cluster").stream().filter(c -> !c.name().endsWith("-deploy")).count(),
                "the three services share one cluster; the deploy's one-off tasks have their own");
        assertEquals("ghcr.io/berriai/litellm-gateway:v1.108.26", ProxyTaskTest.containers(ProxyTaskTest.proxyTask(plan))
                .get("gateway").get("image").getAsString());
        assertEquals("ghcr.io/berriai/litellm-migrations:v1.108.26", ProxyTaskTest.containers(ProxyTaskTest.task(plan, "-deploy-migrate"))
                .get("migrate").get("image").getAsString());
        // Data-plane paths to the gateway for every client; the UI's and the rest (the management API) for the admin range.
        List<PlannedResource> rules = plan.ofType("aws:lb/listenerRule:ListenerRule");
        assertTrue(rules.stream().filter(r -> r.name().contains("-proxy-rule-"))
                .allMatch(r -> r.input("conditions.1").isEmpty()), "the data plane is not restricted by source");
        List<PlannedResource> management = rules.stream().filter(r -> r.name().contains("-backend-rule-") || r.name().contains("-ui-rule-")).toList();
        assertEquals(3, management.size(), "the UI's 7 paths in two rules of at most 4 beside the admin range, and the backend's catch-all");
        assertTrue(management.stream().allMatch(r -> r.list("conditions.1.sourceIp.values").equals(List.of("203.0.113.0/24"))));
        assertTrue(management.stream().filter(r -> r.name().contains("-backend-"))
                .allMatch(r -> r.number("priority") > rules.stream().filter(x -> !x.name().contains("-backend-"))
                        .mapToDouble(x -> x.number("priority")).max().orElseThrow()), "the backend's catch-all is evaluated last");
        // Alarms and the dashboard cover the backend and UI too: their target groups' healthy hosts.
        assertEquals(2, plan.where(r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                && (r.name().endsWith("-backend-healthy-hosts") || r.name().endsWith("-ui-healthy-hosts"))).size());
        assertTrue(plan.one("aws:cloudwatch/dashboard:Dashboard").string("dashboardBody").contains("Healthy hosts: backend, ui"));
        PlannedResource bucket = plan.where(r -> r.type().equals("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")
                && r.name().equals("llm-componentized-gateway-files")).get(0);
        assertEquals("GLACIER_IR", bucket.string("rules.1.transitions.0.storageClass"));
    }

    @Test
    void localModelGatewayBlocksPiiWithHttp400ServesHttpsAndScalesOneToTenOnAMultiAzDatabase() {
        PlannedStack plan = Plans.example("local-model-guardrails");
        String config = plan.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
        assertTrue(config.contains("action: BLOCK") && !config.contains("action: MASK"), config);
        assertTrue(config.contains("output_parse_pii: false"), "nothing to restore when PII is refused: " + config);
        assertTrue(plan.where(r -> r.type().equals("aws:lb/listener:Listener")).stream()
                .anyMatch(l -> l.string("protocol").equals("HTTPS")));
        PlannedResource target = plan.one("aws:appautoscaling/target:Target");
        assertEquals(List.of(1.0, 10.0), List.of(target.number("minCapacity"), target.number("maxCapacity")));
        assertEquals(3, plan.ofType("aws:appautoscaling/policy:Policy").size(), "CPU, memory and request count");
        assertTrue(plan.one("aws:rds/instance:Instance").flag("multiAz"));
    }

    @Test
    void localModelGatewayHasItsOwnScannedImmutableRepositoryUnderTheStackKey() {
        PlannedStack plan = Plans.example("local-model-guardrails");
        PlannedResource repository = plan.one("aws:ecr/repository:Repository");
        assertEquals("IMMUTABLE", repository.string("imageTagMutability"));
        assertTrue(repository.flag("imageScanningConfiguration.scanOnPush"));
        assertEquals(plan.one("aws:kms/key:Key").output("arn").orElseThrow(), repository.input("encryptionConfigurations.0.kmsKey").orElseThrow());
        assertTrue(plan.one("aws:ecr/lifecyclePolicy:LifecyclePolicy").string("policy").contains("\"countNumber\":30"));
        // The workflow reads the URL from this output: <account>.dkr.ecr.<region>.amazonaws.com/<repository name>.
        assertEquals(repository.output("repositoryUrl").orElseThrow(), plan.outputs().get("imageRepositoryUrl"));
        assertTrue(String.valueOf(plan.outputs().get("imageRepositoryUrl")).matches("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9._/-]+"),
                String.valueOf(plan.outputs().get("imageRepositoryUrl")));
    }

    @Test
    void edgeGatewayHasCloudFrontWafRedisAndMultiAzRds() {
        PlannedStack plan = Plans.example("edge-waf-autoscaled");
        assertEquals(1, plan.ofType("aws:cloudfront/distribution:Distribution").size());
        assertEquals("CLOUDFRONT", plan.one("aws:wafv2/webAcl:WebAcl").string("scope"));
        assertEquals(1, plan.ofType("aws:elasticache/replicationGroup:ReplicationGroup").size());
        assertTrue(plan.one("aws:rds/instance:Instance").flag("multiAz"));
        assertEquals(List.of("Gateway"), plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .map(e -> e.string("vpcEndpointType")).toList(), "only the free S3 gateway endpoint at this traffic");
    }

    @Test
    void bedrockGatewayHasBudgetsAndMetricsWithoutProviderKeys() {
        PlannedStack plan = Plans.example("bedrock-budgets-metrics");
        assertEquals(5, plan.ofType("aws:secretsmanager/secret:Secret").size(),
                "generated secrets, the origin secret and the Grafana password; no provider keys");
        String config = plan.one("aws:s3/bucketObjectv2:BucketObjectv2").string("content");
        assertTrue(config.contains("max_internal_user_budget: 10.0") && config.contains("prometheus"), config);
    }

    @Test
    void prometheusModeScrapesEveryTaskInsideTheVpcAndKeepsMetricsOffTheLoadBalancer() {
        PlannedStack plan = Plans.example("bedrock-budgets-metrics");
        assertEquals(1, plan.ofType("llmgateway:observability:PrometheusMetrics").size());
        PlannedResource proxyService = plan.named("aws:ecs/service:Service", "llm-bedrock-budgets-metrics-proxy");
        assertTrue(proxyService.input("serviceRegistries.registryArn").isPresent(), "tasks register in Cloud Map");
        assertEquals("MULTIVALUE", plan.one("aws:servicediscovery/service:Service").string("dnsConfig.routingPolicy"));
        List<PlannedResource> blocked = plan.where(r -> r.type().equals("aws:lb/listenerRule:ListenerRule") && r.name().contains("-blocked-"));
        assertEquals(2, blocked.size());
        assertTrue(blocked.stream().allMatch(r -> r.string("actions.0.fixedResponse.statusCode").equals("403")));
        // LiteLLM's dedicated metrics port, not the API port the load balancer forwards to.
        PlannedResource fromMetrics = plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "llm-bedrock-budgets-metrics-proxy-from-metrics-4001");
        assertEquals(4001.0, fromMetrics.number("fromPort"));
        assertTrue(fromMetrics.input("referencedSecurityGroupId").isPresent() && fromMetrics.input("cidrIpv4").isEmpty());
        assertTrue(String.valueOf(plan.outputs().get("grafanaUrl")).endsWith("/grafana"));
    }

    @Test
    void enterpriseGatewayHasNoNatAndPullsFromEcrThroughEndpoints() {
        PlannedStack plan = Plans.example("enterprise-private-endpoints");
        assertTrue(plan.ofType("aws:ec2/natGateway:NatGateway").isEmpty() && plan.ofType("aws:ec2/instance:Instance").isEmpty());
        assertFalse(plan.where(r -> r.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint") && r.string("serviceName").endsWith("ecr.dkr")).isEmpty());
        String execution = plan.named("aws:iam/rolePolicy:RolePolicy", "llm-enterprise-private-endpoints-proxy-execution").string("policy");
        assertTrue(execution.contains("repository/litellm-proxy"), execution);
        assertTrue(plan.one("aws:rds/instance:Instance").protect());
        assertEquals("llm.corp.example.com", plan.one("aws:acm/certificate:Certificate").string("domainName"));
        assertEquals("DNS", plan.one("aws:acm/certificate:Certificate").string("validationMethod"));
        assertEquals(1, plan.ofType("aws:acm/certificateValidation:CertificateValidation").size());
        assertTrue(plan.where(r -> r.type().equals("aws:route53/record:Record") && r.input("aliases").isPresent()).stream()
                .anyMatch(r -> r.string("name").equals("llm.corp.example.com")), "alias record for the load balancer");
        assertEquals("https://llm.corp.example.com", plan.outputs().get("gatewayUrl"));
    }

    @Test
    void enterpriseDatabaseBacksUpAndIsPatchedInItsOwnWindows() {
        PlannedResource database = Plans.example("enterprise-private-endpoints").one("aws:rds/instance:Instance");
        assertEquals("02:00-03:00", database.string("backupWindow"));
        assertEquals("sun:04:00-sun:05:00", database.string("maintenanceWindow"));
    }
}

package dev.llmgateway.plan;

import com.pulumi.Context;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2clientvpn.Endpoint;
import com.pulumi.aws.ec2clientvpn.EndpointArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointAuthenticationOptionArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointConnectionLogOptionsArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.network.FlowEnd;
import dev.llmgateway.components.network.Declarations;
import dev.llmgateway.components.network.Flow;
import dev.llmgateway.engine.OfflineEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MermaidDiagramTest {

    private static String diagram;

    /** A stand-in for the gateway's components: only the type token and the parentage matter here. */
    private static final class Part extends ComponentResource {
        Part(String type, String name) {
            super(type, name, null);
        }

        CustomResourceOptions child() {
            return CustomResourceOptions.builder().parent(this).build();
        }
    }

    @BeforeAll
    static void renderSmallGateway() {
        diagram = render();
    }

    private static String render() {
        return MermaidDiagram.render(OfflineEngine.plan("diagram", "dev", "us-east-1", ctx -> Declarations.of(MermaidDiagramTest.program(ctx)))
                .orThrow());
    }

    /** VPC (2 public + 2 private subnets, one NAT gateway), ALB + service, Aurora, Client VPN, 2 secrets. */
    private static List<Flow> program(Context ctx) {
        var network = new Part("llmgateway:network:Vpc", "main");
        var vpc = new Vpc("main", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(), network.child());
        var igw = new InternetGateway("main", InternetGatewayArgs.builder().vpcId(vpc.id()).build(), network.child());
        var nat = new NatGateway("main-nat-a", NatGatewayArgs.builder().subnetId("subnet-a").build(), network.child());
        // Tiers come from routes, not names: "main-public-e" has no route out, so it is isolated.
        var edge = new RouteTable("edge", RouteTableArgs.builder().vpcId(vpc.id()).build(), network.child());
        new Route("edge-internet", RouteArgs.builder().routeTableId(edge.id()).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.id()).build(), network.child());
        var app = new RouteTable("app", RouteTableArgs.builder().vpcId(vpc.id()).build(), network.child());
        new Route("app-egress", RouteArgs.builder().routeTableId(app.id()).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(nat.id()).build(), network.child());
        Map<String, RouteTable> tables = Map.of("main-a", edge, "main-b", edge, "main-c", app, "main-d", app);
        for (String name : List.of("main-a", "main-b", "main-c", "main-d", "main-public-e")) {
            var subnet = new Subnet(name, SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.0.0/24").build(), network.child());
            if (tables.containsKey(name)) {
                new RouteTableAssociation(name, RouteTableAssociationArgs.builder().subnetId(subnet.id())
                        .routeTableId(tables.get(name).id()).build(), network.child());
            }
        }

        var proxy = new Part("llmgateway:proxy:ProxyService", "proxy");
        var lbGroup = new SecurityGroup("proxy-lb", SecurityGroupArgs.builder().vpcId(vpc.id()).build(), proxy.child());
        var taskGroup = new SecurityGroup("proxy-tasks", SecurityGroupArgs.builder().vpcId(vpc.id()).build(), proxy.child());
        var alb = new LoadBalancer("proxy", LoadBalancerArgs.builder().internal(false).subnets("subnet-a", "subnet-b")
                .securityGroups(Output.all(lbGroup.id())).build(), proxy.child());
        var targets = new TargetGroup("proxy", TargetGroupArgs.builder().port(4000).protocol("HTTP").targetType("ip")
                .build(), proxy.child());
        new Listener("proxy-https", ListenerArgs.builder().loadBalancerArn(alb.arn()).port(443).protocol("HTTPS")
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build())
                .build(), proxy.child());
        new Listener("proxy-http", ListenerArgs.builder().loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("redirect").redirect(
                        ListenerDefaultActionRedirectArgs.builder().protocol("HTTPS").statusCode("HTTP_301").build())
                        .build())
                .build(), proxy.child());
        var task = new TaskDefinition("proxy", TaskDefinitionArgs.builder().family("litellm")
                .containerDefinitions("[{\"name\": \"litellm\"}, {\"name\": \"presidio-analyzer\"}]").build(),
                proxy.child());
        new Service("proxy", ServiceArgs.builder().taskDefinition(task.arn()).desiredCount(2)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder().subnets("subnet-a")
                        .securityGroups(Output.all(taskGroup.id())).build())
                .loadBalancers(ServiceLoadBalancerArgs.builder().targetGroupArn(targets.arn())
                        .containerName("litellm").containerPort(4000).build())
                .build(), proxy.child());

        var database = new Part("llmgateway:database:Database", "db");
        var dbGroup = new SecurityGroup("db", SecurityGroupArgs.builder().vpcId(vpc.id()).build(), database.child());
        var cluster = new Cluster("db", ClusterArgs.builder().engine("aurora-postgresql")
                .vpcSecurityGroupIds(Output.all(dbGroup.id())).build(), database.child());
        // A cache no flow reaches: the diagram must not guess an edge to it.
        var cache = new Part("llmgateway:cache:Cache", "cache");
        new ReplicationGroup("cache", ReplicationGroupArgs.builder().description("unused").engine("valkey")
                .securityGroupIds(Output.all(dbGroup.id().applyValue(id -> "sg-unused"))).build(), cache.child());
        new ClusterInstance("db-1", ClusterInstanceArgs.builder().clusterIdentifier(cluster.id())
                .instanceClass("db.serverless").engine("aurora-postgresql").build(), database.child());

        var vpnGroup = new SecurityGroup("vpn", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
        new Endpoint("vpn", EndpointArgs.builder().serverCertificateArn("arn:aws:acm:server")
                .securityGroupIds(Output.all(vpnGroup.id()))
                .clientCidrBlock("10.100.0.0/22")
                .authenticationOptions(EndpointAuthenticationOptionArgs.builder().type("certificate-authentication")
                        .rootCertificateChainArn("arn:aws:acm:root").build())
                .connectionLogOptions(EndpointConnectionLogOptionsArgs.builder().enabled(false).build()).build());
        FlowEnd lb = FlowEnd.group("load balancer", lbGroup.id());
        FlowEnd tasks = FlowEnd.group("proxy tasks", taskGroup.id());
        new Secret("master-key");
        new Secret("salt-key");
        new Key("key");
        return List.of(
                new Flow("clients", FlowEnd.cidr("clients", "203.0.113.0/24"), lb, 443, "test"),
                new Flow("vpn", FlowEnd.group("VPN clients", vpnGroup.id()), lb, 443, "test"),
                new Flow("lb", lb, tasks, 4000, "test"),
                new Flow("db", tasks, FlowEnd.group("database", dbGroup.id()), 5432, "test"),
                new Flow("internet", tasks, FlowEnd.cidr("internet", FlowEnd.ANYWHERE), 443, "test"));
    }

    /** The lines between a subgraph's header and its {@code end}. */
    private static List<String> subgraph(String header) {
        List<String> lines = diagram.lines().toList();
        int start = lines.indexOf("    " + header);
        assertTrue(start >= 0, header + " missing in\n" + diagram);
        return lines.subList(start + 1, lines.subList(start, lines.size()).indexOf("    end") + start);
    }

    @Test
    void tiersRunLeftToRightWithTheNetworkTitledByItsVpcAndSubnets() {
        assertTrue(diagram.startsWith("%%{init: "), diagram);
        List<String> order = diagram.lines().filter(l -> l.startsWith("    subgraph ")).map(l -> l.substring(4, l.indexOf('['))).toList();
        assertEquals(List.of("subgraph tierPeople", "subgraph tierEntry", "subgraph tierService", "subgraph tierData",
                "subgraph tierNetwork", "subgraph tierSupporting"), order, "people -> entry -> service -> data, the rest aside");
        assertEquals(List.of("        direction TB", "        nat[\"1 NAT gateway\"]"),
                subgraph("subgraph tierNetwork[\"VPC main 10.0.0.0/16: 1 isolated, 2 private, 2 public subnets\"]"));
        assertTrue(subgraph("subgraph tierService[\"Service\"]").contains(
                "        svcProxy[\"ECS service proxy<br/>desired 2<br/>task: litellm, presidio-analyzer\"]"), diagram);
        assertTrue(subgraph("subgraph tierEntry[\"Entry\"]").stream().anyMatch(l -> l.startsWith("        albProxy[\"ALB proxy<br/>")
                && l.contains("HTTPS :443")), "listeners are in their load balancer's box: " + diagram);
        assertTrue(subgraph("subgraph tierData[\"Data\"]")
                .contains("        dbDb[(\"Aurora db<br/>aurora-postgresql, 1 instance(s)\")]"), diagram);
        assertTrue(diagram.contains("        secrets[(\"Secrets Manager: master-key, salt-key\")]\n"), diagram);
    }

    @Test
    void anExistingNetworkIsDrawnAsDeclaredWithItsRouteOut() {
        String existing = MermaidDiagram.render(Plans.example("existing-network"));
        assertTrue(existing.contains("subgraph tierNetwork[\"existing VPC vpc-0a1b2c3d4e5f60718 10.20.0.0/16: 2 isolated, 2 private"
                + " subnets (declared)\"]"), existing);
        assertTrue(existing.contains("svcLlmExistingNetworkProxy -->|443| egressTgw0a1b2c3d4e5f60718")
                && existing.contains("egressTgw0a1b2c3d4e5f60718 --> providers"), existing);
    }

    @Test
    void networkEdgesAreTheDeclaredFlowsWithTheirPorts() {
        List<String> edges = List.of("clients -->|443| albProxy", "vpnusers --> vpnVpn", "vpnVpn -->|443| albProxy",
                "albProxy -->|4000| svcProxy", "svcProxy -->|5432| dbDb",
                "svcProxy -.->|reads| secrets", "svcProxy -->|443| nat", "nat --> providers",
                "kms -.->|encrypts| secrets");
        edges.forEach(edge -> assertTrue(diagram.contains("    " + edge + "\n"), edge + " missing in\n" + diagram));
        assertFalse(diagram.contains("cacheCache\n"), "no flow reaches the cache, so no edge is drawn to it:\n" + diagram);
    }

    @Test
    void theDeploysOneOffTasksRunInOrderBeforeTheServiceAndReachTheDatabase() {
        String dev = MermaidDiagram.render(Plans.stack("dev"));
        for (String edge : List.of("runLlmDevDeployBootstrapRun -.->|then| runLlmDevDeployMigrateRun",
                "runLlmDevDeployMigrateRun -.->|before| svcLlmDevProxy", "runLlmDevDeployMigrateRun -->|5432| dbLlmDevDb")) {
            assertTrue(dev.contains("    " + edge + "\n"), edge + "\n" + dev);
        }
        assertTrue(dev.contains("runLlmDevDeployMigrateRun[\"pulumi up runs llm-dev-migrate once per deploy<br/>task: migrate, volumes\"]"), dev);
    }

    @Test
    void everyLineIsValidMermaidWithAlphanumericIdsAndQuotedLabels() {
        String id = "[A-Za-z0-9]+";
        String node = "    (    )?" + id + "(\\[\"[^\"]*\"\\]|\\[\\(\"[^\"]*\"\\)\\]|\\(\\(\"[^\"]*\"\\)\\))";
        String edge = "    " + id + " (-->|---|-\\.->\\|[a-z]+\\||-->\\|[0-9]+\\|) " + id;
        String subgraph = "    subgraph " + id + "\\[\"[^\"]*\"\\]";
        diagram.lines().skip(2).forEach(line -> assertTrue(line.matches(node) || line.matches(edge)
                || line.matches(subgraph) || line.equals("    end") || line.matches("        direction (TB|LR)"),
                "not valid Mermaid: " + line));
    }

    @Test
    void vaultsAndBucketsSayWhatTheyHold() {
        String prod = MermaidDiagram.render(Plans.stack("prod"));
        assertTrue(prod.contains("Secrets Manager: cache-password, master-key, salt-key, ui-password"), prod);
        assertTrue(prod.contains("S3 llm-prod-config: litellm/config-*.yaml"), prod);
        assertTrue(prod.contains("S3 llm-prod-proxy-access-logs: load balancer access logs"), prod);
        assertTrue(prod.contains("svcLlmProdProxy -.->|reads| secrets"), prod);
        String development = MermaidDiagram.render(Plans.stack("dev"));
        assertTrue(development.contains("Parameter Store: master-key, salt-key, ui-password"), development);
        assertTrue(development.contains("kms -.->|encrypts| parameters"), development);
    }

    @Test
    void sameStackRendersByteIdenticalDiagrams() {
        assertEquals(diagram, render());
    }
}

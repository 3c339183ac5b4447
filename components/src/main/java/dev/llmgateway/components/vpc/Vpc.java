package dev.llmgateway.components.vpc;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.naming.NameRule;
import dev.llmgateway.components.naming.PhysicalName;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.support.AwsScope;
import dev.llmgateway.components.support.Json;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.StartStopSchedule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A VPC with public, private and isolated subnets over N availability zones, an internet
 * gateway, a NAT strategy, per-tier route tables, an S3 gateway endpoint, optional interface
 * endpoints, flow logs to a KMS-encrypted log group, and a default security group with no rules.
 * No subnet maps public IPs on launch: nothing in this design needs one.
 */
public class Vpc extends ComponentResource implements Network {

    /** Type token. */
    public static final String TYPE = "llmgateway:network:Vpc";
    /** Public SSM parameter naming the current Amazon Linux 2023 ARM AMI, for the NAT instance. */
    static final String NAT_AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";
    private static final String ANYWHERE = "0.0.0.0/0";
    /** The NAT instance's root volume: the size of the Amazon Linux 2023 AMI's own, stated so the plan can price it. */
    static final int NAT_ROOT_VOLUME_GB = 8;
    /** Starts and stops the NAT instance (EC2 API StartInstances / StopInstances). */
    private static final StartStopSchedule NAT_SCHEDULE = new StartStopSchedule("StartStopNatInstance", "ec2",
            "startInstances", "stopInstances", List.of("ec2:StartInstances", "ec2:StopInstances"));

    private final String name;
    private final NatStrategy natStrategy;
    private final Cidr cidr;
    private final Output<String> vpcId;
    private final Output<List<String>> availabilityZones;
    private final Map<SubnetTier, List<Subnet>> subnets = new EnumMap<>(SubnetTier.class);
    private Optional<Connectable> endpoints = Optional.empty();
    private final List<Resource> internetPath = new ArrayList<>();
    private final InternetGateway internetGateway;
    private Optional<Instance> natInstance = Optional.empty();
    private final Map<SubnetTier, List<RouteTable>> routeTables = new EnumMap<>(SubnetTier.class);
    private final VpcEndpoint s3Endpoint;

    /** Creates the network. */
    public Vpc(String name, VpcArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        this.natStrategy = args.natStrategy();
        this.cidr = args.cidr();
        int azCount = args.azCount();
        this.availabilityZones = args.availabilityZones().applyValue(zones -> {
            if (zones.size() < azCount) {
                throw new IllegalArgumentException("VPC " + name + " needs " + azCount + " availability zones, region offers " + zones);
            }
            return List.copyOf(zones.subList(0, azCount));
        });

        var vpc = new com.pulumi.aws.ec2.Vpc(name, com.pulumi.aws.ec2.VpcArgs.builder()
                .cidrBlock(cidr.toString())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(Map.of("Name", name))
                .build(), child());
        this.vpcId = vpc.id();

        // Adopts the default group and removes all its rules (CIS 5.4 / FSBP EC2.2).
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpcId).build(), child());

        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpcId).tags(Map.of("Name", name)).build(), child());
        this.internetGateway = igw;

        args.layout().forEach((tier, cidrs) -> {
            List<Subnet> tierSubnets = new ArrayList<>();
            for (int az = 0; az < cidrs.size(); az++) {
                int index = az;
                String subnetName = name + "-" + lower(tier) + "-" + (az + 1);
                tierSubnets.add(new Subnet(subnetName, SubnetArgs.builder()
                        .vpcId(vpcId)
                        .cidrBlock(cidrs.get(az).toString())
                        .availabilityZone(availabilityZones.applyValue(zones -> zones.get(index)))
                        .mapPublicIpOnLaunch(false)
                        .tags(Map.of("Name", subnetName, "tier", lower(tier)))
                        .build(), child()));
            }
            subnets.put(tier, List.copyOf(tierSubnets));
        });

        var publicTable = routeTable(name + "-public", SubnetTier.PUBLIC, subnets.get(SubnetTier.PUBLIC));
        internetPath.add(igw);
        internetPath.add(route(name + "-public-internet", publicTable.table(), r -> r.gatewayId(igw.id())));
        internetPath.addAll(publicTable.associations());

        List<Consumer<RouteArgs.Builder>> natTargets = natTargets(name, args);
        List<RouteTable> privateTables = new ArrayList<>();
        for (int az = 0; az < azCount; az++) {
            var table = routeTable(name + "-private-" + (az + 1), SubnetTier.PRIVATE,
                    List.of(subnets.get(SubnetTier.PRIVATE).get(az))).table();
            if (!natTargets.isEmpty()) {
                route(name + "-private-" + (az + 1) + "-nat", table, natTargets.get(az % natTargets.size()));
            }
            privateTables.add(table);
        }
        // Isolated subnets: no route leaves the VPC, only the S3 gateway endpoint.
        var isolatedTable = routeTable(name + "-isolated", SubnetTier.ISOLATED, subnets.get(SubnetTier.ISOLATED)).table();
        routeTables.put(SubnetTier.PUBLIC, List.of(publicTable.table()));
        routeTables.put(SubnetTier.PRIVATE, List.copyOf(privateTables));
        routeTables.put(SubnetTier.ISOLATED, List.of(isolatedTable));

        List<Output<String>> endpointTables = new ArrayList<>();
        privateTables.forEach(t -> endpointTables.add(t.id()));
        endpointTables.add(isolatedTable.id());
        this.s3Endpoint = new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName("com.amazonaws." + args.region() + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(endpointTables))
                .tags(Map.of("Name", name + "-s3"))
                .build(), child());

        interfaceEndpoints(name, args);
        if (args.flowLogs()) {
            flowLogs(name, args);
        }

        registerOutputs(Map.of(
                "vpcId", vpcId,
                "publicSubnetIds", subnetIds(SubnetTier.PUBLIC),
                "privateSubnetIds", subnetIds(SubnetTier.PRIVATE),
                "isolatedSubnetIds", subnetIds(SubnetTier.ISOLATED),
                "availabilityZones", availabilityZones));
    }

    /**
     * The interface endpoints' group, when the VPC has interface endpoints: HTTPS from the VPC CIDR
     * through an inline rule, so callers add only their egress ({@code tasks.allowTo(endpoints, 443, ...)}).
     */
    @Override
    public Optional<Connectable> endpoints() {
        return endpoints;
    }

    /**
     * Amazon S3 through the gateway endpoint (private and isolated subnets route its prefix list to it), as a peer:
     * with no NAT, {@code tasks.allowTo(vpc.s3(), 443, ...)} is the only way tasks reach S3 (image layers in ECR,
     * published configs).
     */
    @Override
    public Optional<Peer> s3() {
        return Optional.of(Peer.prefixList("Amazon S3 (gateway endpoint)", "s3", s3Endpoint.prefixListId()));
    }

    /**
     * The route tables of a tier, in availability-zone order where the tier has one per zone (private); callers add
     * routes to networks they connect (a peering or transit gateway attachment) here.
     */
    public List<RouteTable> routeTables(SubnetTier tier) {
        return routeTables.get(tier);
    }

    /** The internet gateway, attached to the VPC: internet-facing load balancers depend on it. */
    @Override
    public Optional<Resource> internetGateway() {
        return Optional.of(internetGateway);
    }

    @Override
    public boolean reachesInternet() {
        return natStrategy != NatStrategy.NONE;
    }

    @Override
    public Output<String> vpcId() {
        return vpcId;
    }

    @Override
    public Cidr cidr() {
        return cidr;
    }

    @Override
    public Output<List<String>> subnetIds(SubnetTier tier) {
        return Output.all(subnets.get(tier).stream().map(Subnet::id).toList());
    }

    /** The NAT instance's id with {@link NatStrategy#INSTANCE} (a single point worth an alarm), else empty. */
    @Override
    public Optional<Output<String>> natInstanceId() {
        return natInstance.map(Instance::id);
    }

    /**
     * Runs the NAT instance, when there is one, only from {@code startCron} to {@code stopCron} (AWS {@code cron(...)}
     * in the IANA {@code timeZone}), for a stack whose tasks run in office hours: stopped, it costs only its root
     * volume, and its public address is released (AWS assigns a new one at start; the private subnets route to its
     * network interface, which stays). The schedules' role may start and stop this instance only. NAT gateways cannot
     * be stopped.
     */
    @Override
    public void runOnSchedule(String startCron, String stopCron, String timeZone) {
        natInstance.ifPresent(nat -> NAT_SCHEDULE.create(name + "-nat", "the NAT instance of " + name, this, nat.arn(),
                nat.id().applyValue(id -> Json.write(Map.of("InstanceIds", List.of(id)))), startCron, stopCron, timeZone));
    }

    @Override
    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** A route table and its subnet associations. */
    private record Table(RouteTable table, List<Resource> associations) {
    }

    private Table routeTable(String tableName, SubnetTier tier, List<Subnet> associated) {
        var table = new RouteTable(tableName, RouteTableArgs.builder()
                .vpcId(vpcId).tags(Map.of("Name", tableName, "tier", lower(tier))).build(), child());
        List<Resource> associations = new ArrayList<>();
        for (int i = 0; i < associated.size(); i++) {
            associations.add(new RouteTableAssociation(tableName + "-" + (i + 1), RouteTableAssociationArgs.builder()
                    .routeTableId(table.id()).subnetId(associated.get(i).id()).build(), child()));
        }
        return new Table(table, associations);
    }

    private Route route(String routeName, RouteTable table, Consumer<RouteArgs.Builder> target) {
        var builder = RouteArgs.builder().routeTableId(table.id()).destinationCidrBlock(ANYWHERE);
        target.accept(builder);
        return new Route(routeName, builder.build(), child());
    }

    /** Options of a resource that needs the way to the internet: the attached gateway, the public route and its associations. */
    private CustomResourceOptions afterInternetPath() {
        return CustomResourceOptions.builder().parent(this).dependsOn(internetPath).build();
    }

    /** One default-route target per NAT (index = AZ it serves first); empty for NONE. */
    private List<Consumer<RouteArgs.Builder>> natTargets(String name, VpcArgs args) {
        List<Subnet> publicSubnets = subnets.get(SubnetTier.PUBLIC);
        List<Consumer<RouteArgs.Builder>> targets = new ArrayList<>();
        switch (args.natStrategy()) {
            case NONE -> {
                // private subnets reach AWS services through endpoints only
            }
            case INSTANCE -> {
                Instance nat = natInstance(name, args, publicSubnets.get(0));
                natInstance = Optional.of(nat);
                targets.add(r -> r.networkInterfaceId(nat.primaryNetworkInterfaceId()));
            }
            case SINGLE_GATEWAY, GATEWAY_PER_AZ -> {
                int count = args.natStrategy() == NatStrategy.SINGLE_GATEWAY ? 1 : args.azCount();
                for (int az = 0; az < count; az++) {
                    String natName = name + "-nat-" + (az + 1);
                    // terraform-provider-aws docs (aws_eip, aws_nat_gateway): both need the internet gateway first,
                    // an ordering the ids alone do not express.
                    var eip = new Eip(natName, EipArgs.builder().domain("vpc").tags(Map.of("Name", natName)).build(), afterInternetPath());
                    var gateway = new NatGateway(natName, NatGatewayArgs.builder()
                            .allocationId(eip.id())
                            .subnetId(publicSubnets.get(az).id())
                            .tags(Map.of("Name", natName))
                            .build(), afterInternetPath());
                    targets.add(r -> r.natGatewayId(gateway.id()));
                }
            }
        }
        return targets;
    }

    private Instance natInstance(String name, VpcArgs args, Subnet subnet) {
        // The NAT instance must accept traffic from the whole VPC and send it anywhere: it is the
        // one place where CIDR rules are the point.
        var group = new SecurityGroup(name + "-nat-sg", SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description("NAT instance: forwards traffic from the VPC to the internet")
                .ingress(SecurityGroupIngressArgs.builder()
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks(cidr.toString())
                        .description("traffic to translate, from inside the VPC").build())
                .egress(SecurityGroupEgressArgs.builder()
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks(ANYWHERE)
                        .description("translated traffic to the internet").build())
                .build(), child());
        Output<String> ami = SsmFunctions.getParameter(
                        GetParameterArgs.builder().name(NAT_AMI_PARAMETER).build(),
                        InvokeOptions.builder().parent(this).build())
                .applyValue(result -> result.value());
        return new Instance(name + "-nat", InstanceArgs.builder()
                .ami(ami)
                .instanceType(args.natInstanceType())
                .subnetId(subnet.id())
                .vpcSecurityGroupIds(Output.all(group.id()))
                .associatePublicIpAddress(true)
                .sourceDestCheck(false)
                .metadataOptions(InstanceMetadataOptionsArgs.builder().httpTokens("required").build())
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder().encrypted(true).volumeType("gp3")
                        .volumeSize(NAT_ROOT_VOLUME_GB).build())
                .userData(NAT_USER_DATA)
                .userDataReplaceOnChange(true)
                .tags(Map.of("Name", name + "-nat"))
                // First boot installs iptables-services: the public route must already lead to the internet.
                // The AMI is the latest at creation; a newer release must not replace a running NAT (egress cut,
                // new address): replace it deliberately (pulumi up --replace) to take a new AMI.
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(internetPath).ignoreChanges("ami").build());
    }

    /**
     * Turns Amazon Linux 2023 into a NAT in the order of AWS's "Create a NAT AMI" steps (VPC user guide,
     * VPC_NAT_Instance.html#create-nat-ami, as also used by aws-cdk's NatInstanceProviderV2): install and
     * start iptables first (its default rules load then), enable persistent IP forwarding, masquerade on the
     * primary interface, flush the FORWARD chain (the default REJECT), then save so a reboot keeps the rules.
     */
    static final String NAT_USER_DATA = """
            #!/bin/bash
            set -euo pipefail
            dnf install -y iptables-services
            systemctl enable iptables
            systemctl start iptables
            echo 'net.ipv4.ip_forward=1' > /etc/sysctl.d/custom-ip-forwarding.conf
            sysctl -p /etc/sysctl.d/custom-ip-forwarding.conf
            iface=$(ip route show default | awk '{print $5}')
            iptables -t nat -A POSTROUTING -o "$iface" -j MASQUERADE
            iptables -F FORWARD
            service iptables save
            """;

    private void interfaceEndpoints(String name, VpcArgs args) {
        if (args.interfaceEndpoints().isEmpty()) {
            return;
        }
        // Endpoints answer HTTPS from inside the VPC only; callers are not known to the network.
        var group = new SecurityGroup(name + "-endpoints-sg", SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description("Interface VPC endpoints: HTTPS from inside the VPC")
                .ingress(SecurityGroupIngressArgs.builder()
                        .protocol("tcp").fromPort(443).toPort(443).cidrBlocks(cidr.toString())
                        .description("HTTPS from the VPC").build())
                .build(), child());
        this.endpoints = Optional.of(Connections.of(this, name + "-endpoints", "endpoints", "VPC endpoints", group.id())
                .withDefaultPort(443).withInlineRules());
        for (InterfaceEndpoint endpoint : args.interfaceEndpoints()) {
            String endpointName = name + "-" + endpoint.service().replace('.', '-');
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName("com.amazonaws." + args.region() + "." + endpoint.service())
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(subnetIds(SubnetTier.PRIVATE))
                    .securityGroupIds(Output.all(group.id()))
                    .tags(Map.of("Name", endpointName))
                    .build(), child());
        }
    }

    private void flowLogs(String name, VpcArgs args) {
        var group = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .retentionInDays(args.flowLogRetentionDays())
                .kmsKeyId(args.kmsKeyArn())
                .build(), child());
        var role = new Role(PhysicalName.autoNamed(name + "-flow-logs", NameRule.IAM_ROLE), RoleArgs.builder()
                // Only this account's flow logs (Amazon VPC user guide, "IAM role for publishing flow logs to CloudWatch
                // Logs": aws:SourceAccount and aws:SourceArn arn:...:ec2:<region>:<account>:vpc-flow-log/*).
                .assumeRolePolicy(AwsScope.of(this).applyValue(s -> PolicyDocument.assumeRole("vpc-flow-logs.amazonaws.com", s,
                        java.util.Optional.of(s.arn("ec2", "vpc-flow-log/*")))))
                .build(), child());
        new RolePolicy(name + "-flow-logs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(group.arn().applyValue(arn -> PolicyDocument.json(List.of(PolicyDocument.Statement.allow(
                        "WriteFlowLogs",
                        List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                        List.of(arn, arn + ":*"))))))
                .build(), child());
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpcId)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .build(), child());
    }

    private static String lower(SubnetTier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}

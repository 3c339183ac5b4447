package dev.llmgateway.plan.update;

import dev.llmgateway.engine.Secret;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which inputs of each resource type the program creates force a new resource when they change: the provider's own
 * answer, one row per type with its source. pulumi-aws 6.83.0 (built 2025-06-16) bundles terraform-provider-aws
 * v5.100.0, the last v5 release (pulumi-aws moved to the provider's v6 in its own v7.0.0, pulumi/pulumi-aws#5665);
 * the bridge replaces a resource when a changed attribute is {@code ForceNew} in that schema or a
 * {@code CustomizeDiff} calls {@code ForceNew} (pulumi-terraform-bridge {@code pkg/tfbridge/provider.go Diff}:
 * {@code UPDATE_REPLACE} per attribute, trimmed to the top-level property). Property names are Pulumi's (camel case,
 * lists pluralised); {@code ForceNewTest} checks each against the pinned SDK's {@code Args} class.
 *
 * <p>Rows marked "read at" were checked against the provider source at the commit named; the others carry the
 * schema file they come from. Providers whose every input replaces (random, tls) are marked {@link #EVERY_INPUT}.
 */
public final class ForceNew {

    /** Marker: every input of the type forces a replacement. */
    public static final String EVERY_INPUT = "*";

    private static final String TF = "terraform-provider-aws v5.100.0 internal/service/";

    /**
     * One type's force-new properties.
     *
     * @param type       Pulumi type token
     * @param properties Pulumi property names, dotted for a property inside a block ({@code deploymentController.type})
     * @param source     where the schema says so
     */
    public record Entry(String type, Set<String> properties, String source) {
    }

    /** A replacement the provider decides in code ({@code CustomizeDiff}) rather than in the schema. */
    private record CustomRule(String type, String property, String source,
                              Function<Change, Boolean> replaces) {
    }

    /** The old and new inputs of one resource, as the rules see them. */
    private record Change(Map<String, Object> olds, Map<String, Object> news) {
    }

    /** The table, by type. */
    public static final List<Entry> TABLE = List.of(
            tf("aws:acm/certificate:Certificate", "acm/certificate.go", "domainName", "subjectAlternativeNames", "keyAlgorithm",
                    "certificateAuthorityArn"),
            tf("aws:acm/certificateValidation:CertificateValidation", "acm/certificate_validation.go", "certificateArn",
                    "validationRecordFqdns"),
            tf("aws:appautoscaling/policy:Policy", "appautoscaling/policy.go", "name", "resourceId", "scalableDimension",
                    "serviceNamespace"),
            tf("aws:appautoscaling/scheduledAction:ScheduledAction", "appautoscaling/scheduled_action.go", "name", "resourceId",
                    "scalableDimension", "serviceNamespace"),
            tf("aws:appautoscaling/target:Target", "appautoscaling/target.go", "resourceId", "scalableDimension", "serviceNamespace"),
            tf("aws:cloudfront/distribution:Distribution", "cloudfront/distribution.go", "staging"),
            tf("aws:cloudwatch/dashboard:Dashboard", "cloudwatch/dashboard.go", "dashboardName"),
            tf("aws:cloudwatch/eventRule:EventRule", "events/rule.go", "name", "namePrefix", "eventBusName"),
            tf("aws:cloudwatch/eventTarget:EventTarget", "events/target.go", "rule", "targetId", "eventBusName"),
            tf("aws:cloudwatch/logGroup:LogGroup", "logs/group.go", "name", "namePrefix", "logGroupClass"),
            tf("aws:cloudwatch/logStream:LogStream", "logs/stream.go", "name", "logGroupName"),
            tf("aws:cloudwatch/compositeAlarm:CompositeAlarm", "cloudwatch/composite_alarm.go", "actionsEnabled", "alarmName"),
            tf("aws:cloudwatch/metricAlarm:MetricAlarm", "cloudwatch/metric_alarm.go", "name"),
            tf("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "ec2/vpc_default_security_group.go", "vpcId"),
            tf("aws:ec2/eip:Eip", "ec2/ec2_eip.go", "address", "customerOwnedIpv4Pool", "domain", "networkBorderGroup",
                    "publicIpv4Pool", "ipamPoolId"),
            tf("aws:ec2/flowLog:FlowLog", "ec2/vpc_flow_log.go", "deliverCrossAccountRole", "destinationOptions", "eniId",
                    "iamRoleArn", "logDestination", "logDestinationType", "logFormat", "maxAggregationInterval", "subnetId",
                    "trafficType", "transitGatewayAttachmentId", "transitGatewayId", "vpcId"),
            tf("aws:ec2/instance:Instance", "ec2/ec2_instance.go", "ami", "associatePublicIpAddress", "availabilityZone",
                    "keyName", "placementGroup", "privateIp", "subnetId", "tenancy", "rootBlockDevice.encrypted",
                    "rootBlockDevice.kmsKeyId"),
            tf("aws:ec2/internetGateway:InternetGateway", "ec2/vpc_internet_gateway.go"),
            tf("aws:ec2/natGateway:NatGateway", "ec2/vpc_nat_gateway.go", "allocationId", "connectivityType", "privateIp",
                    "subnetId"),
            tf("aws:ec2/route:Route", "ec2/vpc_route.go", "routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock",
                    "destinationPrefixListId"),
            tf("aws:ec2/routeTable:RouteTable", "ec2/vpc_route_table.go", "vpcId"),
            tf("aws:ec2/routeTableAssociation:RouteTableAssociation", "ec2/vpc_route_table_association.go", "subnetId",
                    "gatewayId"),
            tf("aws:ec2/securityGroup:SecurityGroup", "ec2/vpc_security_group.go", "name", "namePrefix", "description", "vpcId"),
            // Read in a later version, which adds IPAM pools (ForceNew too); v5.100.0 and the pinned SDK have none of them.
            read("aws:ec2/subnet:Subnet", "ec2/vpc_subnet.go", "00cda125", "availabilityZone", "availabilityZoneId", "cidrBlock",
                    "ipv6Native", "outpostArn", "vpcId"),
            tf("aws:ec2/vpc:Vpc", "ec2/vpc_.go", "cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength"),
            tf("aws:ec2/vpcEndpoint:VpcEndpoint", "ec2/vpc_endpoint.go", "serviceName", "vpcEndpointType", "vpcId"),
            tf("aws:ec2clientvpn/authorizationRule:AuthorizationRule", "ec2/clientvpn_authorization_rule.go",
                    "clientVpnEndpointId", "targetNetworkCidr", "accessGroupId", "authorizeAllGroups", "description"),
            tf("aws:ec2clientvpn/endpoint:Endpoint", "ec2/clientvpn_endpoint.go", "authenticationOptions", "clientCidrBlock",
                    "transportProtocol"),
            tf("aws:ec2clientvpn/networkAssociation:NetworkAssociation", "ec2/clientvpn_network_association.go",
                    "clientVpnEndpointId", "subnetId"),
            tf("aws:ecr/lifecyclePolicy:LifecyclePolicy", "ecr/lifecycle_policy.go", "repository"),
            tf("aws:ecr/repository:Repository", "ecr/repository.go", "name", "encryptionConfigurations"),
            tf("aws:ecs/cluster:Cluster", "ecs/cluster.go", "name"),
            tf("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "ecs/cluster_capacity_providers.go", "clusterName"),
            read("aws:ecs/service:Service", "ecs/service.go", "00a919d1", "cluster", "deploymentController.type", "iamRole",
                    "launchType", "name", "schedulingStrategy"),
            tf("aws:ecs/taskDefinition:TaskDefinition", "ecs/task_definition.go", "containerDefinitions", "cpu",
                    "ephemeralStorage", "executionRoleArn", "family", "inferenceAccelerators", "ipcMode", "memory", "networkMode",
                    "pidMode", "placementConstraints", "proxyConfiguration", "requiresCompatibilities", "runtimePlatform",
                    "taskRoleArn", "volumes"),
            tf("aws:efs/accessPoint:AccessPoint", "efs/access_point.go", "fileSystemId", "posixUser", "rootDirectory"),
            tf("aws:efs/backupPolicy:BackupPolicy", "efs/backup_policy.go", "fileSystemId"),
            tf("aws:efs/fileSystem:FileSystem", "efs/file_system.go", "availabilityZoneName", "creationToken", "encrypted",
                    "kmsKeyId", "performanceMode"),
            tf("aws:efs/mountTarget:MountTarget", "efs/mount_target.go", "fileSystemId", "ipAddress", "subnetId"),
            tf("aws:elasticache/replicationGroup:ReplicationGroup", "elasticache/replication_group.go", "replicationGroupId",
                    "atRestEncryptionEnabled", "dataTieringEnabled", "globalReplicationGroupId", "kmsKeyId", "networkType", "port",
                    "snapshotArns", "snapshotName", "subnetGroupName"),
            tf("aws:elasticache/subnetGroup:SubnetGroup", "elasticache/subnet_group.go", "name"),
            tf("aws:iam/role:Role", "iam/role.go", "name", "namePrefix", "path"),
            tf("aws:iam/rolePolicy:RolePolicy", "iam/role_policy.go", "name", "namePrefix", "role"),
            tf("aws:kms/alias:Alias", "kms/alias.go", "name", "namePrefix"),
            tf("aws:kms/key:Key", "kms/key.go", "customerMasterKeySpec", "customKeyStoreId", "keyUsage", "multiRegion", "xksKeyId"),
            read("aws:lb/listener:Listener", "elbv2/listener.go", "01c08000", "loadBalancerArn"),
            tf("aws:lb/listenerRule:ListenerRule", "elbv2/listener_rule.go", "listenerArn"),
            read("aws:lb/loadBalancer:LoadBalancer", "elbv2/load_balancer.go", "00edc94b", "customerOwnedIpv4Pool", "internal",
                    "loadBalancerType", "name", "namePrefix"),
            tf("aws:lb/targetGroup:TargetGroup", "elbv2/target_group.go", "name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId", "ipAddressType"),
            tf("aws:rds/cluster:Cluster", "rds/cluster.go", "availabilityZones", "clusterIdentifier", "clusterIdentifierPrefix",
                    "databaseName", "dbSubnetGroupName", "engine", "engineMode", "kmsKeyId", "masterUsername",
                    "restoreToPointInTime", "s3Import", "snapshotIdentifier", "sourceRegion", "storageEncrypted"),
            tf("aws:rds/clusterInstance:ClusterInstance", "rds/cluster_instance.go", "availabilityZone", "clusterIdentifier",
                    "customIamInstanceProfile", "dbSubnetGroupName", "engine", "identifier", "identifierPrefix"),
            tf("aws:rds/clusterParameterGroup:ClusterParameterGroup", "rds/cluster_parameter_group.go", "name", "namePrefix",
                    "family", "description"),
            tf("aws:rds/instance:Instance", "rds/instance.go", "availabilityZone", "characterSetName", "customIamInstanceProfile",
                    "dbName", "engine", "kmsKeyId", "ncharCharacterSetName", "restoreToPointInTime", "s3Import",
                    "snapshotIdentifier", "storageEncrypted", "timezone", "username"),
            tf("aws:rds/parameterGroup:ParameterGroup", "rds/parameter_group.go", "name", "namePrefix", "family", "description"),
            tf("aws:rds/subnetGroup:SubnetGroup", "rds/subnet_group.go", "name", "namePrefix"),
            tf("aws:route53/record:Record", "route53/record.go", "name", "type", "zoneId"),
            tf("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "s3/bucket_lifecycle_configuration.go",
                    "bucket", "expectedBucketOwner"),
            tf("aws:s3/bucketObjectv2:BucketObjectv2", "s3/object.go", "bucket", "key"),
            tf("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "s3/bucket_ownership_controls.go", "bucket"),
            tf("aws:s3/bucketPolicy:BucketPolicy", "s3/bucket_policy.go", "bucket"),
            tf("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "s3/bucket_public_access_block.go", "bucket"),
            tf("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    "s3/bucket_server_side_encryption_configuration.go", "bucket", "expectedBucketOwner"),
            tf("aws:s3/bucketV2:BucketV2", "s3/bucket.go", "bucket", "bucketPrefix", "objectLockEnabled"),
            tf("aws:s3/bucketVersioningV2:BucketVersioningV2", "s3/bucket_versioning.go", "bucket", "expectedBucketOwner", "mfa"),
            tf("aws:scheduler/schedule:Schedule", "scheduler/schedule.go", "name", "namePrefix", "groupName"),
            tf("aws:secretsmanager/secret:Secret", "secretsmanager/secret.go", "name", "namePrefix"),
            tf("aws:secretsmanager/secretVersion:SecretVersion", "secretsmanager/secret_version.go", "secretId", "secretString",
                    "secretBinary"),
            tf("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "servicediscovery/private_dns_namespace.go",
                    "name", "vpc", "description"),
            tf("aws:servicediscovery/service:Service", "servicediscovery/service.go", "name", "namespaceId", "type",
                    "dnsConfig.namespaceId", "dnsConfig.routingPolicy", "healthCheckCustomConfig"),
            tf("aws:sns/topic:Topic", "sns/topic.go", "name", "namePrefix", "fifoTopic"),
            tf("aws:sns/topicPolicy:TopicPolicy", "sns/topic_policy.go", "arn"),
            tf("aws:sns/topicSubscription:TopicSubscription", "sns/topic_subscription.go (topic_arn is Pulumi's topic)", "endpoint",
                    "protocol", "topic",
                    "endpointAutoConfirms", "confirmationTimeoutInMinutes"),
            tf("aws:ssm/parameter:Parameter", "ssm/parameter.go", "name"),
            tf("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "ec2/vpc_security_group_egress_rule.go "
                    + "(framework resource: RequiresReplace plan modifier)", "securityGroupId"),
            tf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ec2/vpc_security_group_ingress_rule.go "
                    + "(framework resource: RequiresReplace plan modifier)", "securityGroupId"),
            tf("aws:wafv2/webAcl:WebAcl", "wafv2/web_acl.go", "name", "namePrefix", "scope"),
            tf("aws:wafv2/webAclAssociation:WebAclAssociation", "wafv2/web_acl_association.go", "resourceArn", "webAclArn"),
            tf("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "wafv2/web_acl_logging_configuration.go",
                    "resourceArn"),
            new Entry("command:local:Command", Set.of("triggers"), "pulumi/pulumi-command provider/pkg/provider/common:"
                    + " ResourceInputs.Triggers is tagged replaceOnChanges; other changes run the update (else the create) command"),
            new Entry("random:index/randomId:RandomId", Set.of(EVERY_INPUT), "terraform-provider-random: every attribute of"
                    + " random_id has a RequiresReplace plan modifier (random values are immutable; keepers exist to force one)"),
            new Entry("random:index/randomPassword:RandomPassword", Set.of(EVERY_INPUT), "terraform-provider-random: every"
                    + " attribute of random_password has a RequiresReplace plan modifier"),
            new Entry("tls:index/certRequest:CertRequest", Set.of(EVERY_INPUT), "terraform-provider-tls: every attribute RequiresReplace"),
            new Entry("tls:index/locallySignedCert:LocallySignedCert", Set.of(EVERY_INPUT),
                    "terraform-provider-tls: every attribute RequiresReplace (ready_for_renewal replaces it when it nears expiry)"),
            new Entry("tls:index/privateKey:PrivateKey", Set.of(EVERY_INPUT), "terraform-provider-tls: every attribute RequiresReplace"),
            new Entry("tls:index/selfSignedCert:SelfSignedCert", Set.of(EVERY_INPUT),
                    "terraform-provider-tls: every attribute RequiresReplace (ready_for_renewal replaces it when it nears expiry)"),
            new Entry("pulumi:providers:aws", Set.of(), "pulumi-terraform-bridge pkg/tfbridge/provider.go configDiffer: a"
                    + " provider setting replaces the provider only where the provider marks it ForcesProviderReplace; a changed"
                    + " defaultTags is an update that every tagged resource follows (tagsAll)"));

    /** Replacements the provider decides in a {@code CustomizeDiff}. */
    private static final List<CustomRule> CUSTOM = List.of(
            // capacityProviderStrategyCustomizeDiff (read at 00a919d1): "to be backward compatible, should ForceNew almost
            // always (previous behavior), unless force_new_deployment is true and neither the old set nor new set is 0 length".
            new CustomRule("aws:ecs/service:Service", "capacityProviderStrategies",
                    TF + "ecs/service.go capacityProviderStrategyCustomizeDiff (read at 00a919d1)",
                    change -> !Boolean.TRUE.equals(change.news().get("forceNewDeployment"))
                            || isEmpty(change.olds().get("capacityProviderStrategies"))
                            || isEmpty(change.news().get("capacityProviderStrategies"))),
            // user_data is ForceNew only with user_data_replace_on_change (ec2_instance.go CustomizeDiff).
            new CustomRule("aws:ec2/instance:Instance", "userData", TF + "ec2/ec2_instance.go (user_data_replace_on_change)",
                    change -> Boolean.TRUE.equals(change.news().get("userDataReplaceOnChange"))));

    private ForceNew() {
    }

    private static Entry tf(String type, String file, String... properties) {
        return new Entry(type, new LinkedHashSet<>(Arrays.asList(properties)), TF + file);
    }

    private static Entry read(String type, String file, String commit, String... properties) {
        return new Entry(type, new LinkedHashSet<>(Arrays.asList(properties)), TF + file + " (read at " + commit + ")");
    }

    /** The entry of a type, when the table has one. */
    public static Optional<Entry> entry(String type) {
        return TABLE.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    /** Where the provider's decision for {@code type} and {@code property} comes from. */
    public static String source(String type, String property) {
        return CUSTOM.stream().filter(r -> r.type().equals(type) && r.property().equals(property)).map(CustomRule::source)
                .findFirst().orElseGet(() -> entry(type).map(Entry::source).orElse("no entry for " + type));
    }

    /**
     * The top-level properties whose change replaces a resource of {@code type}, among {@code changed}: schema
     * force-new properties (a dotted one when the value inside the block differs) and the custom rules.
     *
     * @param type    the type token
     * @param olds    the deployed inputs
     * @param news    the goal inputs (after ignoreChanges)
     * @param changed top-level properties whose values differ
     */
    public static Set<String> replaceKeys(String type, Map<String, Object> olds, Map<String, Object> news, Set<String> changed) {
        Set<String> keys = new TreeSet<>();
        Set<String> properties = entry(type).map(Entry::properties).orElse(Set.of());
        for (String property : properties) {
            if (property.equals(EVERY_INPUT)) {
                keys.addAll(changed);
                continue;
            }
            String top = property.contains(".") ? property.substring(0, property.indexOf('.')) : property;
            if (!changed.contains(top)) {
                continue;
            }
            if (!property.contains(".") || !Objects.equals(Values.normal(Values.at(olds, property)), Values.normal(Values.at(news, property)))) {
                keys.add(top);
            }
        }
        Change change = new Change(olds, news);
        CUSTOM.stream().filter(r -> r.type().equals(type) && changed.contains(r.property()) && r.replaces().apply(change))
                .forEach(r -> keys.add(r.property()));
        return keys;
    }

    /** Every type the table knows, sorted. */
    public static Set<String> types() {
        return TABLE.stream().map(Entry::type).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isEmpty(Object value) {
        Object plain = Secret.reveal(value);
        return plain == null || plain instanceof List<?> list && list.isEmpty();
    }
}

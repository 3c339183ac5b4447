package dev.llmgateway.plan;

import dev.llmgateway.engine.PlannedStack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The IAM actions a deploy role needs for a first {@code pulumi up}, later updates and {@code destroy}, by the
 * resource types the plan registers: the table {@code examples/bootstrap/deploy-policy.json} must cover for every
 * committed stack and example ({@code BootstrapPolicyTest}). Per type: create, read back, update, tag and delete, as
 * the Terraform AWS provider under pulumi-aws calls them, plus what AWS checks on the caller for a setting (WAF logging
 * to CloudWatch Logs needs the {@code logs} log-delivery actions: AWS WAF Developer Guide, "Sending web ACL traffic
 * logs to an Amazon CloudWatch Logs log group", permissions). A type missing here fails the test, so a new resource
 * cannot reach a first prod deploy that fails with AccessDenied.
 */
public final class DeployPermissions {

    /** Types that are no AWS API call: components, the stack, providers and locally computed resources. */
    private static final Pattern LOCAL = Pattern.compile("llmgateway:.*|pulumi:.*|random:.*|tls:.*");

    /** What every deploy calls whatever it creates: the program's lookups (invokes) and the provider's identity check. */
    static final List<String> ALWAYS = List.of("sts:GetCallerIdentity", "ec2:DescribeAvailabilityZones",
            "ssm:GetParameter", "ssm:GetParameters", "iam:GetRole", "iam:PassRole");

    private static final Map<String, List<String>> BY_TYPE = new TreeMap<>(Map.ofEntries(
            // The deploy's one-off tasks run on the deploying machine: run-task.sh starts, watches and stops the task
            // and reads its last log lines (README, "Deploy-time tasks"; iam:PassRole is in ALWAYS).
            Map.entry("command:local:Command", List.of("ecs:RunTask", "ecs:DescribeTasks", "ecs:StopTask",
                    "logs:GetLogEvents")),
            Map.entry("aws:acm/certificate:Certificate", List.of("acm:RequestCertificate", "acm:ImportCertificate",
                    "acm:DescribeCertificate", "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:ListTagsForCertificate")),
            Map.entry("aws:acm/certificateValidation:CertificateValidation", List.of("acm:DescribeCertificate")),
            Map.entry("aws:appautoscaling/policy:Policy", List.of("application-autoscaling:PutScalingPolicy",
                    "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DescribeScalingPolicies")),
            Map.entry("aws:appautoscaling/scheduledAction:ScheduledAction", List.of("application-autoscaling:PutScheduledAction",
                    "application-autoscaling:DeleteScheduledAction", "application-autoscaling:DescribeScheduledActions")),
            Map.entry("aws:appautoscaling/target:Target", List.of("application-autoscaling:RegisterScalableTarget",
                    "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:DescribeScalableTargets",
                    "application-autoscaling:TagResource", "application-autoscaling:ListTagsForResource",
                    "iam:CreateServiceLinkedRole")),
            Map.entry("aws:cloudfront/distribution:Distribution", List.of("cloudfront:CreateDistribution",
                    "cloudfront:CreateDistributionWithTags", "cloudfront:GetDistribution", "cloudfront:UpdateDistribution",
                    "cloudfront:DeleteDistribution", "cloudfront:TagResource", "cloudfront:ListTagsForResource")),
            Map.entry("aws:cloudwatch/compositeAlarm:CompositeAlarm", List.of("cloudwatch:PutCompositeAlarm",
                    "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:ListTagsForResource")),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", List.of("cloudwatch:PutDashboard", "cloudwatch:GetDashboard",
                    "cloudwatch:DeleteDashboards")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", List.of("events:PutRule", "events:DescribeRule", "events:DeleteRule",
                    "events:TagResource", "events:ListTagsForResource")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", List.of("events:PutTargets", "events:ListTargetsByRule",
                    "events:RemoveTargets")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("logs:CreateLogGroup", "logs:DeleteLogGroup",
                    "logs:PutRetentionPolicy", "logs:AssociateKmsKey", "logs:DescribeLogGroups", "logs:ListTagsForResource",
                    "logs:TagResource")),
            Map.entry("aws:cloudwatch/logStream:LogStream", List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
                    "logs:DeleteLogStream")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
                    "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:ListTagsForResource")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", List.of("ec2:DescribeSecurityGroups",
                    "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:CreateTags")),
            Map.entry("aws:ec2/eip:Eip", List.of("ec2:AllocateAddress", "ec2:ReleaseAddress", "ec2:DescribeAddresses",
                    "ec2:DescribeAddressesAttribute", "ec2:CreateTags")),
            Map.entry("aws:ec2/flowLog:FlowLog", List.of("ec2:CreateFlowLogs", "ec2:DeleteFlowLogs", "ec2:DescribeFlowLogs",
                    "ec2:CreateTags", "logs:CreateLogDelivery", "logs:DeleteLogDelivery")),
            Map.entry("aws:ec2/instance:Instance", List.of("ec2:RunInstances", "ec2:TerminateInstances", "ec2:DescribeInstances",
                    "ec2:DescribeInstanceAttribute", "ec2:ModifyInstanceAttribute", "ec2:DescribeInstanceTypes",
                    "ec2:DescribeImages", "ec2:DescribeVolumes", "ec2:DescribeInstanceCreditSpecifications",
                    "ec2:ModifyInstanceMetadataOptions", "ec2:CreateTags", "iam:PassRole")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", List.of("ec2:CreateInternetGateway", "ec2:AttachInternetGateway",
                    "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway", "ec2:DescribeInternetGateways", "ec2:CreateTags")),
            Map.entry("aws:ec2/natGateway:NatGateway", List.of("ec2:CreateNatGateway", "ec2:DeleteNatGateway",
                    "ec2:DescribeNatGateways", "ec2:CreateTags")),
            Map.entry("aws:ec2/route:Route", List.of("ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:DeleteRoute", "ec2:DescribeRouteTables")),
            Map.entry("aws:ec2/routeTable:RouteTable", List.of("ec2:CreateRouteTable", "ec2:DeleteRouteTable",
                    "ec2:DescribeRouteTables", "ec2:CreateTags")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", List.of("ec2:AssociateRouteTable",
                    "ec2:DisassociateRouteTable", "ec2:ReplaceRouteTableAssociation", "ec2:DescribeRouteTables")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup",
                    "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces", "ec2:AuthorizeSecurityGroupIngress",
                    "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                    "ec2:CreateTags")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("ec2:CreateSubnet", "ec2:DeleteSubnet", "ec2:DescribeSubnets",
                    "ec2:ModifySubnetAttribute", "ec2:CreateTags")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("ec2:CreateVpc", "ec2:DeleteVpc", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                    "ec2:ModifyVpcAttribute", "ec2:DescribeNetworkAcls", "ec2:DescribeSecurityGroups", "ec2:DescribeRouteTables",
                    "ec2:CreateTags")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", List.of("ec2:CreateVpcEndpoint", "ec2:DeleteVpcEndpoints",
                    "ec2:DescribeVpcEndpoints", "ec2:ModifyVpcEndpoint", "ec2:DescribePrefixLists", "ec2:CreateTags")),
            Map.entry("aws:ec2clientvpn/authorizationRule:AuthorizationRule", List.of("ec2:AuthorizeClientVpnIngress",
                    "ec2:RevokeClientVpnIngress", "ec2:DescribeClientVpnAuthorizationRules")),
            Map.entry("aws:ec2clientvpn/endpoint:Endpoint", List.of("ec2:CreateClientVpnEndpoint", "ec2:ModifyClientVpnEndpoint",
                    "ec2:DeleteClientVpnEndpoint", "ec2:DescribeClientVpnEndpoints", "ec2:CreateTags")),
            Map.entry("aws:ec2clientvpn/networkAssociation:NetworkAssociation", List.of("ec2:AssociateClientVpnTargetNetwork",
                    "ec2:DisassociateClientVpnTargetNetwork", "ec2:DescribeClientVpnTargetNetworks",
                    "ec2:ApplySecurityGroupsToClientVpnTargetNetwork")),
            Map.entry("aws:ecr/lifecyclePolicy:LifecyclePolicy", List.of("ecr:PutLifecyclePolicy", "ecr:GetLifecyclePolicy",
                    "ecr:DeleteLifecyclePolicy")),
            Map.entry("aws:ecr/repository:Repository", List.of("ecr:CreateRepository", "ecr:DeleteRepository",
                    "ecr:DescribeRepositories", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability",
                    "ecr:TagResource", "ecr:ListTagsForResource")),
            Map.entry("aws:ecs/cluster:Cluster", List.of("ecs:CreateCluster", "ecs:DeleteCluster", "ecs:DescribeClusters",
                    "ecs:UpdateCluster", "ecs:TagResource", "iam:CreateServiceLinkedRole")),
            Map.entry("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", List.of("ecs:PutClusterCapacityProviders",
                    "ecs:DescribeClusters")),
            Map.entry("aws:ecs/service:Service", List.of("ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService",
                    "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks", "ecs:TagResource", "iam:PassRole")),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("ecs:RegisterTaskDefinition",
                    "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:TagResource", "iam:PassRole")),
            Map.entry("aws:efs/accessPoint:AccessPoint", List.of("elasticfilesystem:CreateAccessPoint",
                    "elasticfilesystem:DeleteAccessPoint", "elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:TagResource")),
            Map.entry("aws:efs/backupPolicy:BackupPolicy", List.of("elasticfilesystem:PutBackupPolicy",
                    "elasticfilesystem:DescribeBackupPolicy")),
            Map.entry("aws:efs/fileSystem:FileSystem", List.of("elasticfilesystem:CreateFileSystem",
                    "elasticfilesystem:DeleteFileSystem", "elasticfilesystem:DescribeFileSystems",
                    "elasticfilesystem:DescribeLifecycleConfiguration", "elasticfilesystem:TagResource",
                    "kms:DescribeKey", "kms:CreateGrant")),
            Map.entry("aws:efs/mountTarget:MountTarget", List.of("elasticfilesystem:CreateMountTarget",
                    "elasticfilesystem:DeleteMountTarget", "elasticfilesystem:DescribeMountTargets",
                    "elasticfilesystem:DescribeMountTargetSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeNetworkInterfaces",
                    "ec2:CreateNetworkInterface")),
            Map.entry("aws:elasticache/replicationGroup:ReplicationGroup", List.of("elasticache:CreateReplicationGroup",
                    "elasticache:ModifyReplicationGroup", "elasticache:DeleteReplicationGroup",
                    "elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters", "elasticache:AddTagsToResource",
                    "elasticache:ListTagsForResource", "iam:CreateServiceLinkedRole")),
            Map.entry("aws:elasticache/subnetGroup:SubnetGroup", List.of("elasticache:CreateCacheSubnetGroup",
                    "elasticache:DeleteCacheSubnetGroup", "elasticache:DescribeCacheSubnetGroups", "elasticache:AddTagsToResource")),
            Map.entry("aws:iam/role:Role", List.of("iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole",
                    "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
                    "iam:ListInstanceProfilesForRole")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy")),
            Map.entry("aws:kms/alias:Alias", List.of("kms:CreateAlias", "kms:DeleteAlias", "kms:ListAliases", "kms:UpdateAlias")),
            Map.entry("aws:kms/key:Key", List.of("kms:CreateKey", "kms:PutKeyPolicy", "kms:EnableKeyRotation", "kms:DescribeKey",
                    "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:TagResource",
                    "kms:ScheduleKeyDeletion", "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey")),
            Map.entry("aws:lb/listener:Listener", List.of("elasticloadbalancing:CreateListener", "elasticloadbalancing:ModifyListener",
                    "elasticloadbalancing:DeleteListener", "elasticloadbalancing:DescribeListeners",
                    "elasticloadbalancing:AddTags")),
            Map.entry("aws:lb/listenerRule:ListenerRule", List.of("elasticloadbalancing:CreateRule", "elasticloadbalancing:ModifyRule",
                    "elasticloadbalancing:DeleteRule", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:AddTags")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("elasticloadbalancing:CreateLoadBalancer",
                    "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                    "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:AddTags", "elasticloadbalancing:DescribeTags",
                    "iam:CreateServiceLinkedRole")),
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("elasticloadbalancing:CreateTargetGroup",
                    "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:ModifyTargetGroup",
                    "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:AddTags")),
            Map.entry("aws:rds/cluster:Cluster", List.of("rds:CreateDBCluster", "rds:ModifyDBCluster", "rds:DeleteDBCluster",
                    "rds:DescribeDBClusters", "rds:AddTagsToResource", "rds:ListTagsForResource", "secretsmanager:CreateSecret",
                    "secretsmanager:TagResource", "secretsmanager:RotateSecret", "kms:CreateGrant", "kms:DescribeKey",
                    "iam:CreateServiceLinkedRole")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", List.of("rds:CreateDBInstance", "rds:ModifyDBInstance",
                    "rds:DeleteDBInstance", "rds:DescribeDBInstances", "rds:AddTagsToResource", "rds:ListTagsForResource")),
            Map.entry("aws:rds/clusterParameterGroup:ClusterParameterGroup", List.of("rds:CreateDBClusterParameterGroup",
                    "rds:ModifyDBClusterParameterGroup", "rds:DeleteDBClusterParameterGroup",
                    "rds:DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameters", "rds:AddTagsToResource",
                    "rds:ListTagsForResource")),
            Map.entry("aws:rds/instance:Instance", List.of("rds:CreateDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBInstance",
                    "rds:DescribeDBInstances", "rds:AddTagsToResource", "rds:ListTagsForResource", "secretsmanager:CreateSecret",
                    "secretsmanager:TagResource", "secretsmanager:RotateSecret", "kms:CreateGrant", "kms:DescribeKey",
                    "iam:CreateServiceLinkedRole")),
            Map.entry("aws:rds/parameterGroup:ParameterGroup", List.of("rds:CreateDBParameterGroup", "rds:ModifyDBParameterGroup",
                    "rds:DeleteDBParameterGroup", "rds:DescribeDBParameterGroups", "rds:DescribeDBParameters",
                    "rds:AddTagsToResource", "rds:ListTagsForResource")),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", List.of("rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup",
                    "rds:DeleteDBSubnetGroup", "rds:DescribeDBSubnetGroups", "rds:AddTagsToResource", "rds:ListTagsForResource")),
            Map.entry("aws:route53/record:Record", List.of("route53:ChangeResourceRecordSets", "route53:GetChange",
                    "route53:ListResourceRecordSets", "route53:GetHostedZone")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", List.of(
                    "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration")),
            Map.entry("aws:s3/bucketObjectv2:BucketObjectv2", List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject",
                    "s3:GetObjectTagging", "s3:PutObjectTagging", "s3:ListBucketVersions", "s3:DeleteObjectVersion")),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls", List.of("s3:PutBucketOwnershipControls",
                    "s3:GetBucketOwnershipControls")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", List.of("s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", List.of("s3:PutBucketPublicAccessBlock",
                    "s3:GetBucketPublicAccessBlock")),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", List.of(
                    "s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket",
                    "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketLogging",
                    "s3:GetBucketObjectLockConfiguration", "s3:GetBucketPolicy", "s3:GetBucketRequestPayment",
                    "s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:GetAccelerateConfiguration", "s3:GetLifecycleConfiguration",
                    "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:PutBucketTagging")),
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", List.of("s3:PutBucketVersioning", "s3:GetBucketVersioning")),
            Map.entry("aws:scheduler/schedule:Schedule", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                    "scheduler:DeleteSchedule", "scheduler:GetSchedule", "iam:PassRole")),
            Map.entry("aws:secretsmanager/secret:Secret", List.of("secretsmanager:CreateSecret", "secretsmanager:UpdateSecret",
                    "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy",
                    "secretsmanager:TagResource")),
            Map.entry("aws:secretsmanager/secretVersion:SecretVersion", List.of("secretsmanager:PutSecretValue",
                    "secretsmanager:GetSecretValue", "secretsmanager:UpdateSecretVersionStage")),
            Map.entry("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", List.of(
                    "servicediscovery:CreatePrivateDnsNamespace", "servicediscovery:DeleteNamespace",
                    "servicediscovery:GetNamespace", "servicediscovery:GetOperation", "servicediscovery:TagResource",
                    "servicediscovery:ListTagsForResource", "route53:CreateHostedZone", "route53:DeleteHostedZone",
                    "route53:GetHostedZone", "ec2:DescribeVpcs")),
            Map.entry("aws:servicediscovery/service:Service", List.of("servicediscovery:CreateService",
                    "servicediscovery:UpdateService", "servicediscovery:DeleteService", "servicediscovery:GetService",
                    "servicediscovery:TagResource", "servicediscovery:ListTagsForResource")),
            Map.entry("aws:sns/topic:Topic", List.of("sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes",
                    "sns:SetTopicAttributes", "sns:TagResource", "sns:ListTagsForResource")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", List.of("sns:SetTopicAttributes", "sns:GetTopicAttributes")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", List.of("sns:Subscribe", "sns:Unsubscribe",
                    "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes")),
            Map.entry("aws:ssm/parameter:Parameter", List.of("ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter",
                    "ssm:DescribeParameters", "ssm:AddTagsToResource", "ssm:ListTagsForResource")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of("ec2:AuthorizeSecurityGroupEgress",
                    "ec2:RevokeSecurityGroupEgress", "ec2:DescribeSecurityGroupRules", "ec2:ModifySecurityGroupRules",
                    "ec2:CreateTags")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of("ec2:AuthorizeSecurityGroupIngress",
                    "ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroupRules", "ec2:ModifySecurityGroupRules",
                    "ec2:CreateTags")),
            Map.entry("aws:wafv2/webAcl:WebAcl", List.of("wafv2:CreateWebACL", "wafv2:UpdateWebACL", "wafv2:DeleteWebACL",
                    "wafv2:GetWebACL", "wafv2:ListTagsForResource", "wafv2:TagResource")),
            Map.entry("aws:wafv2/webAclAssociation:WebAclAssociation", List.of("wafv2:AssociateWebACL",
                    "wafv2:DisassociateWebACL", "wafv2:GetWebACLForResource", "elasticloadbalancing:SetWebAcl")),
            Map.entry("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", List.of(
                    "wafv2:PutLoggingConfiguration", "wafv2:GetLoggingConfiguration", "wafv2:DeleteLoggingConfiguration",
                    "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:PutResourcePolicy",
                    "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"))));

    private DeployPermissions() {
    }

    /** Resource types of {@code plan} that make AWS calls and have no entry here. */
    public static Set<String> unknownTypes(PlannedStack plan) {
        Set<String> unknown = new TreeSet<>();
        plan.resources().forEach(r -> {
            if (!LOCAL.matcher(r.type()).matches() && !BY_TYPE.containsKey(r.type())) {
                unknown.add(r.type());
            }
        });
        return unknown;
    }

    /** The actions a first deploy, updates and destroy of {@code plan} need, by resource type. */
    public static Map<String, List<String>> required(PlannedStack plan) {
        Map<String, List<String>> actions = new TreeMap<>();
        actions.put("(every deploy)", ALWAYS);
        plan.resources().forEach(r -> {
            if (BY_TYPE.containsKey(r.type())) {
                actions.put(r.type(), BY_TYPE.get(r.type()));
            }
        });
        return actions;
    }
}

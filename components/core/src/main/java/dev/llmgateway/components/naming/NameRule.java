package dev.llmgateway.components.naming;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the pulumi-aws provider and AWS name each resource type this project creates: which input
 * carries the physical name, who picks it when the program does not (pulumi-aws auto-naming: the
 * logical name, a separator and 7 random hex characters, within the provider's maximum; or
 * Terraform's {@code tf-} plus 26 characters; or nobody, because the input is required), and the
 * longest name and character set AWS accepts. Components use it to keep names inside the limits
 * ({@link PhysicalName}); the mock cloud uses it to assign and check names as the provider would.
 *
 * <p>Sources (quoted in docs/offline-engine.md): pulumi-aws {@code provider/resources.go} (v6:
 * {@code tfbridge.AutoName("name", 32, "-")} for target groups, 64 for IAM roles and EventBridge
 * rules, {@code AutoNameTransform("bucket", 63, strings.ToLower)}, SNS 80, the RDS instance's
 * {@code resource.NewUniqueHex(name, 7, 255)} without separator, and 255 for every other
 * {@code name}); pulumi-terraform-bridge {@code ComputeAutoNameDefault} and pulumi
 * {@code resource.NewUniqueName} (the length check and its message); terraform-provider-aws
 * validators ({@code elbv2/validate.go validName}, {@code iam/validate.go}, {@code rds/validate.go
 * validIdentifier, validSubnetGroupName, validParamGroupName}, {@code wafv2/web_acl.go},
 * {@code scheduler/schedule.go}, {@code events/validate.go}) and the AWS API references (ElastiCache
 * CreateCacheSubnetGroup, Cloud Map CreatePrivateDnsNamespace).
 */
public enum NameRule {
    /** ELBv2 CreateLoadBalancer: 32, letters, digits, hyphens (the provider auto-names up to 255). */
    LOAD_BALANCER("aws:lb/loadBalancer:LoadBalancer", "name", By.PULUMI, 255, false, 32, "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"),
    /** ELBv2 CreateTargetGroup: 32, letters, digits, hyphens; auto-named within 32. */
    TARGET_GROUP("aws:lb/targetGroup:TargetGroup", "name", By.PULUMI, 32, false, 32, "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"),
    /** IAM CreateRole: 64 of {@code [\w+=,.@-]}; auto-named within 64. */
    IAM_ROLE("aws:iam/role:Role", "name", By.PULUMI, 64, false, 64, "[\\w+=,.@-]+"),
    /** IAM CreatePolicy: 128 of {@code [\w+=,.@-]}. */
    IAM_POLICY("aws:iam/policy:Policy", "name", By.PULUMI, 255, false, 128, "[\\w+=,.@-]+"),
    /** IAM PutRolePolicy: 128 of {@code [\w+=,.@-]}. */
    IAM_ROLE_POLICY("aws:iam/rolePolicy:RolePolicy", "name", By.PULUMI, 255, false, 128, "[\\w+=,.@-]+"),
    /** S3 bucket: 3 to 63 lower-case letters, digits, dots, hyphens; auto-named lower-cased within 63. */
    S3_BUCKET("aws:s3/bucketV2:BucketV2", "bucket", By.PULUMI_LOWER_CASE, 63, true, 63, "[a-z0-9](?:[a-z0-9.-]*[a-z0-9])"),
    /** RDS cluster identifier: 63, lower case, letter first, no {@code --} or trailing hyphen; Terraform names it if unset. */
    RDS_CLUSTER("aws:rds/cluster:Cluster", "clusterIdentifier", By.TERRAFORM, 0, true, 63, "[a-z](?:-?[a-z0-9])*"),
    /** RDS instance in a cluster: same identifier rules; Terraform names it if unset. */
    RDS_CLUSTER_INSTANCE("aws:rds/clusterInstance:ClusterInstance", "identifier", By.TERRAFORM, 0, true, 63, "[a-z](?:-?[a-z0-9])*"),
    /** RDS instance identifier: 63, same rules; the provider appends 7 hex characters without a separator. */
    RDS_INSTANCE("aws:rds/instance:Instance", "identifier", By.PULUMI_NO_SEPARATOR, 255, true, 63, "[a-z](?:-?[a-z0-9])*"),
    /** RDS final snapshot identifier: 255, letter first, no {@code --} or trailing hyphen. */
    RDS_FINAL_SNAPSHOT(null, "finalSnapshotIdentifier", By.REQUIRED, 0, false, 255, "[A-Za-z](?:-?[A-Za-z0-9])*"),
    /** RDS DB subnet group: 255 lower-case letters, digits, periods, underscores, spaces, hyphens. */
    RDS_SUBNET_GROUP("aws:rds/subnetGroup:SubnetGroup", "name", By.PULUMI, 255, true, 255, "[a-z0-9 ._-]+"),
    /** RDS cluster parameter group: 255, lower case, letter first, no {@code --} or trailing hyphen. */
    RDS_CLUSTER_PARAMETER_GROUP("aws:rds/clusterParameterGroup:ClusterParameterGroup", "name", By.PULUMI, 255, true, 255, "[a-z](?:-?[a-z0-9.])*"),
    /** RDS DB parameter group: same rules as a cluster parameter group. */
    RDS_PARAMETER_GROUP("aws:rds/parameterGroup:ParameterGroup", "name", By.PULUMI, 255, true, 255, "[a-z](?:-?[a-z0-9.])*"),
    /** ElastiCache replication group id: 40, lower-cased by the provider, letter first. */
    REPLICATION_GROUP("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", By.PULUMI_LOWER_CASE, 40, true, 40, "[a-z](?:-?[a-z0-9])*"),
    /** ElastiCache subnet group (CreateCacheSubnetGroup): 255 letters, digits or hyphens, stored lower case. */
    CACHE_SUBNET_GROUP("aws:elasticache/subnetGroup:SubnetGroup", "name", By.PULUMI, 255, false, 255, "[A-Za-z0-9-]+"),
    /** ElastiCache user id (required): 40, letter first, letters, digits, hyphens. */
    CACHE_USER_ID("aws:elasticache/user:User", "userId", By.REQUIRED, 0, true, 40, "[a-z](?:-?[a-z0-9])*"),
    /** ElastiCache user group id (required): 40, lower case, letter first. */
    CACHE_USER_GROUP_ID("aws:elasticache/userGroup:UserGroup", "userGroupId", By.REQUIRED, 0, true, 40, "[a-z](?:-?[a-z0-9])*"),
    /** CloudWatch Logs log group: 512 of {@code [.\-_/#A-Za-z0-9]}. */
    LOG_GROUP("aws:cloudwatch/logGroup:LogGroup", "name", By.PULUMI, 255, false, 512, "[.\\-_/#A-Za-z0-9]+"),
    /** CloudWatch alarm name: 255 printable characters. */
    METRIC_ALARM("aws:cloudwatch/metricAlarm:MetricAlarm", "name", By.PULUMI, 255, false, 255, "[^\\p{Cntrl}]+"),
    /** CloudWatch composite alarm name (required): 255 printable characters. */
    COMPOSITE_ALARM("aws:cloudwatch/compositeAlarm:CompositeAlarm", "alarmName", By.REQUIRED, 0, false, 255, "[^\\p{Cntrl}]+"),
    /** CloudWatch dashboard name (required): 255 of letters, digits, {@code -} and {@code _}. */
    DASHBOARD("aws:cloudwatch/dashboard:Dashboard", "dashboardName", By.REQUIRED, 0, false, 255, "[A-Za-z0-9_-]+"),
    /** SNS topic: 256 letters, digits, hyphens, underscores; auto-named within 80. */
    SNS_TOPIC("aws:sns/topic:Topic", "name", By.PULUMI, 80, false, 256, "[A-Za-z0-9_-]+"),
    /** Secrets Manager secret: 512 of {@code [A-Za-z0-9/_+=.@-]}. */
    SECRET("aws:secretsmanager/secret:Secret", "name", By.PULUMI, 255, false, 512, "[A-Za-z0-9/_+=.@-]+"),
    /** SSM parameter: 2048 including the path, letters, digits and {@code ._-/}. */
    SSM_PARAMETER("aws:ssm/parameter:Parameter", "name", By.PULUMI, 255, false, 2048, "[A-Za-z0-9/_.-]+"),
    /** EC2 security group: 255 characters, not starting with {@code sg-}. */
    SECURITY_GROUP("aws:ec2/securityGroup:SecurityGroup", "name", By.PULUMI, 255, false, 255, "(?!sg-)[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]+"),
    /** ECS cluster: 255 letters, digits, hyphens, underscores. */
    ECS_CLUSTER("aws:ecs/cluster:Cluster", "name", By.PULUMI, 255, false, 255, "[A-Za-z0-9_-]+"),
    /** ECS service: 255 letters, digits, hyphens, underscores. */
    ECS_SERVICE("aws:ecs/service:Service", "name", By.PULUMI, 255, false, 255, "[A-Za-z0-9_-]+"),
    /** ECS task definition family (required): 255 letters, digits, hyphens, underscores. */
    TASK_FAMILY("aws:ecs/taskDefinition:TaskDefinition", "family", By.REQUIRED, 0, false, 255, "[A-Za-z0-9_-]+"),
    /** KMS alias: 256 including {@code alias/}, then {@code [A-Za-z0-9:/_-]}. */
    KMS_ALIAS("aws:kms/alias:Alias", "name", By.REQUIRED, 0, false, 256, "alias/(?!aws)[A-Za-z0-9:/_-]+"),
    /** WAFv2 web ACL: 128 of {@code [A-Za-z0-9_-]}. */
    WEB_ACL("aws:wafv2/webAcl:WebAcl", "name", By.PULUMI, 255, false, 128, "[A-Za-z0-9_-]+"),
    /** Application Auto Scaling policy: 255 printable characters. */
    SCALING_POLICY("aws:appautoscaling/policy:Policy", "name", By.PULUMI, 255, false, 255, "[^\\p{Cntrl}]+"),
    /** Cloud Map service: a DNS label, 63 of letters, digits, {@code _-}. */
    DISCOVERY_SERVICE("aws:servicediscovery/service:Service", "name", By.PULUMI, 255, false, 63, "[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?"),
    /** Cloud Map private DNS namespace (CreatePrivateDnsNamespace): the private zone's name, 253 of {@code [!-~]}. */
    DNS_NAMESPACE("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "name", By.PULUMI, 255, false, 253, "[!-~]+"),
    /** EventBridge rule: 64 of {@code [.\-_A-Za-z0-9]}; auto-named within 64. */
    EVENT_RULE("aws:cloudwatch/eventRule:EventRule", "name", By.PULUMI, 64, false, 64, "[.\\-_A-Za-z0-9]+"),
    /** EventBridge Scheduler schedule: 64 of {@code [0-9A-Za-z_.-]}. */
    SCHEDULE("aws:scheduler/schedule:Schedule", "name", By.PULUMI, 255, false, 64, "[0-9A-Za-z_.-]+"),
    /** ECR repository: 256, lower-case path segments joined by {@code ._-}; the provider does not lower-case. */
    ECR_REPOSITORY("aws:ecr/repository:Repository", "name", By.PULUMI, 255, true, 256, "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"),
    /** EFS creation token: 64 characters. */
    EFS_FILE_SYSTEM("aws:efs/fileSystem:FileSystem", "creationToken", By.PULUMI, 255, false, 64, ".+");

    /** Who picks a name the program leaves out. */
    public enum By {
        /** pulumi-aws: logical name, {@code -}, 7 random hex characters. */
        PULUMI,
        /** pulumi-aws: lower-cased logical name, {@code -}, 7 random hex characters. */
        PULUMI_LOWER_CASE,
        /** pulumi-aws: logical name and 7 random hex characters, no separator. */
        PULUMI_NO_SEPARATOR,
        /** terraform-provider-aws: {@code tf-} and 26 characters. */
        TERRAFORM,
        /** Nobody: the input is required. */
        REQUIRED
    }

    /** Characters the provider appends at most: a hyphen and 7 random hex digits. */
    public static final int RANDOM_SUFFIX = 8;

    private final String type;
    private final String property;
    private final By by;
    private final int providerMaxLength;
    private final boolean lowerCase;
    private final int maxLength;
    private final Pattern charset;

    NameRule(String type, String property, By by, int providerMaxLength, boolean lowerCase, int maxLength, String charset) {
        this.type = type;
        this.property = property;
        this.by = by;
        this.providerMaxLength = providerMaxLength;
        this.lowerCase = lowerCase;
        this.maxLength = maxLength;
        this.charset = Pattern.compile(charset);
    }

    /** The rule for a Pulumi type token, if this project names that type. */
    public static Optional<NameRule> forType(String type) {
        return Arrays.stream(values()).filter(rule -> type.equals(rule.type)).findFirst();
    }

    /** Input property that carries the physical name. */
    public String property() {
        return property;
    }

    /**
     * Whether the provider names a resource the program leaves unnamed (pulumi-aws auto-naming): then a name the
     * program sets is the user's, and the bridge replaces such a resource delete-before-create
     * (pulumi-terraform-bridge {@code nameRequiresDeleteBeforeReplace}).
     */
    public boolean autoNamedByProvider() {
        return by == By.PULUMI || by == By.PULUMI_LOWER_CASE || by == By.PULUMI_NO_SEPARATOR;
    }

    /** Longest name AWS accepts. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether AWS accepts lower case only. */
    public boolean lowerCase() {
        return lowerCase;
    }

    /**
     * The name the provider would generate from a logical name and random characters ({@code tf-}
     * and 26 of them for Terraform-generated names, 7 hex otherwise). Fails like the provider's
     * check (pulumi {@code resource.NewUniqueName}) when the result would exceed its maximum.
     */
    public String generate(String typeToken, String logicalName, String random) {
        return switch (by) {
            case TERRAFORM -> "tf-" + random.substring(0, 26);
            case REQUIRED -> throw new IllegalArgumentException(typeToken + " " + logicalName + ": " + property + " is required");
            case PULUMI, PULUMI_LOWER_CASE, PULUMI_NO_SEPARATOR -> {
                String prefix = (by == By.PULUMI_LOWER_CASE ? logicalName.toLowerCase(Locale.ROOT) : logicalName)
                        + (by == By.PULUMI_NO_SEPARATOR ? "" : "-");
                if (prefix.length() + 7 > providerMaxLength) {
                    throw new IllegalArgumentException("could not make instance of '" + typeToken + "': name '" + prefix
                            + "' plus 7 random chars is longer than maximum length " + providerMaxLength);
                }
                yield prefix + random.substring(0, 7);
            }
        };
    }

    /** Why AWS would refuse {@code name}, or empty when it accepts it. */
    public Optional<String> violation(String name) {
        if (name.length() > maxLength) {
            return Optional.of("'" + name + "' is " + name.length() + " characters; AWS allows at most " + maxLength);
        }
        if (!charset.matcher(name).matches()) {
            return Optional.of("'" + name + "' does not match AWS's naming rule " + charset.pattern());
        }
        return Optional.empty();
    }
}

package dev.llmgateway.gateway;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.SubnetTier;

import java.util.List;
import java.util.Optional;

/**
 * What the stack exports, from the gateway's getters, for operators and for the systems that integrate with it
 * (a firewall team's rules, a DNS record, another stack's security group rule, an IAM policy): addresses, ids, ARNs and
 * names that stay the same from one update to the next. Secret values stay secret outputs. {@link #CATALOG} describes
 * every output, so docs/outputs.md is generated and a test fails when an output is undocumented.
 */
public final class StackOutputs {

    /**
     * An output and what it is for.
     *
     * @param name        the output's name ({@code <user>} stands for each name in {@code vpnUsers})
     * @param description what it holds and what to do with it
     * @param when        which stacks export it
     */
    public record Documented(String name, String description, String when) {
    }

    private static final String ALWAYS = "every stack";
    private static final String BALANCED = "stacks with a load balancer (not private)";

    /** Every output a stack may export, in the order docs/outputs.md lists them. */
    public static final List<Documented> CATALOG = List.of(
            new Documented("gatewayUrl", "Base URL clients call (OpenAI-compatible API under /v1); http://localhost:4000 through"
                    + " scripts/gateway-tunnel.sh in private mode.", ALWAYS),
            new Documented("adminUiUrl", "LiteLLM admin UI (gatewayUrl + /ui).", ALWAYS),
            new Documented("grafanaUrl", "Grafana (gatewayUrl + /grafana).", "metrics: prometheus"),
            new Documented("grafanaPasswordSecretArn", "Grafana admin password (secret store ARN).", "metrics: prometheus"),
            new Documented("masterKeySecretArn", "LiteLLM master key: create virtual keys with it (docs/using-the-gateway.md).", ALWAYS),
            new Documented("uiPasswordSecretArn", "Admin UI password of the user admin.", ALWAYS),
            new Documented("saltKeySecretArn", "LiteLLM salt key (encrypts stored credentials; never rotated).", ALWAYS),
            new Documented("kmsKeyArn", "The stack's customer managed key: grant it to a consumer that reads the stack's secrets"
                    + " or logs.", ALWAYS),
            new Documented("kmsKeyId", "The same key's id.", ALWAYS),
            new Documented("databaseSecretArn", "RDS-managed master secret (username, password) of PostgreSQL.", ALWAYS),
            new Documented("databaseEndpoint", "PostgreSQL writer host name.", ALWAYS),
            new Documented("databaseIdentifier", "RDS instance or Aurora cluster identifier.", ALWAYS),
            new Documented("databaseSubnetGroupName", "The database's subnet group.", ALWAYS),
            new Documented("databaseSecurityGroupId", "The database's security group: admits only the proxy tasks.", ALWAYS),
            new Documented("databaseParameterGroupName", "The database's parameter group.", ALWAYS),
            new Documented("standbyDatabaseIdentifier", "The database in the slot that does not serve (a restored copy to"
                    + " check, or the one it replaced).", "dbSlots: [a, b]"),
            new Documented("standbyDatabaseSecretArn", "RDS-managed master secret of that database.", "dbSlots: [a, b]"),
            new Documented("cacheSecurityGroupId", "The Redis cache's security group: admits only the proxy tasks.", "redis: true"),
            new Documented("clusterName", "ECS cluster name.", ALWAYS),
            new Documented("clusterArn", "ECS cluster ARN.", ALWAYS),
            new Documented("serviceName", "ECS service name of the proxy.", ALWAYS),
            new Documented("taskDefinitionArn", "Task definition the service should run (.ci/check-deployment compares it).", ALWAYS),
            new Documented("taskRoleArn", "Role the LiteLLM tasks run as (Bedrock, the config object, database sign-in): trust it"
                    + " from a resource policy elsewhere.", ALWAYS),
            new Documented("executionRoleArn", "Role ECS pulls images and resolves secrets with.", ALWAYS),
            new Documented("taskSecurityGroupId", "The proxy tasks' security group: reference it to let the gateway reach"
                    + " something (a model server in a peered VPC).", ALWAYS),
            new Documented("logGroups", "CloudWatch log groups of the proxy's containers.", ALWAYS),
            new Documented("alarmTopicArn", "SNS topic of alarms and failed deployments: subscribe a pager or chat.", ALWAYS),
            new Documented("dashboardName", "CloudWatch dashboard.", "dashboard: true"),
            new Documented("vpcId", "VPC the gateway runs in (created, or the existing vpcId).", ALWAYS),
            new Documented("publicSubnetIds", "Public subnets (empty for an existing network without them).", ALWAYS),
            new Documented("privateSubnetIds", "Subnets of the tasks (and of an internal load balancer).", ALWAYS),
            new Documented("isolatedSubnetIds", "Subnets of the database and cache.", ALWAYS),
            new Documented("loadBalancerArn", "Application Load Balancer ARN.", BALANCED),
            new Documented("loadBalancerName", "Its name (stable across updates).", BALANCED),
            new Documented("loadBalancerDnsName", "Its AWS DNS name: the target of a CNAME or alias you manage.", BALANCED),
            new Documented("loadBalancerZoneId", "Its canonical hosted zone id, for an alias record.", BALANCED),
            new Documented("loadBalancerSecurityGroupId", "The load balancer's security group.", BALANCED),
            new Documented("listenerArn", "The listener that serves requests (HTTPS, or HTTP when allowPlainHttp): add listener"
                    + " rules to it.", BALANCED),
            new Documented("targetGroupArn", "Target group of the proxy tasks.", BALANCED),
            new Documented("targetGroupName", "Its name.", BALANCED),
            new Documented("webAclArn", "WAF web ACL on the load balancer.", "waf: true"),
            new Documented("imageRepositoryUrl", "ECR repository for a gateway image built from litellm/.", "imageRepository: true"),
            new Documented("vpnEndpointId", "Client VPN endpoint.", "accessMode: vpn"),
            new Documented("vpnClientConfiguration", "Shared .ovpn profile (secret) when vpnUsers is empty.", "accessMode: vpn"),
            new Documented("vpnClientConfiguration-<user>", "One .ovpn profile (secret) per name in vpnUsers.", "accessMode: vpn"),
            new Documented("loadBalancerUrl", "The origin behind CloudFront: refuses requests that bypass CloudFront.", "accessMode: edge"),
            new Documented("cloudFrontDistributionId", "CloudFront distribution.", "accessMode: edge"));

    private StackOutputs() {
    }

    /** Exports the gateway's addresses, secret ARNs, names and ids. */
    static void export(Context ctx, LiteLlmGateway gateway) {
        Output<String> url = gateway.url();
        var secrets = gateway.secrets();
        var database = gateway.database();
        var proxy = gateway.proxy();
        var observability = gateway.observability();
        var network = gateway.network();
        ctx.export("gatewayUrl", url);
        ctx.export("adminUiUrl", url.applyValue(u -> u + "/ui"));
        gateway.metrics().ifPresent(m -> {
            ctx.export("grafanaUrl", url.applyValue(u -> u + "/grafana"));
            ctx.export("grafanaPasswordSecretArn", secrets.vault().arn(GatewaySecrets.GRAFANA_PASSWORD));
        });
        ctx.export("masterKeySecretArn", secrets.vault().arn(GatewaySecrets.MASTER_KEY));
        ctx.export("uiPasswordSecretArn", secrets.vault().arn(GatewaySecrets.UI_PASSWORD));
        ctx.export("saltKeySecretArn", secrets.vault().arn(GatewaySecrets.SALT_KEY));
        ctx.export("kmsKeyArn", gateway.key().arn());
        ctx.export("kmsKeyId", gateway.key().keyId());
        ctx.export("databaseSecretArn", database.masterSecretArn());
        ctx.export("databaseEndpoint", database.endpoint());
        ctx.export("databaseIdentifier", Output.of(database.identifier()));
        ctx.export("databaseSubnetGroupName", database.subnetGroupName());
        ctx.export("databaseSecurityGroupId", database.securityGroupId());
        ctx.export("databaseParameterGroupName", database.parameterGroupName());
        gateway.standbyDatabase().ifPresent(standby -> {
            ctx.export("standbyDatabaseIdentifier", Output.of(standby.identifier()));
            ctx.export("standbyDatabaseSecretArn", standby.masterSecretArn());
        });
        gateway.cache().ifPresent(cache -> ctx.export("cacheSecurityGroupId", cache.securityGroupId()));
        ctx.export("clusterName", proxy.clusterName());
        ctx.export("clusterArn", proxy.clusterArn());
        ctx.export("serviceName", proxy.serviceName());
        ctx.export("taskDefinitionArn", proxy.taskDefinitionArn());
        ctx.export("taskRoleArn", proxy.taskRoleArn());
        ctx.export("executionRoleArn", proxy.executionRoleArn());
        ctx.export("taskSecurityGroupId", proxy.taskSecurityGroupId());
        ctx.export("logGroups", Output.all(List.copyOf(proxy.logGroupNames().values())));
        ctx.export("alarmTopicArn", observability.topicArn());
        observability.dashboardName().ifPresent(name -> ctx.export("dashboardName", name));
        ctx.export("vpcId", network.vpcId());
        ctx.export("publicSubnetIds", network.subnetIds(SubnetTier.PUBLIC));
        ctx.export("privateSubnetIds", network.subnetIds(SubnetTier.PRIVATE));
        ctx.export("isolatedSubnetIds", network.subnetIds(SubnetTier.ISOLATED));
        loadBalancer(ctx, proxy);
        gateway.images().ifPresent(repository -> ctx.export("imageRepositoryUrl", repository.repositoryUrl()));
        gateway.entrance().export(ctx);
    }

    /** The load balancer's ids and names, for DNS, firewall rules and listener rules kept elsewhere. */
    private static void loadBalancer(Context ctx, ProxyService proxy) {
        Optional.of(proxy).filter(ProxyService::loadBalanced).map(ProxyService::loadBalancer).ifPresent(balancer -> {
            ctx.export("loadBalancerArn", balancer.loadBalancer().arn());
            ctx.export("loadBalancerName", balancer.loadBalancer().name());
            ctx.export("loadBalancerDnsName", balancer.loadBalancer().dnsName());
            ctx.export("loadBalancerZoneId", balancer.loadBalancer().zoneId());
            ctx.export("loadBalancerSecurityGroupId", balancer.securityGroup().id());
            ctx.export("listenerArn", balancer.servingListener().arn());
            ctx.export("targetGroupArn", balancer.targetGroup().arn());
            ctx.export("targetGroupName", balancer.targetGroup().name());
            balancer.webAclArn().ifPresent(acl -> ctx.export("webAclArn", acl));
        });
    }
}

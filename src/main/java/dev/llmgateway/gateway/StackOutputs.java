package dev.llmgateway.gateway;

import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;

/** What the stack exports for operators, from the gateway's getters; secret values stay secret outputs. */
final class StackOutputs {

    private StackOutputs() {
    }

    /** Exports the gateway's addresses, secret ARNs, names and ids. */
    static void export(Context ctx, LiteLlmGateway gateway) {
        Output<String> url = gateway.url();
        var secrets = gateway.secrets();
        var database = gateway.database();
        var proxy = gateway.proxy();
        var observability = gateway.observability();
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
        ctx.export("databaseSecretArn", database.masterSecretArn());
        ctx.export("databaseEndpoint", database.endpoint());
        ctx.export("databaseIdentifier", Output.of(database.identifier()));
        ctx.export("databaseSubnetGroupName", database.subnetGroupName());
        ctx.export("databaseSecurityGroupId", database.securityGroupId());
        ctx.export("databaseParameterGroupName", database.parameterGroupName());
        ctx.export("clusterName", proxy.clusterName());
        ctx.export("serviceName", proxy.serviceName());
        ctx.export("taskDefinitionArn", proxy.taskDefinitionArn());
        ctx.export("logGroups", Output.all(List.copyOf(proxy.logGroupNames().values())));
        ctx.export("alarmTopicArn", observability.topicArn());
        observability.dashboardName().ifPresent(name -> ctx.export("dashboardName", name));
        ctx.export("vpcId", gateway.network().vpcId());
        gateway.images().ifPresent(repository -> ctx.export("imageRepositoryUrl", repository.repositoryUrl()));
        gateway.entrance().export(ctx);
    }
}

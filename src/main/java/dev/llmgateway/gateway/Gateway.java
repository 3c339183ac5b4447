package dev.llmgateway.gateway;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.components.secrets.SecretVault;
import dev.llmgateway.components.secrets.SecretVaultArgs;
import dev.llmgateway.components.vpc.Vpc;
import dev.llmgateway.components.vpc.VpcArgs;
import dev.llmgateway.gateway.settings.StackSettings;

/**
 * Wires the components into the LiteLLM gateway: provider and key, network, secrets, database,
 * proxy service, access (VPN), observability; then exports what operators need. Every choice
 * comes from {@link StackSettings}; there is no per-stack code.
 */
public final class Gateway {

    private Gateway() {
    }

    /** Declares every resource of the stack described by {@code s}. */
    public static void deploy(Context ctx, StackSettings s) {
        String prefix = "llm-" + s.stack();
        var provider = new Provider(prefix, ProviderArgs.builder()
                .region(s.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(s.tags().tags()).build())
                .build());
        var withProvider = ComponentResourceOptions.builder().providers(provider).build();
        var invoke = InvokeOptions.builder().provider(provider).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(identity -> identity.accountId());

        var key = new EncryptionKey(prefix, EncryptionKeyArgs.builder()
                .accountId(account).region(s.region())
                .description("LiteLLM gateway " + s.stack() + ": secrets, database, logs, alarms")
                .build(), withProvider);

        var networkArgs = VpcArgs.builder()
                .cidr(s.network().cidr())
                .region(s.region())
                .availabilityZones(AwsFunctions.getAvailabilityZones(
                                GetAvailabilityZonesArgs.builder().state("available").build(), invoke)
                        .applyValue(zones -> zones.names()))
                .azCount(s.network().azCount())
                .natStrategy(s.network().nat())
                .interfaceEndpoints(s.network().endpoints())
                .flowLogRetentionDays(s.network().flowLogRetentionDays())
                .kmsKeyArn(key.arn());
        s.network().subnetCidrs().forEach(networkArgs::subnetCidrs);
        var network = new Vpc(prefix, networkArgs.build(), withProvider);

        var vault = new SecretVault(prefix + "-secrets", secretArgs(prefix, s, key.arn()), withProvider);

        s.vpn().ifPresent(vpnSettings -> {
            var vpn = Access.clientVpn(prefix, vpnSettings, network, key.arn(), s.observability().logRetentionDays(), withProvider);
            ctx.export("vpnEndpointId", vpn.endpointId());
            ctx.export("vpnClientConfiguration", vpn.clientConfiguration());
        });

        ctx.export("vpcId", network.vpcId());
        ctx.export("kmsKeyArn", key.arn());
        ctx.export("masterKeySecretArn", vault.arn("master-key"));
    }

    private static SecretVaultArgs secretArgs(String prefix, StackSettings s, Output<String> keyArn) {
        var generated = GeneratedSecrets.generate(prefix, s.secrets().masterKeyVersion());
        return SecretVaultArgs.builder()
                .store(s.secrets().store())
                .kmsKeyArn(keyArn)
                .pathPrefix(s.project() + "/" + s.stack())
                .entry("master-key", generated.masterKey(), "LiteLLM master key (admin API key)")
                .entry("salt-key", generated.saltKey(), "LiteLLM salt key: encrypts stored credentials; never change")
                .entry("ui-password", generated.uiPassword(), "LiteLLM admin UI password")
                .build();
    }
}

package dev.llmgateway.gateway.access;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.gateway.settings.AccessSettings;

import java.util.Map;

/**
 * What an access mode needs from the gateway to open its way in.
 *
 * @param prefix           resource name prefix ({@code llm-<stack>})
 * @param stack            stack name, for descriptions
 * @param region           the stack's region
 * @param tags             the stack's default tags, for a provider of another region
 * @param settings         the load balancer's settings (certificate, domain, WAF)
 * @param network          the VPC
 * @param key              the stack's customer key
 * @param account          account id
 * @param partition        ARN partition
 * @param logRetentionDays retention of the logs the mode writes
 * @param parent           the gateway: parent of everything the mode creates
 * @param options          options of the mode's components: the gateway as parent, the stack's AWS provider
 * @param invoke           options of the mode's lookups
 */
public record AccessContext(String prefix, String stack, String region, Map<String, String> tags, AccessSettings settings,
                            Network network, EncryptionKey key, Output<String> account, Output<String> partition,
                            int logRetentionDays, Resource parent, ComponentResourceOptions options, InvokeOptions invoke) {

    /** Options of a resource of another provider (random, a second AWS region) the mode creates. */
    CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(parent).build();
    }
}

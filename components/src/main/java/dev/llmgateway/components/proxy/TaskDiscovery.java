package dev.llmgateway.components.proxy;

import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.Service;
import com.pulumi.aws.servicediscovery.ServiceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * A private Cloud Map DNS name with one A record per running task of a service
 * ({@code <service>.<namespace>}), so tools inside the VPC (a metrics scraper) can reach every task.
 */
public class TaskDiscovery extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:proxy:TaskDiscovery";

    private final Output<String> registryArn;
    private final String dnsName;

    /** Creates namespace {@code namespace} (private to {@code vpcId}) and service {@code service} in it. */
    public TaskDiscovery(String name, Output<String> vpcId, String namespace, String service, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        var zone = new PrivateDnsNamespace(name, PrivateDnsNamespaceArgs.builder()
                .name(namespace).vpc(vpcId).description("Task discovery inside the VPC").build(), child);
        var registry = new Service(name, ServiceArgs.builder()
                .name(service)
                .dnsConfig(ServiceDnsConfigArgs.builder()
                        .namespaceId(zone.id())
                        .routingPolicy("MULTIVALUE")
                        .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder().type("A").ttl(10).build())
                        .build())
                .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder().failureThreshold(1).build())
                .build(), child);
        this.registryArn = registry.arn();
        this.dnsName = service + "." + namespace;
        registerOutputs(Map.of("registryArn", registryArn));
    }

    /** Registry ARN for the ECS service's {@code serviceRegistries}. */
    public Output<String> registryArn() {
        return registryArn;
    }

    /** The DNS name that resolves to every task. */
    public String dnsName() {
        return dnsName;
    }
}

package dev.llmgateway.gateway.access;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.dns.ValidatedCertificate;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.gateway.settings.AccessSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every mode with a load balancer shares: the listener certificate (the configured ARN, or a DNS-validated one
 * for {@code albDomainName}) and the load balancer's address (an alias record for {@code albDomainName}, else its
 * generated DNS name).
 */
abstract class LoadBalancerEntrance implements Entrance {

    private final AccessContext context;
    private final Optional<Output<String>> certificate;

    LoadBalancerEntrance(AccessContext context) {
        this.context = context;
        AccessSettings a = context.settings();
        this.certificate = a.certificateArn().isPresent()
                ? a.certificateArn().map(Output::of)
                : a.domainName().map(domain -> new ValidatedCertificate(context.prefix() + "-alb-cert", domain,
                        a.hostedZoneId().orElseThrow(), context.options()).arn());
    }

    AccessContext context() {
        return context;
    }

    @Override
    public Optional<Output<String>> listenerCertificateArn() {
        return certificate;
    }

    @Override
    public Map<String, Output<String>> certificates() {
        return certificate.map(arn -> Map.of("alb", arn)).orElse(Map.of());
    }

    /** The load balancer's address: {@code https://<albDomainName>} through an alias record, else its own name. */
    Output<String> loadBalancerUrl(ProxyService proxy) {
        AccessSettings a = context.settings();
        a.domainName().ifPresent(domain -> ValidatedCertificate.alias(context.prefix() + "-alb", domain,
                a.hostedZoneId().orElseThrow(), proxy.loadBalancerDnsName(), proxy.loadBalancerZoneId(), List.of("A"),
                CustomResourceOptions.builder().parent(proxy).build()));
        return a.domainName().map(domain -> Output.of("https://" + domain)).orElse(proxy.url());
    }
}

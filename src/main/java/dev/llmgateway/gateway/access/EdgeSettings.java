package dev.llmgateway.gateway.access;

import dev.llmgateway.components.edge.EdgeDistributionArgs;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.Optional;

/**
 * CloudFront in front of the gateway ({@code accessMode: edge}).
 *
 * @param originDomain              {@code edgeOriginDomain} (default {@code albDomainName}): a DNS name of the load
 *                                  balancer covered by its certificate; set = CloudFront reaches the origin over HTTPS
 * @param domainName                {@code edgeDomainName}: the public name (certificate and records in {@code edgeHostedZoneId})
 * @param hostedZoneId              {@code edgeHostedZoneId}
 * @param waf                       {@code edgeWaf}: CloudFront-scoped WAF
 * @param originReadTimeoutSeconds  {@code edgeOriginReadTimeoutSeconds}: 1..180 (above 60 needs a quota increase)
 * @param priceClass                {@code edgePriceClass}
 */
public record EdgeSettings(Optional<String> originDomain, Optional<String> domainName, Optional<String> hostedZoneId,
                           boolean waf, int originReadTimeoutSeconds, String priceClass) {

    /** Reads and validates the edge settings against the load balancer's TLS settings. */
    static EdgeSettings read(SettingsReader r, boolean https, Optional<String> albDomain, boolean allowPlainHttp) {
        Optional<String> origin = r.optional("edgeOriginDomain").or(() -> albDomain);
        if (origin.isPresent() && !https) {
            throw r.invalid("edgeOriginDomain", origin.get(), "set only together with litellm-gateway:certificateArn, whose"
                    + " certificate must cover it (CloudFront checks the origin's certificate)");
        }
        if (origin.isEmpty() && https) {
            throw r.invalid("edgeOriginDomain", "", "a load balancer DNS name covered by litellm-gateway:certificateArn: with a"
                    + " certificate the load balancer's port 80 only redirects to HTTPS, so CloudFront must reach it over HTTPS under"
                    + " a name the certificate covers (allowPlainHttp does not change that)");
        }
        if (origin.isEmpty() && !allowPlainHttp) {
            throw r.invalid("edgeOriginDomain", "", "a load balancer DNS name covered by certificateArn for HTTPS from CloudFront"
                    + " to the origin, or litellm-gateway:allowPlainHttp = true to accept plain HTTP on that hop");
        }
        Optional<String> domain = r.optional("edgeDomainName");
        Optional<String> zone = r.optional("edgeHostedZoneId");
        if (domain.isPresent() != zone.isPresent()) {
            throw r.invalid(domain.isPresent() ? "edgeHostedZoneId" : "edgeDomainName", "",
                    "edgeDomainName and edgeHostedZoneId go together (the certificate is validated in that zone)");
        }
        String priceClass = r.string("edgePriceClass");
        if (!priceClass.matches("PriceClass_(100|200|All)")) {
            throw r.invalid("edgePriceClass", priceClass, "PriceClass_100, PriceClass_200 or PriceClass_All");
        }
        return new EdgeSettings(origin, domain, zone, r.bool("edgeWaf"),
                r.integer("edgeOriginReadTimeoutSeconds", 1, EdgeDistributionArgs.MAX_ORIGIN_READ_TIMEOUT_SECONDS), priceClass);
    }
}

package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.vpc.Cidr;

import java.util.List;
import java.util.Optional;

/**
 * How the gateway is reached: access mode, who may enter, TLS and the load balancer's guard rails.
 *
 * @param mode                 {@code accessMode}
 * @param allowedCidrs         {@code allowedCidrs}: who may reach a public load balancer
 * @param certificateArn       {@code certificateArn}: ACM certificate for the HTTPS listener
 * @param allowPlainHttp       {@code allowPlainHttp}: serve HTTP without TLS (throwaway stacks only)
 * @param waf                  {@code waf}: AWS WAF web ACL on the load balancer
 * @param wafRateLimit         {@code wafRateLimit}: requests per 5 minutes per IP
 * @param deletionProtection   {@code albDeletionProtection}
 * @param accessLogs           {@code albAccessLogs}
 * @param idleTimeoutSeconds   {@code albIdleTimeoutSeconds}: at least 120 for streamed completions
 * @param edge                 CloudFront settings, present in {@code edge} mode
 * @param domainName           {@code albDomainName}: the load balancer's DNS name in {@code albHostedZoneId}; without
 *                             {@code certificateArn} a DNS-validated certificate is created for it; required with
 *                             {@code certificateArn} outside edge mode, so the exported URL is one the certificate covers
 * @param hostedZoneId         {@code albHostedZoneId}
 */
public record AccessSettings(AccessMode mode, List<Cidr> allowedCidrs, Optional<String> certificateArn,
                             boolean allowPlainHttp, boolean waf, int wafRateLimit, boolean deletionProtection,
                             boolean accessLogs, int idleTimeoutSeconds, Optional<EdgeSettings> edge,
                             Optional<String> domainName, Optional<String> hostedZoneId) {

    private static final Cidr ANYWHERE = Cidr.of("0.0.0.0/0");

    /** Reads and validates the access settings. */
    public static AccessSettings read(SettingsReader r) {
        AccessMode mode = r.choice("accessMode", AccessMode.class, AccessMode.PUBLIC);
        List<Cidr> allowed = r.cidrs("allowedCidrs", List.of());
        Optional<String> certificate = r.optional("certificateArn");
        certificate.filter(arn -> !arn.matches("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+"))
                .ifPresent(arn -> {
                    throw r.invalid("certificateArn", arn, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
                });
        boolean plainHttp = r.bool("allowPlainHttp", false);
        boolean waf = r.bool("waf", false);
        Optional<String> domain = r.optional("albDomainName");
        Optional<String> zone = r.optional("albHostedZoneId");
        if (domain.isPresent() != zone.isPresent()) {
            throw r.invalid(domain.isPresent() ? "albHostedZoneId" : "albDomainName", "",
                    "albDomainName and albHostedZoneId go together (the record and the certificate's validation live in that zone)");
        }
        if (certificate.isEmpty() && domain.isEmpty() && !plainHttp) {
            throw r.invalid("certificateArn", "", "required for HTTPS (or albDomainName + albHostedZoneId for a DNS-validated"
                    + " certificate); for a throwaway stack set litellm-gateway:allowPlainHttp to true instead (API keys then cross"
                    + " the network unencrypted)");
        }
        if (certificate.isPresent() && domain.isEmpty() && mode != AccessMode.EDGE) {
            throw r.invalid("albDomainName", "", "a DNS name that certificateArn covers, with albHostedZoneId: the stack"
                    + " points it at the load balancer and exports https://<albDomainName> as gatewayUrl (the load"
                    + " balancer's own AWS host name is not covered by your certificate, so clients would fail TLS verification)");
        }
        if (mode == AccessMode.PUBLIC) {
            if (allowed.isEmpty()) {
                throw r.invalid("allowedCidrs", "[]", "at least one CIDR for a public load balancer (your office or CI"
                        + " egress range), or accessMode vpn");
            }
            if (allowed.contains(ANYWHERE) && !waf) {
                throw r.invalid("allowedCidrs", "0.0.0.0/0", "the whole internet only with litellm-gateway:waf = true");
            }
        } else if (!allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", allowed, "empty in " + SettingsReader.spelling(mode)
                    + " mode: only " + (mode == AccessMode.VPN ? "Client VPN users reach the internal" : "CloudFront reaches the")
                    + " load balancer");
        }
        boolean https = certificate.isPresent() || domain.isPresent();
        Optional<EdgeSettings> edge = mode == AccessMode.EDGE ? Optional.of(EdgeSettings.read(r, https, domain, plainHttp)) : Optional.empty();
        return new AccessSettings(mode, allowed, certificate, plainHttp, waf,
                r.integer("wafRateLimit", 2000, 100, 2_000_000_000),
                r.bool("albDeletionProtection", true),
                r.bool("albAccessLogs", true),
                r.integer("albIdleTimeoutSeconds", 300, 120, 4000), edge, domain, zone);
    }
}

package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.network.Cidr;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param idleTimeoutSeconds   {@code albIdleTimeoutSeconds}: at least 120, and more than the request timeout
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

    /** In private mode nothing configures a load balancer: each such setting is an error, not silently ignored. */
    private static void checkNoLoadBalancer(SettingsReader r, Optional<String> certificate, boolean plainHttp, boolean waf,
                                            Optional<String> domain, List<Cidr> allowed) {
        String why = "unset in private mode (no load balancer: operators use SSM port forwarding to localhost:4000)";
        certificate.ifPresent(c -> {
            throw r.invalid("certificateArn", c, why);
        });
        domain.ifPresent(d -> {
            throw r.invalid("albDomainName", d, why);
        });
        if (plainHttp) {
            throw r.invalid("allowPlainHttp", true, why);
        }
        if (waf) {
            throw r.invalid("waf", true, why);
        }
        if (!allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", allowed, "empty in private mode (no inbound rule exists)");
        }
    }

    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:(aws[a-z-]*):acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+");

    /** Reads and validates the access settings of a stack in {@code region}. */
    public static AccessSettings read(SettingsReader r, String region) {
        AccessMode mode = r.choice("accessMode", AccessMode.class, AccessMode.PUBLIC);
        List<Cidr> allowed = r.cidrs("allowedCidrs", List.of());
        Optional<String> certificate = r.optional("certificateArn");
        certificate.ifPresent(arn -> checkCertificate(r, arn, region));
        boolean plainHttp = r.bool("allowPlainHttp", false);
        boolean waf = r.bool("waf", false);
        Optional<String> domain = r.optional("albDomainName");
        Optional<String> zone = r.optional("albHostedZoneId");
        if (domain.isPresent() != zone.isPresent()) {
            throw r.invalid(domain.isPresent() ? "albHostedZoneId" : "albDomainName", "",
                    "albDomainName and albHostedZoneId go together (the record and the certificate's validation live in that zone)");
        }
        if (mode == AccessMode.PRIVATE) {
            checkNoLoadBalancer(r, certificate, plainHttp, waf, domain, allowed);
        } else if (certificate.isEmpty() && domain.isEmpty() && !plainHttp) {
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
        } else if (!allowed.isEmpty() && mode != AccessMode.PRIVATE) {
            throw r.invalid("allowedCidrs", allowed, "empty in " + SettingsReader.spelling(mode)
                    + " mode: only " + (mode == AccessMode.VPN ? "Client VPN users reach the internal" : "CloudFront reaches the")
                    + " load balancer");
        }
        boolean https = certificate.isPresent() || domain.isPresent();
        Optional<EdgeSettings> edge = mode == AccessMode.EDGE ? Optional.of(EdgeSettings.read(r, https, domain, plainHttp)) : Optional.empty();
        return new AccessSettings(mode, allowed, certificate, plainHttp, waf,
                // AWS WAF developer guide, "Rate-based rule high-level settings": the lowest limit allowed is 10.
                r.integer("wafRateLimit", 2000, 10, 2_000_000_000),
                r.bool("albDeletionProtection", true),
                r.bool("albAccessLogs", true),
                r.integer("albIdleTimeoutSeconds", 660, 120, 4000), edge, domain, zone);
    }

    /**
     * The load balancer's certificate must be an ACM certificate of the stack's own region and
     * partition: an ALB listener accepts only certificates from its region (ACM user guide,
     * "Integrated services": the certificate must be requested or imported in the same region).
     */
    private static void checkCertificate(SettingsReader r, String arn, String region) {
        Matcher m = CERTIFICATE_ARN.matcher(arn);
        if (!m.matches()) {
            throw r.invalid("certificateArn", arn, "an ACM certificate ARN (arn:" + Regions.partition(region) + ":acm:" + region
                    + ":<account>:certificate/<id>)");
        }
        if (!m.group(2).equals(region) || !m.group(1).equals(Regions.partition(region))) {
            throw r.invalid("certificateArn", arn, "a certificate in the stack's region aws:region = " + region + " (partition "
                    + Regions.partition(region) + "): the load balancer cannot use a certificate from " + m.group(2));
        }
    }
}

package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.gateway.access.Access;
import dev.llmgateway.gateway.access.AccessMode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the gateway is reached: the access mode with its own settings, and what every load balancer shares (TLS, WAF,
 * timeouts, guard rails).
 *
 * @param mode                 {@code accessMode} and the mode's own settings ({@link Access})
 * @param certificateArn       {@code certificateArn}: ACM certificate for the HTTPS listener
 * @param allowPlainHttp       {@code allowPlainHttp}: serve HTTP without TLS (throwaway stacks only)
 * @param waf                  {@code waf}: AWS WAF web ACL on the load balancer
 * @param wafRateLimit         {@code wafRateLimit}: requests per 5 minutes per IP
 * @param deletionProtection   {@code albDeletionProtection}
 * @param accessLogs           {@code albAccessLogs}
 * @param idleTimeoutSeconds   {@code albIdleTimeoutSeconds}: at least 120, and more than the request timeout
 * @param domainName           {@code albDomainName}: the load balancer's DNS name in {@code albHostedZoneId}; without
 *                             {@code certificateArn} a DNS-validated certificate is created for it; required with
 *                             {@code certificateArn} outside edge mode, so the exported URL is one the certificate covers
 * @param hostedZoneId         {@code albHostedZoneId}
 */
public record AccessSettings(Access mode, Optional<String> certificateArn, boolean allowPlainHttp, boolean waf,
                             int wafRateLimit, boolean deletionProtection, boolean accessLogs, int idleTimeoutSeconds,
                             Optional<String> domainName, Optional<String> hostedZoneId) {

    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:(aws[a-z-]*):acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+");

    /** Reads and validates the access settings of a stack in {@code region} with {@code network}. */
    public static AccessSettings read(SettingsReader r, String region, NetworkSettings network) {
        AccessMode kind = r.choice("accessMode", AccessMode.class);
        List<Cidr> allowed = r.cidrs("allowedCidrs");
        Optional<String> certificate = r.optional("certificateArn");
        certificate.ifPresent(arn -> checkCertificate(r, arn, region));
        boolean plainHttp = r.bool("allowPlainHttp");
        boolean waf = r.bool("waf");
        Optional<String> domain = r.optional("albDomainName");
        Optional<String> zone = r.optional("albHostedZoneId");
        if (domain.isPresent() != zone.isPresent()) {
            throw r.invalid(domain.isPresent() ? "albHostedZoneId" : "albDomainName", "",
                    "albDomainName and albHostedZoneId go together (the record and the certificate's validation live in that zone)");
        }
        if (r.bool("albHostedZonePrivate") && (zone.isEmpty() || certificate.isEmpty())) {
            throw r.invalid(zone.isEmpty() ? "albHostedZoneId" : "certificateArn", "", "set with albHostedZonePrivate:"
                    + " the alias record goes into that private zone, and the certificate must be one you give (ACM validates"
                    + " by a public DNS lookup, which a private zone does not answer)");
        }
        if (kind != AccessMode.PRIVATE) {
            if (certificate.isEmpty() && domain.isEmpty() && !plainHttp) {
                throw r.invalid("certificateArn", "", "required for HTTPS (or albDomainName + albHostedZoneId for a DNS-validated"
                        + " certificate); for a throwaway stack set litellm-gateway:allowPlainHttp to true instead (API keys then cross"
                        + " the network unencrypted)");
            }
            if (certificate.isPresent() && domain.isEmpty() && kind != AccessMode.EDGE) {
                throw r.invalid("albDomainName", "", "a DNS name that certificateArn covers, with albHostedZoneId: the stack"
                        + " points it at the load balancer and exports https://<albDomainName> as gatewayUrl (the load"
                        + " balancer's own AWS host name is not covered by your certificate, so clients would fail TLS verification)");
            }
        }
        boolean https = certificate.isPresent() || domain.isPresent();
        Access mode = kind.read(r, new AccessMode.Inputs(allowed, certificate, domain, https, plainHttp, waf, network, region));
        return new AccessSettings(mode, certificate, plainHttp, waf,
                // AWS WAF developer guide, "Rate-based rule high-level settings": the lowest limit allowed is 10.
                r.integer("wafRateLimit", 10, 2_000_000_000),
                r.bool("albDeletionProtection"),
                r.bool("albAccessLogs"),
                r.integer("albIdleTimeoutSeconds", 120, 4000), domain, zone);
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

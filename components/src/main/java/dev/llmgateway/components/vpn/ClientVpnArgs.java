package dev.llmgateway.components.vpn;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import dev.llmgateway.components.network.Cidr;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Inputs of {@link ClientVpn}; build with {@link #builder()}, which validates them.
 *
 * @param vpcId                    VPC the endpoint serves; required
 * @param vpcCidr                  CIDR of that VPC; required
 * @param subnetIds                private subnets the endpoint may associate with, in order; required
 * @param associations             number of subnets associated (the first ones of {@code subnetIds}), at least 1; each
 *                                 costs about $73/month; default {@value #DEFAULT_ASSOCIATIONS}
 * @param clientCidr               addresses given to connected clients, prefix {@value #CLIENT_CIDR_MIN_PREFIX}..
 *                                 {@value #CLIENT_CIDR_MAX_PREFIX}, not overlapping the VPC; default
 *                                 {@link #DEFAULT_CLIENT_CIDR}
 * @param authorizedCidrs          networks clients may reach, at least one, no repeats; default the VPC CIDR only
 *                                 ({@link #resolvedAuthorizedCidrs})
 * @param authentication           how people authenticate; default {@link VpnAuthentication#CERTIFICATE}
 * @param samlProviderArn          ARN of the IAM SAML provider; required for SAML, not allowed otherwise
 * @param authorizedGroupId        SAML group allowed by the authorization rules (SAML only); default every
 *                                 authenticated user
 * @param serverCertificateArn     existing ACM server certificate; default one issued by a CA generated here
 * @param clientRootCertificateArn existing ACM client root CA (certificate mode only); default the CA generated here
 * @param users                    people who each get their own client certificate ({@code <user>.<serverDomain>})
 *                                 and profile, so one can be cut off alone: names matching {@link #USER_NAME}, no
 *                                 repeats, certificate mode with the generated CA only; default none: one shared
 *                                 client certificate
 * @param serverDomain             lower-case domain of the generated server certificate ({@code server.<domain>});
 *                                 default {@value #DEFAULT_SERVER_DOMAIN}
 * @param splitTunnel              whether only traffic for the VPN's routes goes through the tunnel; default
 *                                 {@value #DEFAULT_SPLIT_TUNNEL}
 * @param sessionTimeoutHours      hours before a session must re-authenticate, one of {@link #SESSION_TIMEOUT_HOURS};
 *                                 default {@value #DEFAULT_SESSION_TIMEOUT_HOURS}
 * @param transportProtocol        transport protocol; default {@link VpnTransport#UDP}
 * @param dnsServers               IPv4 DNS servers pushed to clients, 1 to {@value #MAX_DNS_SERVERS}; default the VPC
 *                                 resolver, VPC base address + 2 ({@link #resolvedDnsServers})
 * @param logRetentionDays         days connection logs are kept, a CloudWatch retention value; default
 *                                 {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param kmsKeyArn                customer KMS key encrypting the connection logs (its policy must allow CloudWatch
 *                                 Logs); required
 */
@ComponentArgs
public record ClientVpnArgs(Output<String> vpcId,
                            Cidr vpcCidr,
                            Output<List<String>> subnetIds,
                            @Initializer("DEFAULT_ASSOCIATIONS") int associations,
                            @Initializer("DEFAULT_CLIENT_CIDR") Cidr clientCidr,
                            Optional<List<Cidr>> authorizedCidrs,
                            @Initializer("DEFAULT_AUTHENTICATION") VpnAuthentication authentication,
                            Optional<String> samlProviderArn,
                            Optional<String> authorizedGroupId,
                            Optional<Output<String>> serverCertificateArn,
                            Optional<Output<String>> clientRootCertificateArn,
                            List<String> users,
                            @Initializer("DEFAULT_SERVER_DOMAIN") String serverDomain,
                            @Initializer("DEFAULT_SPLIT_TUNNEL") boolean splitTunnel,
                            @Initializer("DEFAULT_SESSION_TIMEOUT_HOURS") int sessionTimeoutHours,
                            @Initializer("DEFAULT_TRANSPORT_PROTOCOL") VpnTransport transportProtocol,
                            Optional<List<String>> dnsServers,
                            @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                            Output<String> kmsKeyArn) {

    /** Default associations: one subnet, the least an endpoint needs. */
    public static final int DEFAULT_ASSOCIATIONS = 1;
    /** Client CIDR used when none is given. */
    public static final Cidr DEFAULT_CLIENT_CIDR = Cidr.of("172.16.0.0/22");
    /** Default authentication: mutual certificates, which need no identity provider. */
    public static final VpnAuthentication DEFAULT_AUTHENTICATION = VpnAuthentication.CERTIFICATE;
    /** Default domain of the generated certificates: a private-use {@code .internal} name. */
    public static final String DEFAULT_SERVER_DOMAIN = "vpn.llmgateway.internal";
    /** Split tunnel is on unless turned off: only the VPN's routes use the tunnel. */
    public static final boolean DEFAULT_SPLIT_TUNNEL = true;
    /** Default session length in hours: the shortest AWS accepts. */
    public static final int DEFAULT_SESSION_TIMEOUT_HOURS = 8;
    /** Default transport protocol: AWS's own (CreateClientVpnEndpoint TransportProtocol, "Default value: udp"). */
    public static final VpnTransport DEFAULT_TRANSPORT_PROTOCOL = VpnTransport.UDP;
    /** Default days connection logs are kept. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** Session lengths in hours AWS accepts. */
    public static final Set<Integer> SESSION_TIMEOUT_HOURS = Set.of(8, 10, 12, 24);
    /** Widest client CIDR AWS allows. */
    public static final int CLIENT_CIDR_MIN_PREFIX = 12;
    /** Narrowest client CIDR AWS allows. */
    public static final int CLIENT_CIDR_MAX_PREFIX = 22;
    /**
     * Narrowest subnet an endpoint can be associated with: "The subnet must have a CIDR block with at least a /27
     * bitmask" (Client VPN administrator guide, "Target networks", cvpn-working-target.html).
     */
    public static final int TARGET_SUBNET_MAX_PREFIX = 27;
    /** A user name: one DNS label, so it fits a certificate's common name and a stack output name. */
    public static final String USER_NAME = "[a-z0-9][a-z0-9-]{0,31}";
    /** DNS servers an endpoint may push at most. */
    public static final int MAX_DNS_SERVERS = 2;

    /** Validates the inputs and copies the lists; messages name the argument and what is allowed. */
    public ClientVpnArgs {
        Objects.requireNonNull(vpcId, "ClientVpnArgs.vpcId is required");
        Objects.requireNonNull(vpcCidr, "ClientVpnArgs.vpcCidr is required");
        Objects.requireNonNull(subnetIds, "ClientVpnArgs.subnetIds is required");
        Objects.requireNonNull(kmsKeyArn, "ClientVpnArgs.kmsKeyArn is required");
        Objects.requireNonNull(clientCidr, "ClientVpnArgs.clientCidr must not be null");
        Objects.requireNonNull(authentication, "ClientVpnArgs.authentication must not be null");
        Objects.requireNonNull(transportProtocol, "ClientVpnArgs.transportProtocol must not be null");
        authorizedCidrs = authorizedCidrs.map(List::copyOf);
        dnsServers = dnsServers.map(List::copyOf);
        users = List.copyOf(users);
        Reject.unless(associations >= 1,
                "associations must be at least 1 (one associated subnet), got " + associations);
        Reject.unless(clientCidr.prefix() >= CLIENT_CIDR_MIN_PREFIX && clientCidr.prefix() <= CLIENT_CIDR_MAX_PREFIX,
                "clientCidr " + clientCidr + " must have a prefix between /" + CLIENT_CIDR_MIN_PREFIX
                        + " and /" + CLIENT_CIDR_MAX_PREFIX + " (AWS Client VPN limits)");
        Reject.unless(!clientCidr.overlaps(vpcCidr),
                "clientCidr " + clientCidr + " must not overlap vpcCidr " + vpcCidr);
        authorizedCidrs.ifPresent(cidrs -> {
            Reject.unless(!cidrs.isEmpty(), "authorizedCidrs must list at least one CIDR");
            Reject.unless(new HashSet<>(cidrs).size() == cidrs.size(), "authorizedCidrs must not repeat a CIDR: " + cidrs);
        });
        boolean saml = authentication == VpnAuthentication.SAML;
        Reject.unless(!saml || samlProviderArn.isPresent(), "samlProviderArn is required when authentication is SAML");
        Reject.unless(saml || samlProviderArn.isEmpty(),
                "samlProviderArn is only allowed when authentication is SAML, not " + authentication);
        Reject.unless(saml || authorizedGroupId.isEmpty(),
                "authorizedGroupId is only allowed when authentication is SAML, not " + authentication);
        Reject.unless(!saml || clientRootCertificateArn.isEmpty(),
                "clientRootCertificateArn is only allowed when authentication is CERTIFICATE");
        Reject.unless(users.isEmpty()
                        || authentication == VpnAuthentication.CERTIFICATE && clientRootCertificateArn.isEmpty(),
                "users is only allowed in CERTIFICATE mode with the generated client CA (SAML users come from the"
                        + " identity provider; an external client root issues its own certificates)");
        users.forEach(user -> Reject.unless(user.matches(USER_NAME),
                "users must hold names of lower-case letters, digits and hyphens (at most 32 characters, starting"
                        + " with a letter or digit), got " + user));
        Reject.unless(new HashSet<>(users).size() == users.size(), "users must not repeat a name: " + users);
        Reject.unless(serverDomain != null && serverDomain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"),
                "serverDomain must be a lower-case DNS name, got " + serverDomain);
        Reject.unless(SESSION_TIMEOUT_HOURS.contains(sessionTimeoutHours), "sessionTimeoutHours must be one of "
                + new TreeSet<>(SESSION_TIMEOUT_HOURS) + ", got " + sessionTimeoutHours);
        dnsServers.ifPresent(servers -> {
            Reject.unless(!servers.isEmpty() && servers.size() <= MAX_DNS_SERVERS,
                    "dnsServers must list 1 or " + MAX_DNS_SERVERS + " addresses, got " + servers);
            servers.forEach(server -> Reject.unless(Cidr.parse(server + "/32").isPresent(),
                    "dnsServers must hold IPv4 addresses, got " + server));
        });
        Reject.unless(LogRetention.accepts(logRetentionDays), "logRetentionDays must be one of "
                + LogRetention.DAYS + ", got " + logRetentionDays);
    }

    /** Networks clients may reach: the ones given, or the VPC CIDR (derived on each call, so copies follow the VPC). */
    public List<Cidr> resolvedAuthorizedCidrs() {
        return authorizedCidrs.orElse(List.of(vpcCidr));
    }

    /** DNS servers pushed to clients: the ones given, or the VPC resolver (VPC base address + 2). */
    public List<String> resolvedDnsServers() {
        return dnsServers.orElse(List.of(vpcCidr.address(2)));
    }

    /** Starts a builder with the defaults. */
    public static ClientVpnArgsBuilder builder() {
        return ClientVpnArgsBuilder.builder();
    }
}

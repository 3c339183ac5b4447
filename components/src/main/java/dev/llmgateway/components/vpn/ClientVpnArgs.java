package dev.llmgateway.components.vpn;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.vpc.Cidr;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Inputs of {@link ClientVpn}; build with {@link #builder()}, which validates them. */
public final class ClientVpnArgs {

    /** Client CIDR used when none is given. */
    public static final Cidr DEFAULT_CLIENT_CIDR = Cidr.of("172.16.0.0/22");
    /** Session lengths in hours AWS accepts. */
    public static final Set<Integer> SESSION_TIMEOUT_HOURS = Set.of(8, 10, 12, 24);
    /** Widest client CIDR AWS allows. */
    public static final int CLIENT_CIDR_MIN_PREFIX = 12;
    /** Narrowest client CIDR AWS allows. */
    public static final int CLIENT_CIDR_MAX_PREFIX = 22;
    /** A user name: one DNS label, so it fits a certificate's common name and a stack output name. */
    public static final String USER_NAME = "[a-z0-9][a-z0-9-]{0,31}";
    /** DNS servers an endpoint may push at most. */
    public static final int MAX_DNS_SERVERS = 2;

    /** VPC the endpoint serves; required. */
    private Output<String> vpcId;
    /** CIDR of that VPC; required. */
    private Cidr vpcCidr;
    /** Private subnets the endpoint may associate with, in order; required. */
    private Output<List<String>> subnetIds;
    /** Number of subnets associated (the first ones of {@code subnetIds}); default 1; each costs about $73/month. */
    private int associations = 1;
    /** Addresses given to connected clients; default 172.16.0.0/22; /12../22, not overlapping the VPC. */
    private Cidr clientCidr = DEFAULT_CLIENT_CIDR;
    /** Networks clients may reach; default the VPC CIDR only. */
    private List<Cidr> authorizedCidrs;
    /** How people authenticate; default {@link VpnAuthentication#CERTIFICATE}. */
    private VpnAuthentication authentication = VpnAuthentication.CERTIFICATE;
    /** ARN of the IAM SAML provider; required for SAML, not allowed otherwise. */
    private String samlProviderArn;
    /** SAML group allowed by the authorization rules; default every authenticated user (SAML only). */
    private String authorizedGroupId;
    /** Existing ACM server certificate; default one issued by a CA generated here. */
    private Output<String> serverCertificateArn;
    /** Existing ACM client root CA (certificate mode only); default the CA generated here. */
    private Output<String> clientRootCertificateArn;
    /**
     * People who each get their own client certificate ({@code <user>.<serverDomain>}) and profile, so one can be
     * cut off alone (certificate mode with the generated CA); default none: one shared client certificate.
     */
    private List<String> users = List.of();
    /** Domain of the generated server certificate ({@code server.<domain>}); default vpn.llmgateway.internal. */
    private String serverDomain = "vpn.llmgateway.internal";
    /** Whether only traffic for the VPN's routes goes through the tunnel; default true. */
    private boolean splitTunnel = true;
    /** Hours before a session must re-authenticate; default 8; one of 8, 10, 12, 24. */
    private int sessionTimeoutHours = 8;
    /** Transport protocol; default {@link VpnTransport#UDP}. */
    private VpnTransport transportProtocol = VpnTransport.UDP;
    /** DNS servers pushed to clients; default the VPC resolver (VPC base address + 2); at most two. */
    private List<String> dnsServers;
    /** Days connection logs are kept; default 30; a CloudWatch retention value. */
    private int logRetentionDays = 30;
    /** Customer KMS key encrypting the connection logs; required (its policy must allow CloudWatch Logs). */
    private Output<String> kmsKeyArn;

    private ClientVpnArgs() {
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** VPC the endpoint serves. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** CIDR of the VPC. */
    public Cidr vpcCidr() {
        return vpcCidr;
    }

    /** Private subnets the endpoint may associate with. */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** Number of associated subnets. */
    public int associations() {
        return associations;
    }

    /** Addresses given to connected clients. */
    public Cidr clientCidr() {
        return clientCidr;
    }

    /** Networks clients may reach. */
    public List<Cidr> authorizedCidrs() {
        return authorizedCidrs;
    }

    /** How people authenticate. */
    public VpnAuthentication authentication() {
        return authentication;
    }

    /** IAM SAML provider ARN (SAML only). */
    public Optional<String> samlProviderArn() {
        return Optional.ofNullable(samlProviderArn);
    }

    /** SAML group the authorization rules allow. */
    public Optional<String> authorizedGroupId() {
        return Optional.ofNullable(authorizedGroupId);
    }

    /** Existing ACM server certificate. */
    public Optional<Output<String>> serverCertificateArn() {
        return Optional.ofNullable(serverCertificateArn);
    }

    /** Existing ACM client root CA. */
    public Optional<Output<String>> clientRootCertificateArn() {
        return Optional.ofNullable(clientRootCertificateArn);
    }

    /** People with their own client certificate and profile; empty for one shared client certificate. */
    public List<String> users() {
        return users;
    }

    /** Domain of the generated server certificate. */
    public String serverDomain() {
        return serverDomain;
    }

    /** Whether the tunnel carries only the VPN's routes. */
    public boolean splitTunnel() {
        return splitTunnel;
    }

    /** Session length in hours. */
    public int sessionTimeoutHours() {
        return sessionTimeoutHours;
    }

    /** Transport protocol. */
    public VpnTransport transportProtocol() {
        return transportProtocol;
    }

    /** DNS servers pushed to clients. */
    public List<String> dnsServers() {
        return dnsServers;
    }

    /** Days connection logs are kept. */
    public int logRetentionDays() {
        return logRetentionDays;
    }

    /** KMS key encrypting the connection logs. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Builder of {@link ClientVpnArgs}. */
    public static final class Builder {
        private final ClientVpnArgs args = new ClientVpnArgs();

        /** VPC the endpoint serves; required. */
        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        /** CIDR of that VPC; required. */
        public Builder vpcCidr(Cidr vpcCidr) {
            args.vpcCidr = vpcCidr;
            return this;
        }

        /** Private subnets the endpoint may associate with, in order; required. */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        /** Number of subnets associated (the first ones); default 1; each costs about $73/month. */
        public Builder associations(int associations) {
            args.associations = associations;
            return this;
        }

        /** Addresses given to clients; default 172.16.0.0/22; /12../22, not overlapping the VPC. */
        public Builder clientCidr(Cidr clientCidr) {
            args.clientCidr = clientCidr;
            return this;
        }

        /** Networks clients may reach; default the VPC CIDR only. */
        public Builder authorizedCidrs(List<Cidr> authorizedCidrs) {
            args.authorizedCidrs = List.copyOf(authorizedCidrs);
            return this;
        }

        /** How people authenticate; default CERTIFICATE. */
        public Builder authentication(VpnAuthentication authentication) {
            args.authentication = authentication;
            return this;
        }

        /** ARN of the IAM SAML provider; required for SAML. */
        public Builder samlProviderArn(String samlProviderArn) {
            args.samlProviderArn = samlProviderArn;
            return this;
        }

        /** SAML group the authorization rules allow; default every authenticated user. */
        public Builder authorizedGroupId(String authorizedGroupId) {
            args.authorizedGroupId = authorizedGroupId;
            return this;
        }

        /** Existing ACM server certificate; default one issued by a CA generated here. */
        public Builder serverCertificateArn(Output<String> serverCertificateArn) {
            args.serverCertificateArn = serverCertificateArn;
            return this;
        }

        /** Existing ACM client root CA (certificate mode); default the CA generated here. */
        public Builder clientRootCertificateArn(Output<String> clientRootCertificateArn) {
            args.clientRootCertificateArn = clientRootCertificateArn;
            return this;
        }

        /**
         * People who each get their own client certificate and profile (lower-case letters, digits and hyphens,
         * at most 32 characters, no repeats; certificate mode with the generated CA); default none: one shared client.
         */
        public Builder users(List<String> users) {
            args.users = List.copyOf(users);
            return this;
        }

        /** Domain of the generated server certificate; default vpn.llmgateway.internal. */
        public Builder serverDomain(String serverDomain) {
            args.serverDomain = serverDomain;
            return this;
        }

        /** Whether only traffic for the VPN's routes uses the tunnel; default true. */
        public Builder splitTunnel(boolean splitTunnel) {
            args.splitTunnel = splitTunnel;
            return this;
        }

        /** Session length in hours; default 8; one of 8, 10, 12, 24. */
        public Builder sessionTimeoutHours(int hours) {
            args.sessionTimeoutHours = hours;
            return this;
        }

        /** Transport protocol; default UDP. */
        public Builder transportProtocol(VpnTransport transportProtocol) {
            args.transportProtocol = transportProtocol;
            return this;
        }

        /** DNS servers pushed to clients; default the VPC resolver; at most two. */
        public Builder dnsServers(List<String> dnsServers) {
            args.dnsServers = List.copyOf(dnsServers);
            return this;
        }

        /** Days connection logs are kept; default 30. */
        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        /** Customer KMS key encrypting the connection logs; required. */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Applies defaults and validates; messages name the argument and what is allowed. */
        public ClientVpnArgs build() {
            Objects.requireNonNull(args.vpcId, "ClientVpnArgs.vpcId is required");
            Objects.requireNonNull(args.vpcCidr, "ClientVpnArgs.vpcCidr is required");
            Objects.requireNonNull(args.subnetIds, "ClientVpnArgs.subnetIds is required");
            Objects.requireNonNull(args.kmsKeyArn, "ClientVpnArgs.kmsKeyArn is required");
            Objects.requireNonNull(args.clientCidr, "ClientVpnArgs.clientCidr must not be null");
            Objects.requireNonNull(args.authentication, "ClientVpnArgs.authentication must not be null");
            Objects.requireNonNull(args.transportProtocol, "ClientVpnArgs.transportProtocol must not be null");
            if (args.authorizedCidrs == null) {
                args.authorizedCidrs = List.of(args.vpcCidr);
            }
            if (args.dnsServers == null) {
                args.dnsServers = List.of(args.vpcCidr.address(2));
            }
            validate();
            return args;
        }

        private void validate() {
            require(args.associations >= 1, "associations must be at least 1 (one associated subnet), got "
                    + args.associations);
            Cidr client = args.clientCidr;
            require(client.prefix() >= CLIENT_CIDR_MIN_PREFIX && client.prefix() <= CLIENT_CIDR_MAX_PREFIX,
                    "clientCidr " + client + " must have a prefix between /" + CLIENT_CIDR_MIN_PREFIX
                            + " and /" + CLIENT_CIDR_MAX_PREFIX + " (AWS Client VPN limits)");
            require(!client.overlaps(args.vpcCidr),
                    "clientCidr " + client + " must not overlap vpcCidr " + args.vpcCidr);
            require(!args.authorizedCidrs.isEmpty(), "authorizedCidrs must list at least one CIDR");
            require(new HashSet<>(args.authorizedCidrs).size() == args.authorizedCidrs.size(),
                    "authorizedCidrs must not repeat a CIDR: " + args.authorizedCidrs);
            boolean saml = args.authentication == VpnAuthentication.SAML;
            require(!saml || args.samlProviderArn != null,
                    "samlProviderArn is required when authentication is SAML");
            require(saml || args.samlProviderArn == null,
                    "samlProviderArn is only allowed when authentication is SAML, not " + args.authentication);
            require(saml || args.authorizedGroupId == null,
                    "authorizedGroupId is only allowed when authentication is SAML, not " + args.authentication);
            require(!saml || args.clientRootCertificateArn == null,
                    "clientRootCertificateArn is only allowed when authentication is CERTIFICATE");
            require(args.users.isEmpty() || args.authentication == VpnAuthentication.CERTIFICATE && args.clientRootCertificateArn == null,
                    "users is only allowed in CERTIFICATE mode with the generated client CA (SAML users come from the identity"
                            + " provider; an external client root issues its own certificates)");
            args.users.forEach(user -> require(user.matches(USER_NAME), "users must hold names of lower-case letters, digits"
                    + " and hyphens (at most 32 characters, starting with a letter or digit), got " + user));
            require(new HashSet<>(args.users).size() == args.users.size(), "users must not repeat a name: " + args.users);
            require(args.serverDomain != null && args.serverDomain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"),
                    "serverDomain must be a lower-case DNS name, got " + args.serverDomain);
            require(SESSION_TIMEOUT_HOURS.contains(args.sessionTimeoutHours), "sessionTimeoutHours must be one of "
                    + new TreeSet<>(SESSION_TIMEOUT_HOURS) + ", got " + args.sessionTimeoutHours);
            require(!args.dnsServers.isEmpty() && args.dnsServers.size() <= MAX_DNS_SERVERS,
                    "dnsServers must list 1 or " + MAX_DNS_SERVERS + " addresses, got " + args.dnsServers);
            args.dnsServers.forEach(server -> require(Cidr.parse(server + "/32").isPresent(),
                    "dnsServers must hold IPv4 addresses, got " + server));
            require(LogRetention.accepts(args.logRetentionDays), "logRetentionDays must be one of "
                    + LogRetention.DAYS + ", got " + args.logRetentionDays);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}

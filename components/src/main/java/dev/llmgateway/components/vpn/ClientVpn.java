package dev.llmgateway.components.vpn;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogStream;
import com.pulumi.aws.cloudwatch.LogStreamArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2clientvpn.AuthorizationRule;
import com.pulumi.aws.ec2clientvpn.AuthorizationRuleArgs;
import com.pulumi.aws.ec2clientvpn.Endpoint;
import com.pulumi.aws.ec2clientvpn.EndpointArgs;
import com.pulumi.aws.ec2clientvpn.NetworkAssociation;
import com.pulumi.aws.ec2clientvpn.NetworkAssociationArgs;
import com.pulumi.aws.ec2clientvpn.Route;
import com.pulumi.aws.ec2clientvpn.RouteArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointAuthenticationOptionArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointConnectionLogOptionsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;
import dev.llmgateway.components.bindings.tls.KeyUsage;
import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.network.Connections;
import dev.llmgateway.components.network.Cidr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * An AWS Client VPN endpoint into a VPC: mutual-TLS (or SAML) authentication, certificates
 * generated and imported into ACM unless existing ones are given, associations with the first
 * N private subnets, authorization rules for the allowed networks only, split tunnel, the VPC
 * resolver as DNS, KMS-encrypted connection logging, its own security group, and a ready-to-import
 * client profile as a secret output.
 */
public class ClientVpn extends ComponentResource implements Connectable {

    /** Type token of the component. */
    public static final String TYPE = "llmgateway:vpn:ClientVpn";
    /** Port clients connect to. */
    public static final int VPN_PORT = 443;

    private final Output<String> endpointId;
    private final Output<String> dnsName;
    private final Output<String> securityGroupId;
    private final Connections connections;
    private final Output<String> clientConfiguration;
    private final Output<String> serverCertificateArn;
    private final Map<String, Output<String>> userConfigurations;

    /** Creates the endpoint and everything it needs as children of this component. */
    public ClientVpn(String name, ClientVpnArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        Objects.requireNonNull(args, "ClientVpnArgs is required (build it with ClientVpnArgs.builder())");
        boolean certificateMode = args.authentication() == VpnAuthentication.CERTIFICATE;
        boolean generateServer = args.serverCertificateArn().isEmpty();
        boolean generateClient = certificateMode && args.clientRootCertificateArn().isEmpty();
        Optional<CertificateAuthority> ca = generateServer || generateClient
                ? Optional.of(new CertificateAuthority(name, "ca." + args.serverDomain(), this))
                : Optional.empty();
        String serverName = "server." + args.serverDomain();

        Output<String> serverCertificateArn = args.serverCertificateArn().orElseGet(() -> {
            CertificateAuthority authority = ca.orElseThrow();
            var server = authority.issue("server", serverName, KeyUsage.SERVER_AUTH);
            return importCertificate(name + "-server-acm", server.privateKeyPem(), server.certPem(),
                    Optional.of(authority.certPem()));
        });
        boolean sharedClient = generateClient && args.users().isEmpty();
        Optional<CertificateAuthority.Issued> client = sharedClient
                ? Optional.of(ca.orElseThrow().issue("client", "client." + args.serverDomain(), KeyUsage.CLIENT_AUTH))
                : Optional.empty();
        // One certificate per named user: the CN names them in the connection log, and revoking it cuts off only them.
        Map<String, CertificateAuthority.Issued> userClients = new TreeMap<>();
        args.users().forEach(user -> userClients.put(user,
                ca.orElseThrow().issue("client-" + user, user + "." + args.serverDomain(), KeyUsage.CLIENT_AUTH)));
        // The generated CA is the client root: every client certificate it issues may connect. When it also issued the
        // server certificate, that certificate's ARN names it (Client VPN admin guide, "Mutual authentication": the
        // client certificate needs no upload of its own when both come from the same CA), so the CA's private key is
        // never imported into ACM; only with a server certificate from another CA is the generated CA imported.
        Output<String> clientRootArn = !generateClient ? args.clientRootCertificateArn().orElse(null)
                : generateServer ? serverCertificateArn
                : importCertificate(name + "-client-root-acm", ca.orElseThrow().privateKeyPem(), ca.orElseThrow().certPem(),
                        Optional.empty());

        this.serverCertificateArn = serverCertificateArn;
        SecurityGroup group = securityGroup(name, args);
        var logGroup = new LogGroup(name + "-vpn-logs", LogGroupArgs.builder()
                .kmsKeyId(args.kmsKeyArn())
                .retentionInDays(args.logRetentionDays())
                .build(), child());
        var logStream = new LogStream(name + "-vpn-connections", LogStreamArgs.builder()
                .logGroupName(logGroup.name())
                .build(), child());

        var endpoint = new Endpoint(name + "-vpn", EndpointArgs.builder()
                .description("Client VPN " + name)
                .vpcId(args.vpcId())
                .clientCidrBlock(args.clientCidr().toString())
                .serverCertificateArn(serverCertificateArn)
                .authenticationOptions(authentication(args, clientRootArn))
                .connectionLogOptions(EndpointConnectionLogOptionsArgs.builder()
                        .enabled(true)
                        .cloudwatchLogGroup(logGroup.name())
                        .cloudwatchLogStream(logStream.name())
                        .build())
                .splitTunnel(args.splitTunnel())
                .dnsServers(args.resolvedDnsServers())
                .sessionTimeoutHours(args.sessionTimeoutHours())
                .transportProtocol(args.transportProtocol().wireName())
                .vpnPort(VPN_PORT)
                .securityGroupIds(group.id().applyValue(List::of))
                .selfServicePortal("disabled")
                .build(), child());

        List<NetworkAssociation> associations = IntStream.range(0, args.associations())
                .mapToObj(index -> new NetworkAssociation(name + "-vpn-assoc-" + index, NetworkAssociationArgs.builder()
                        .clientVpnEndpointId(endpoint.id())
                        .subnetId(args.subnetIds().applyValue(ids -> subnetAt(ids, index, args.associations())))
                        .build(), child()))
                .toList();
        args.resolvedAuthorizedCidrs().forEach(cidr -> authorize(name, args, endpoint, associations, cidr));

        var prefix = new RandomPassword(name + "-vpn-dns-prefix",
                RandomPasswordArgs.builder().length(8).special(false).build(), child());
        Output<String> remoteHost = Output.tuple(prefix.result(), endpoint.dnsName())
                .applyValue(t -> t.t1.toLowerCase(Locale.ROOT) + "." + t.t2.replaceFirst("^\\*\\.", ""));
        // The client trusts the generated CA only when that CA issued the server certificate.
        Output<String> serverCa = generateServer ? ca.orElseThrow().certPem() : Output.of("");
        this.clientConfiguration = profile(args, remoteHost, serverCa, client);
        Map<String, Output<String>> profiles = new LinkedHashMap<>();
        userClients.forEach((user, issued) -> profiles.put(user, profile(args, remoteHost, serverCa, Optional.of(issued))));
        this.userConfigurations = Collections.unmodifiableMap(profiles);

        this.endpointId = endpoint.id();
        this.dnsName = endpoint.dnsName();
        this.securityGroupId = group.id();
        // The group's inline egress already reaches the authorized networks: peers add only their ingress.
        this.connections = Connections.of(this, name + "-vpn", "vpn", "VPN clients", group.id()).withInlineRules();
        registerOutputs(Map.of(
                "endpointId", endpointId,
                "dnsName", dnsName,
                "securityGroupId", securityGroupId,
                "clientConfiguration", clientConfiguration,
                "userConfigurations", Output.all(List.copyOf(userConfigurations.values())).asSecret()));
    }

    /** Id of the Client VPN endpoint. */
    public Output<String> endpointId() {
        return endpointId;
    }

    /** DNS name of the endpoint, as AWS gives it ({@code *.cvpn-endpoint-...}). */
    public Output<String> dnsName() {
        return dnsName;
    }

    /** The endpoint's own security group: allow it into what VPN users may reach (e.g. the internal ALB). */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** The connected users' group, for targets that admit them ({@code target.connections().allowFrom(vpn, ...)}). */
    @Override
    public Connections connections() {
        return connections;
    }

    /**
     * A ready-to-import {@code .ovpn} profile, always a secret: with the shared generated client key in certificate
     * mode; without a client identity (a template saying what to add) when {@code users} are named or the client
     * root is external.
     */
    public Output<String> clientConfiguration() {
        return clientConfiguration;
    }

    /** Each named user's own {@code .ovpn} profile with their client certificate and key, by user name; each a secret. */
    public Map<String, Output<String>> userConfigurations() {
        return userConfigurations;
    }

    /**
     * ARN of the endpoint's server certificate in ACM. When generated here it is imported, so ACM
     * does not renew it: the endpoint stops accepting connections when it expires.
     */
    public Output<String> serverCertificateArn() {
        return serverCertificateArn;
    }

    private static Output<String> profile(ClientVpnArgs args, Output<String> remoteHost, Output<String> serverCa,
                                          Optional<CertificateAuthority.Issued> client) {
        return Output.tuple(remoteHost, serverCa,
                        client.map(CertificateAuthority.Issued::certPem).orElse(Output.of("")),
                        client.map(CertificateAuthority.Issued::privateKeyPem).orElse(Output.of("")))
                .applyValue(t -> new ClientConfiguration(t.t1, VPN_PORT, args.transportProtocol(),
                        args.authentication(), t.t2, t.t3, t.t4).render())
                .asSecret();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private Output<String> importCertificate(String resourceName, Output<String> privateKey, Output<String> body,
                                             Optional<Output<String>> chain) {
        var builder = CertificateArgs.builder().privateKey(privateKey).certificateBody(body);
        chain.ifPresent(builder::certificateChain);
        return new Certificate(resourceName, builder.build(), child()).arn();
    }

    /**
     * The endpoint's group. VPN users are people entering the VPC, so the group has no ingress and
     * its egress goes only to the authorized networks (by default the VPC CIDR): a CIDR rather than
     * group references, because what a person may reach is decided by the authorization rules, and
     * each target still admits this group explicitly in its own ingress.
     */
    private SecurityGroup securityGroup(String name, ClientVpnArgs args) {
        return new SecurityGroup(name + "-vpn-sg", SecurityGroupArgs.builder()
                .description("Client VPN " + name + ": traffic of connected users")
                .vpcId(args.vpcId())
                .ingress(List.of())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("to the networks VPN users are authorized to reach")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks(args.resolvedAuthorizedCidrs().stream().map(Cidr::toString).toList())
                        .build())
                .tags(Map.of("Name", name + "-vpn"))
                .build(), child());
    }

    private static EndpointAuthenticationOptionArgs authentication(ClientVpnArgs args, Output<String> clientRootArn) {
        return switch (args.authentication()) {
            case CERTIFICATE -> EndpointAuthenticationOptionArgs.builder()
                    .type("certificate-authentication")
                    .rootCertificateChainArn(clientRootArn)
                    .build();
            case SAML -> EndpointAuthenticationOptionArgs.builder()
                    .type("federated-authentication")
                    .samlProviderArn(args.samlProviderArn().orElseThrow())
                    .build();
        };
    }

    /**
     * Authorizes {@code cidr} for the SAML group (or every user) and, for a network outside the
     * VPC, routes it through each associated subnet (the VPC's own route comes with the association).
     */
    private void authorize(String name, ClientVpnArgs args, Endpoint endpoint,
                           List<NetworkAssociation> associations, Cidr cidr) {
        String suffix = cidr.toString().replaceAll("[./]", "-");
        var rule = AuthorizationRuleArgs.builder()
                .clientVpnEndpointId(endpoint.id())
                .targetNetworkCidr(cidr.toString())
                .description("VPN users may reach " + cidr);
        args.authorizedGroupId().ifPresentOrElse(rule::accessGroupId, () -> rule.authorizeAllGroups(true));
        new AuthorizationRule(name + "-vpn-auth-" + suffix, rule.build(), child());
        if (args.vpcCidr().contains(cidr)) {
            return;
        }
        for (int index = 0; index < associations.size(); index++) {
            NetworkAssociation association = associations.get(index);
            new Route(name + "-vpn-route-" + suffix + "-" + index, RouteArgs.builder()
                    .clientVpnEndpointId(endpoint.id())
                    .destinationCidrBlock(cidr.toString())
                    .targetVpcSubnetId(association.subnetId())
                    .description("to " + cidr)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(association).build());
        }
    }

    private static String subnetAt(List<String> subnetIds, int index, int associations) {
        if (subnetIds.size() < associations) {
            throw new IllegalArgumentException("associations is " + associations + " but subnetIds holds only "
                    + subnetIds.size() + " subnets: " + subnetIds);
        }
        return subnetIds.get(index);
    }
}

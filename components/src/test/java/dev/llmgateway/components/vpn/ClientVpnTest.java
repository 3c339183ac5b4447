package dev.llmgateway.components.vpn;

import com.pulumi.core.Output;
import dev.llmgateway.components.bindings.tls.CertRequest;
import dev.llmgateway.components.bindings.tls.LocallySignedCert;
import dev.llmgateway.components.bindings.tls.PrivateKey;
import dev.llmgateway.components.bindings.tls.SelfSignedCert;
import dev.llmgateway.engine.MockCloud;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.components.network.Cidr;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientVpnTest {

    private static final String ENDPOINT = "aws:ec2clientvpn/endpoint:Endpoint";
    private static final String ASSOCIATION = "aws:ec2clientvpn/networkAssociation:NetworkAssociation";
    private static final String AUTHORIZATION = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
    private static final String ROUTE = "aws:ec2clientvpn/route:Route";
    private static final String ACM = "aws:acm/certificate:Certificate";
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:" + MockCloud.ACCOUNT + ":key/logs";
    private static final String SAML_PROVIDER = "arn:aws:iam::" + MockCloud.ACCOUNT + ":saml-provider/idc";
    private static final Cidr VPC = Cidr.of("10.0.0.0/16");

    private static ClientVpnArgsBuilder args() {
        return ClientVpnArgs.builder()
                .vpcId(Output.of("vpc-1"))
                .vpcCidr(VPC)
                .subnetIds(Output.of(List.of("subnet-a", "subnet-b", "subnet-c")))
                .kmsKeyArn(Output.of(KMS_KEY));
    }

    /** GIVEN the arguments after {@code customize}, WHEN the VPN is planned, THEN this is what the engine saw. */
    private static PlannedStack plan(Consumer<ClientVpnArgsBuilder> customize) {
        ClientVpnArgsBuilder builder = args();
        customize.accept(builder);
        ClientVpnArgs built = builder.build();
        return OfflineEngine.run("p", "s", "us-east-1", ctx -> {
            var vpn = new ClientVpn("gw", built, null);
            ctx.export("vpnConfig", vpn.clientConfiguration());
        });
    }

    private static String acmArn(String name) {
        return "arn:aws:acm:us-east-1:" + MockCloud.ACCOUNT + ":certificate/" + name;
    }

    private static String pem(String label, String name) {
        return "-----BEGIN " + label + "-----\nMOCK" + name + "\n-----END " + label + "-----\n";
    }

    @Test
    void serverAndClientCertificatesAreIssuedByTheGeneratedCa() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource ca = plan.one(SelfSignedCert.TYPE);
        assertTrue(ca.flag("isCaCertificate"));
        assertEquals(List.of("cert_signing", "crl_signing"), ca.list("allowedUses"));
        assertEquals("ca.vpn.llmgateway.internal", ca.string("subject.commonName"));
        assertEquals(pem("PRIVATE KEY", "gw-ca-key"), ca.string("privateKeyPem"));
        for (String role : List.of("server", "client")) {
            PlannedResource cert = plan.named(LocallySignedCert.TYPE, "gw-" + role + "-cert");
            assertEquals(pem("PRIVATE KEY", "gw-ca-key"), cert.string("caPrivateKeyPem"), role + " signed with the CA key");
            assertTrue(cert.isSecret("caPrivateKeyPem"));
            assertEquals(pem("CERTIFICATE", "gw-ca-cert"), cert.string("caCertPem"), role + " chains to the CA cert");
            assertEquals(pem("CERTIFICATE REQUEST", "gw-" + role + "-csr"), cert.string("certRequestPem"));
            assertTrue(cert.dependencies().contains(ca.urn()));
        }
        assertEquals(List.of("digital_signature", "key_encipherment", "server_auth"),
                plan.named(LocallySignedCert.TYPE, "gw-server-cert").list("allowedUses"));
        assertEquals(List.of("digital_signature", "key_encipherment", "client_auth"),
                plan.named(LocallySignedCert.TYPE, "gw-client-cert").list("allowedUses"));
        assertEquals(List.of("server.vpn.llmgateway.internal"),
                plan.named(CertRequest.TYPE, "gw-server-csr").list("dnsNames"));
        plan.ofType(PrivateKey.TYPE).forEach(key -> {
            assertEquals("RSA", key.string("algorithm"), "Client VPN accepts RSA keys only");
            assertEquals(2048.0, key.number("rsaBits"));
        });
    }

    @Test
    void serverCertificateWithItsChainIsImportedAndTheCaKeyStaysOutOfAcm() {
        PlannedStack plan = plan(b -> { }).orThrow();

        assertEquals(List.of("gw-server-acm"), plan.ofType(ACM).stream().map(PlannedResource::name).toList());
        PlannedResource server = plan.named(ACM, "gw-server-acm");
        assertEquals(pem("CERTIFICATE", "gw-server-cert"), server.string("certificateBody"));
        assertEquals(pem("CERTIFICATE", "gw-ca-cert"), server.string("certificateChain"));
        assertEquals(pem("PRIVATE KEY", "gw-server-key"), server.string("privateKey"));
        assertTrue(server.isSecret("privateKey"));
    }

    @Test
    void certificateModeTrustsTheGeneratedCaThroughTheServerCertificateItIssued() {
        PlannedResource endpoint = plan(b -> { }).orThrow().one(ENDPOINT);

        assertEquals(1, endpoint.list("authenticationOptions").size());
        assertEquals("certificate-authentication", endpoint.string("authenticationOptions.0.type"));
        // Client VPN admin guide, "Mutual authentication": same CA, so the server certificate's ARN names the client root.
        assertEquals(acmArn("gw-server-acm"), endpoint.string("authenticationOptions.0.rootCertificateChainArn"));
        assertEquals(acmArn("gw-server-acm"), endpoint.string("serverCertificateArn"));
    }

    @Test
    void aServerCertificateFromAnotherCaMakesTheGeneratedCaTheImportedClientRoot() {
        String external = acmArn("external-server");
        PlannedStack plan = plan(b -> b.serverCertificateArn(Optional.of(Output.of(external)))).orThrow();

        PlannedResource root = plan.named(ACM, "gw-client-root-acm");
        assertEquals(pem("CERTIFICATE", "gw-ca-cert"), root.string("certificateBody"));
        assertTrue(root.isSecret("privateKey"));
        assertEquals(acmArn("gw-client-root-acm"), plan.one(ENDPOINT).string("authenticationOptions.0.rootCertificateChainArn"));
        assertEquals(external, plan.one(ENDPOINT).string("serverCertificateArn"));
    }

    @Test
    void samlModeUsesTheIdentityProviderAndAuthorizesOnlyTheGivenGroup() {
        PlannedStack plan = plan(b -> b.authentication(VpnAuthentication.SAML)
                .samlProviderArn(Optional.of(SAML_PROVIDER)).authorizedGroupId(Optional.of("vpn-users"))).orThrow();

        PlannedResource endpoint = plan.one(ENDPOINT);
        assertEquals("federated-authentication", endpoint.string("authenticationOptions.0.type"));
        assertEquals(SAML_PROVIDER, endpoint.string("authenticationOptions.0.samlProviderArn"));
        assertTrue(endpoint.input("authenticationOptions.0.rootCertificateChainArn").isEmpty());
        assertEquals(acmArn("gw-server-acm"), endpoint.string("serverCertificateArn"), "SAML still needs a server certificate");
        assertEquals(List.of("gw-server-acm"), plan.ofType(ACM).stream().map(PlannedResource::name).toList());
        assertTrue(plan.where(r -> r.name().startsWith("gw-client")).isEmpty(), "no client certificate in SAML mode");
        PlannedResource rule = plan.one(AUTHORIZATION);
        assertEquals("vpn-users", rule.string("accessGroupId"));
        assertFalse(rule.flag("authorizeAllGroups"));
    }

    @Test
    void existingAcmCertificatesAreUsedWithoutGeneratingAny() {
        PlannedStack plan = plan(b -> b.serverCertificateArn(Optional.of(Output.of(acmArn("existing-server"))))
                .clientRootCertificateArn(Optional.of(Output.of(acmArn("existing-root"))))).orThrow();

        PlannedResource endpoint = plan.one(ENDPOINT);
        assertEquals(acmArn("existing-server"), endpoint.string("serverCertificateArn"));
        assertEquals(acmArn("existing-root"), endpoint.string("authenticationOptions.0.rootCertificateChainArn"));
        assertTrue(plan.where(r -> r.type().startsWith("tls:") || r.type().equals(ACM)).isEmpty());
        String profile = (String) ((Secret) plan.outputs().get("vpnConfig")).value();
        assertTrue(profile.contains("# add <ca>"), profile);
        assertTrue(profile.contains("# add <key>"), profile);
    }

    @Test
    void connectionsAreLoggedToAKmsEncryptedLogGroupWithRetention() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource group = plan.one("aws:cloudwatch/logGroup:LogGroup");
        assertEquals(KMS_KEY, group.string("kmsKeyId"));
        assertEquals(30.0, group.number("retentionInDays"));
        PlannedResource stream = plan.one("aws:cloudwatch/logStream:LogStream");
        String groupName = String.valueOf(group.output("name").orElseThrow());
        assertEquals(groupName, stream.string("logGroupName"));
        PlannedResource endpoint = plan.one(ENDPOINT);
        assertTrue(endpoint.flag("connectionLogOptions.enabled"));
        assertEquals(groupName, endpoint.string("connectionLogOptions.cloudwatchLogGroup"));
        assertEquals(stream.output("name").orElseThrow(), endpoint.string("connectionLogOptions.cloudwatchLogStream"));
    }

    @Test
    void endpointSplitsTheTunnelAndUsesTheVpcResolverByDefault() {
        PlannedResource endpoint = plan(b -> { }).orThrow().one(ENDPOINT);

        assertTrue(endpoint.flag("splitTunnel"));
        assertEquals(List.of("10.0.0.2"), endpoint.list("dnsServers"));
        assertEquals("172.16.0.0/22", endpoint.string("clientCidrBlock"));
        assertEquals(8.0, endpoint.number("sessionTimeoutHours"));
        assertEquals("udp", endpoint.string("transportProtocol"));
        assertEquals(443.0, endpoint.number("vpnPort"));
        assertEquals("disabled", endpoint.string("selfServicePortal"));
        assertEquals("vpc-1", endpoint.string("vpcId"));
    }

    @Test
    void onlyTheVpcCidrIsAuthorizedByDefaultAndNeverTheInternet() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource rule = plan.one(AUTHORIZATION);
        assertEquals("10.0.0.0/16", rule.string("targetNetworkCidr"));
        assertTrue(rule.flag("authorizeAllGroups"));
        assertTrue(plan.ofType(AUTHORIZATION).stream().noneMatch(r -> r.string("targetNetworkCidr").equals("0.0.0.0/0")));
        assertTrue(plan.ofType(ROUTE).isEmpty(), "the VPC route comes with the association");
    }

    @Test
    void networksOutsideTheVpcAreAuthorizedAndRoutedThroughEachAssociation() {
        PlannedStack plan = plan(b -> b.associations(2)
                .authorizedCidrs(Optional.of(List.of(VPC, Cidr.of("192.168.0.0/16"))))).orThrow();

        assertEquals(List.of("10.0.0.0/16", "192.168.0.0/16"),
                plan.ofType(AUTHORIZATION).stream().map(r -> r.string("targetNetworkCidr")).toList());
        List<PlannedResource> routes = plan.ofType(ROUTE);
        assertEquals(List.of("192.168.0.0/16", "192.168.0.0/16"), routes.stream().map(r -> r.string("destinationCidrBlock")).toList());
        assertEquals(List.of("subnet-a", "subnet-b"), routes.stream().map(r -> r.string("targetVpcSubnetId")).toList());
        assertEquals(List.of("10.0.0.0/16", "192.168.0.0/16"),
                plan.one("aws:ec2/securityGroup:SecurityGroup").list("egress.0.cidrBlocks"));
    }

    @Test
    void associatesOneSubnetByDefaultAndTheFirstNWhenAsked() {
        assertEquals(List.of("subnet-a"), plan(b -> { }).orThrow().ofType(ASSOCIATION).stream()
                .map(r -> r.string("subnetId")).toList());
        assertEquals(List.of("subnet-a", "subnet-b"), plan(b -> b.associations(2)).orThrow().ofType(ASSOCIATION).stream()
                .map(r -> r.string("subnetId")).toList());
    }

    @Test
    void moreAssociationsThanSubnetsIsReportedByName() {
        PlannedStack plan = plan(b -> b.associations(4));

        assertFalse(plan.errors().isEmpty());
        assertTrue(plan.errors().stream().anyMatch(e -> String.valueOf(rootCause(e).getMessage())
                .contains("associations is 4 but subnetIds holds only 3")), plan.errors().toString());
    }

    @Test
    void securityGroupAdmitsNothingAndReachesOnlyTheVpc() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource group = plan.one("aws:ec2/securityGroup:SecurityGroup");
        assertEquals(List.of(), group.list("ingress"));
        assertEquals(1, group.list("egress").size());
        assertEquals(List.of("10.0.0.0/16"), group.list("egress.0.cidrBlocks"));
        assertEquals(List.of(group.id()), plan.one(ENDPOINT).list("securityGroupIds"));
    }

    @Test
    void clientCidrOverlappingTheVpcIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> args().clientCidr(Cidr.of("10.0.4.0/22")).build());
        assertTrue(error.getMessage().contains("clientCidr 10.0.4.0/22 must not overlap vpcCidr 10.0.0.0/16"), error.getMessage());
    }

    @Test
    void anEmptyAuthorizationOrResolverListIsRefusedAndDefaultsFollowTheVpcOfACopy() {
        var none = assertThrows(IllegalArgumentException.class, () -> args().authorizedCidrs(Optional.of(List.of())).build());
        assertEquals("authorizedCidrs must list at least one CIDR", none.getMessage());
        var noDns = assertThrows(IllegalArgumentException.class, () -> args().dnsServers(Optional.of(List.of())).build());
        assertEquals("dnsServers must list 1 or 2 addresses, got []", noDns.getMessage());

        ClientVpnArgs first = args().build();
        ClientVpnArgs moved = ClientVpnArgsBuilder.builder(first).vpcCidr(Cidr.of("10.8.0.0/16")).build();
        assertEquals(List.of(VPC), first.resolvedAuthorizedCidrs());
        assertEquals(List.of(Cidr.of("10.8.0.0/16")), moved.resolvedAuthorizedCidrs());
        assertEquals(List.of("10.8.0.2"), moved.resolvedDnsServers());
    }

    @Test
    void clientCidrSmallerThanSlash22IsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> args().clientCidr(Cidr.of("172.16.0.0/23")).build());
        assertTrue(error.getMessage().contains("clientCidr 172.16.0.0/23 must have a prefix between /12 and /22"), error.getMessage());
    }

    @Test
    void clientCidrLargerThanSlash12IsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> args().clientCidr(Cidr.of("172.0.0.0/11")).build());
        assertTrue(error.getMessage().contains("clientCidr 172.0.0.0/11 must have a prefix between /12 and /22"), error.getMessage());
    }

    @Test
    void samlWithoutProviderArnIsRejected() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> args().authentication(VpnAuthentication.SAML).build());
        assertEquals("samlProviderArn is required when authentication is SAML", error.getMessage());
    }

    @Test
    void sessionTimeoutOutsideTheAwsValuesIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> args().sessionTimeoutHours(9).build());
        assertTrue(error.getMessage().contains("sessionTimeoutHours must be one of [8, 10, 12, 24]"), error.getMessage());
    }

    @Test
    void clientConfigurationIsASecretProfileWithTheGeneratedClientIdentity() {
        PlannedStack plan = plan(b -> { }).orThrow();

        Object output = plan.outputs().get("vpnConfig");
        assertInstanceOf(Secret.class, output, "the profile carries a private key");
        String profile = (String) ((Secret) output).value();
        assertTrue(profile.contains("\nremote mockgwvpndnsprefix0123456789abcdef.cvpn-endpoint-gw-vpn.prod.clientvpn.us-east-1.amazonaws.com 443\n"), profile);
        assertTrue(profile.contains("\nproto udp\n"), profile);
        assertTrue(profile.contains("\ndev tun\n"), profile);
        assertTrue(profile.contains("\nremote-cert-tls server\n"), profile);
        assertTrue(profile.contains("<ca>\n" + pem("CERTIFICATE", "gw-ca-cert") + "</ca>"), profile);
        assertTrue(profile.contains("<cert>\n" + pem("CERTIFICATE", "gw-client-cert") + "</cert>"), profile);
        assertTrue(profile.contains("<key>\n" + pem("PRIVATE KEY", "gw-client-key") + "</key>"), profile);
        assertFalse(profile.contains("auth-federate"));
    }

    @Test
    void namedUsersEachGetTheirOwnCertificateAndProfileAndNoSharedIdentityIsIssued() {
        ClientVpnArgs built = args().users(List.of("bob", "alice")).build();
        PlannedStack plan = OfflineEngine.run("p", "s", "us-east-1", ctx -> {
            var vpn = new ClientVpn("gw", built, null);
            assertEquals(List.of("alice", "bob"), List.copyOf(vpn.userConfigurations().keySet()));
            vpn.userConfigurations().forEach((user, profile) -> ctx.export(user, profile));
            ctx.export("template", vpn.clientConfiguration());
        }).orThrow();

        assertTrue(plan.where(r -> r.name().equals("gw-client-cert")).isEmpty(), "no shared client certificate");
        for (String user : List.of("alice", "bob")) {
            assertEquals(user + ".vpn.llmgateway.internal", plan.named(CertRequest.TYPE, "gw-client-" + user + "-csr")
                    .string("subject.commonName"));
            assertEquals(List.of("digital_signature", "key_encipherment", "client_auth"),
                    plan.named(LocallySignedCert.TYPE, "gw-client-" + user + "-cert").list("allowedUses"));
            Object output = plan.outputs().get(user);
            assertInstanceOf(Secret.class, output, user + "'s profile carries their key");
            String profile = (String) ((Secret) output).value();
            assertTrue(profile.contains("<cert>\n" + pem("CERTIFICATE", "gw-client-" + user + "-cert") + "</cert>"), profile);
            assertTrue(profile.contains("<key>\n" + pem("PRIVATE KEY", "gw-client-" + user + "-key") + "</key>"), profile);
        }
        String template = (String) ((Secret) plan.outputs().get("template")).value();
        assertFalse(template.contains("<key>\n"), "the shared profile holds nobody's key: " + template);
    }

    @Test
    void usersNeedTheGeneratedClientCaAndDnsLabelNames() {
        var saml = assertThrows(IllegalArgumentException.class, () -> args().authentication(VpnAuthentication.SAML)
                .samlProviderArn(Optional.of(SAML_PROVIDER)).users(List.of("alice")).build());
        assertTrue(saml.getMessage().startsWith("users is only allowed in CERTIFICATE mode"), saml.getMessage());
        var external = assertThrows(IllegalArgumentException.class, () -> args()
                .clientRootCertificateArn(Optional.of(Output.of(acmArn("root")))).users(List.of("alice")).build());
        assertTrue(external.getMessage().startsWith("users is only allowed in CERTIFICATE mode"), external.getMessage());
        var name = assertThrows(IllegalArgumentException.class, () -> args().users(List.of("Alice")).build());
        assertTrue(name.getMessage().endsWith("got Alice"), name.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> args().users(List.of("bob", "bob")).build());
        assertTrue(twice.getMessage().contains("must not repeat"), twice.getMessage());
    }

    @Test
    void samlProfileAsksForFederatedSignInAndHoldsNoKey() {
        PlannedStack plan = plan(b -> b.authentication(VpnAuthentication.SAML).samlProviderArn(Optional.of(SAML_PROVIDER))).orThrow();

        String profile = (String) ((Secret) plan.outputs().get("vpnConfig")).value();
        assertTrue(profile.contains("\nauth-federate\n"), profile);
        assertTrue(profile.contains("<ca>"), profile);
        assertFalse(profile.contains("<key>") || profile.contains("<cert>"), profile);
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        PlannedStack plan = plan(b -> { }).orThrow();

        PlannedResource component = plan.one(ClientVpn.TYPE);
        List<PlannedResource> children = plan.where(r -> r != component && !r.type().equals("pulumi:pulumi:Stack"));
        assertFalse(children.isEmpty());
        children.forEach(child -> assertEquals(component.urn(), child.parentUrn(), child.name()));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}

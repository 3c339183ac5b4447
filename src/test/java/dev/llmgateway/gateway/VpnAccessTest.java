package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.engine.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpnAccessTest {

    private final PlannedStack vpn = Plans.example("vpn-private-gateway");

    @Test
    void vpnExampleAssociatesOneSubnetPerZoneAuthorizedForTheVpcOnly() {
        assertEquals(1, vpn.ofType("aws:ec2clientvpn/endpoint:Endpoint").size());
        List<PlannedResource> associations = vpn.ofType("aws:ec2clientvpn/networkAssociation:NetworkAssociation");
        Set<String> zones = associations.stream()
                .map(a -> vpn.where(r -> r.type().equals("aws:ec2/subnet:Subnet") && r.id().equals(a.string("subnetId"))))
                .map(subnets -> subnets.get(0).string("availabilityZone"))
                .collect(Collectors.toSet());
        assertEquals(2, zones.size(), "two associations, in two zones");
        assertEquals("10.0.0.0/16", vpn.one("aws:ec2clientvpn/authorizationRule:AuthorizationRule").string("targetNetworkCidr"));
    }

    @Test
    void eachNamedUserGetsTheirOwnSecretProfileAndNoProfileIsShared() {
        assertFalse(vpn.outputs().containsKey("vpnClientConfiguration"), "no shared identity when users are named");
        for (String user : List.of("alice", "bob")) {
            Object config = vpn.outputs().get("vpnClientConfiguration-" + user);
            assertTrue(config instanceof Secret, "the .ovpn holds " + user + "'s private key");
            String profile = String.valueOf(((Secret) config).value());
            assertTrue(profile.contains("<ca>") && profile.contains("<key>"), profile);
            assertTrue(profile.contains(vpn.named("tls:index/locallySignedCert:LocallySignedCert",
                    "llm-vpn-private-gateway-vpn-client-" + user + "-cert").output("certPem").orElseThrow().toString().strip()), user + "'s own certificate");
        }
        assertEquals("alice.vpn.llmgateway.internal", vpn.named("tls:index/certRequest:CertRequest",
                "llm-vpn-private-gateway-vpn-client-alice-csr").string("subject.commonName"), "the connection log names the person");
    }

    @Test
    void aTaskRunsInEachZoneTheVpnReaches() {
        assertEquals(2.0, vpn.one("aws:ecs/service:Service").number("desiredCount"));
        assertEquals(2.0, vpn.one("aws:appautoscaling/target:Target").number("minCapacity"));
    }
}

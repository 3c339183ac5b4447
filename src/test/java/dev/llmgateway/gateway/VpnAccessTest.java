package dev.llmgateway.gateway;

import dev.llmgateway.components.testing.PlannedStack;
import dev.llmgateway.components.testing.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpnAccessTest {

    private final PlannedStack vpn = Plans.example("vpn-private-gateway");

    @Test
    void vpnExampleCreatesOneAssociationAuthorizedForTheVpcOnly() {
        assertEquals(1, vpn.ofType("aws:ec2clientvpn/endpoint:Endpoint").size());
        assertEquals(1, vpn.ofType("aws:ec2clientvpn/networkAssociation:NetworkAssociation").size());
        assertEquals("10.0.0.0/16", vpn.one("aws:ec2clientvpn/authorizationRule:AuthorizationRule").string("targetNetworkCidr"));
    }

    @Test
    void clientConfigurationIsASecretStackOutput() {
        Object config = vpn.outputs().get("vpnClientConfiguration");
        assertTrue(config instanceof Secret, "the .ovpn holds a private key");
        assertTrue(String.valueOf(((Secret) config).value()).contains("<ca>"));
    }
}

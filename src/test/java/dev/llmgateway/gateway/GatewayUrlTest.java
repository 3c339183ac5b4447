package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported URL is one the listener's certificate covers: clients verify TLS against that name. */
class GatewayUrlTest {

    @Test
    void prodExportsTheNameItsCertificateCoversAndPointsItAtTheLoadBalancer() {
        PlannedStack prod = Plans.stack("prod");
        String domain = Stacks.load("prod").get("litellm-gateway:albDomainName").orElseThrow();

        assertEquals("https://" + domain, prod.outputs().get("gatewayUrl"));
        assertEquals("https://" + domain + "/ui", prod.outputs().get("adminUiUrl"));
        PlannedResource alias = prod.one("aws:route53/record:Record");
        assertEquals(domain, alias.string("name"));
        assertEquals(Stacks.load("prod").get("litellm-gateway:albHostedZoneId").orElseThrow(), alias.string("zoneId"));
        assertEquals(Stacks.load("prod").get("litellm-gateway:certificateArn").orElseThrow(),
                prod.where(r -> r.type().equals("aws:lb/listener:Listener") && "HTTPS".equals(r.input("protocol").orElse(null)))
                        .get(0).string("certificateArn"));
    }

    @Test
    void everyExampleWithAnAlbCertificateExportsAnHttpsNameNotTheLoadBalancersHostName() {
        for (String example : Stacks.examples()) {
            Object url = Plans.example(example).outputs().get("gatewayUrl");
            assertTrue(!String.valueOf(url).contains(".elb.amazonaws.com") || String.valueOf(url).startsWith("http://"),
                    example + " exports " + url);
        }
    }
}

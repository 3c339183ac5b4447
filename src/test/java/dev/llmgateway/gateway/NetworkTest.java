package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    @Test
    void devUsesOneArmNatInstanceAndNoInterfaceEndpoints() {
        PlannedStack dev = Plans.stack("dev");
        assertEquals(1, dev.ofType("aws:ec2/instance:Instance").size());
        assertTrue(dev.ofType("aws:ec2/natGateway:NatGateway").isEmpty());
        assertEquals(1, dev.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").size(), "only the free S3 gateway endpoint");
        assertEquals(6, dev.ofType("aws:ec2/subnet:Subnet").size());
    }

    @Test
    void prodHasANatGatewayPerZoneAndPrivateEndpointsForImagesSecretsLogsAndBedrock() {
        PlannedStack prod = Plans.stack("prod");
        assertEquals(3, prod.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(9, prod.ofType("aws:ec2/subnet:Subnet").size());
        assertEquals(6, prod.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").size(), "S3 gateway + 5 interface endpoints");
        assertEquals(90.0, prod.named("aws:cloudwatch/logGroup:LogGroup", "llm-prod-flow-logs").number("retentionInDays"));
    }
}

package dev.llmgateway.gateway.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A declared existing network is checked for what can be checked without AWS, naming the key, the value and what is allowed. */
class ExistingNetworkSettingsTest {

    private static final String P = "litellm-gateway:";
    private static final String PRIVATE_A = "subnet-0a1b2c3d4e5f61001=private;zone=us-east-1a;cidr=10.20.16.0/20;route=tgw-0a1b2c3d4e5f60718";

    /** The example's subnets (examples/existing-network.yaml), with the first one replaced. */
    private static List<String> withFirst(String entry) {
        List<String> subnets = new ArrayList<>(List.of(PRIVATE_A,
                "subnet-0a1b2c3d4e5f61002=private;zone=us-east-1b;cidr=10.20.32.0/20;route=tgw-0a1b2c3d4e5f60718",
                "subnet-0a1b2c3d4e5f62001=isolated;zone=us-east-1a;cidr=10.20.128.0/24",
                "subnet-0a1b2c3d4e5f62002=isolated;zone=us-east-1b;cidr=10.20.129.0/24"));
        subnets.set(0, entry);
        return subnets;
    }

    static Stream<Arguments> badNetworks() {
        return Stream.of(
                Arguments.of(Map.of("vpcId", "vpc-123"), P + "vpcId = 'vpc-123': a VPC id"),
                Arguments.of(Map.of("existingSubnets", List.of()), P + "existingSubnets = '[]': the subnets of vpc-0a1b2c3d4e5f60718"),
                Arguments.of(Map.of("existingSubnets", withFirst("subnet-0a1b2c3d4e5f61001=app;zone=us-east-1a;cidr=10.20.16.0/20")),
                        "a tier of public, private or isolated"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace("us-east-1a", "eu-west-1a"))),
                        "a zone of the stack's region us-east-1"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace("10.20.16.0/20", "10.30.16.0/20"))),
                        "subnet-0a1b2c3d4e5f61001 block 10.30.16.0/20 is not inside the VPC's 10.20.0.0/16"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace("10.20.16.0/20", "10.20.128.0/20"))),
                        "overlaps"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace(";route=tgw-0a1b2c3d4e5f60718", ""))),
                        "subnet-0a1b2c3d4e5f61001 (private) must route 0.0.0.0/0 out"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace("tgw-", "igw-"))),
                        "must route 0.0.0.0/0 out through one of [nat-, eni-, tgw-, vpce-, pcx-, vgw-]"),
                Arguments.of(Map.of("existingSubnets", withFirst(PRIVATE_A.replace("us-east-1a", "us-east-1c"))),
                        "private subnets in [us-east-1b, us-east-1c] but isolated subnets in [us-east-1a, us-east-1b]"),
                Arguments.of(Map.of("existingSubnets", withFirst("subnet-0a1b2c3d4e5f61001=private;zone=us-east-1b;cidr=10.20.16.0/20;route=nat-0a1b2c3d")),
                        "two private subnets in us-east-1b: one per zone"),
                Arguments.of(Map.of("privateSubnetCidrs", List.of("10.20.1.0/24", "10.20.2.0/24")),
                        P + "privateSubnetCidrs = '[10.20.1.0/24, 10.20.2.0/24]': unset with vpcId"),
                Arguments.of(Map.of("existingEndpointsSecurityGroupId", ""), P + "existingEndpointsSecurityGroupId = '': set with existingVpcEndpoints"),
                Arguments.of(Map.of("accessMode", "public", "allowedCidrs", List.of("198.51.100.0/24")),
                        P + "existingSubnets = '[subnet-0a1b2c3d4e5f61001, subnet-0a1b2c3d4e5f61002, subnet-0a1b2c3d4e5f62001,"
                                + " subnet-0a1b2c3d4e5f62002]': public subnets (=public;...;route=igw-...) in two or more zones as well"),
                Arguments.of(Map.of("vpcId", "", "policyProfile", "dev"), P + "existingSubnets = '["),
                Arguments.of(Map.of("albHostedZonePrivate", true, "certificateArn", ""), P + "certificateArn = '': set with albHostedZonePrivate"));
    }

    @ParameterizedTest
    @MethodSource("badNetworks")
    void aDeclaredNetworkTheStackCannotUseIsRefusedNamingTheKey(Map<String, Object> overrides, String expected) {
        var source = Stacks.example("existing-network").with(new HashMap<>(overrides));
        var error = assertThrows(SettingsException.class, () -> StackSettings.read(source));
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void theSharedNetworkStackRecipeFillsDeclaredKeysOnly() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(Stacks.PROJECT.resolve("docs/existing-network.md"));
        String esc = doc.substring(doc.indexOf("# ESC environment"), doc.indexOf("```", doc.indexOf("# ESC environment")));
        Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(esc)).get("values");
        Map<String, Object> config = (Map<String, Object>) values.get("pulumiConfig");
        Map<String, Object> declared = (Map<String, Object>) ((Map<String, Object>) new org.yaml.snakeyaml.Yaml()
                .load(java.nio.file.Files.readString(Stacks.PROJECT.resolve("Pulumi.yaml")))).get("config");
        assertTrue(values.containsKey("network") && ((Map<String, Object>) values.get("network")).containsKey("fn::open::pulumi-stacks"));
        for (String key : config.keySet()) {
            assertTrue(declared.containsKey(key.substring("litellm-gateway:".length())), key + " is not a key Pulumi.yaml declares");
        }
    }
}

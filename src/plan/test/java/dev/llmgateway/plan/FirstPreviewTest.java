package dev.llmgateway.plan;

import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.engine.Secret;
import dev.llmgateway.gateway.settings.StackSettings;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan's preview JSON shows what a first {@code pulumi preview --json} shows: values a provider computes at create
 * time are unknown (the engine's marker), values it marks secret are secret, names derived before creating are known;
 * and the mock places resources of a second provider in that provider's region.
 */
class FirstPreviewTest {

    private static PlannedStack preview(String stack) {
        return PlanCommand.preview(StackSettings.read(Stacks.load(stack))).orThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noValueTheProviderComputesAtCreateTimeAppearsAndTheResourcesAreTheSame(String stack) {
        PlannedStack concrete = Plans.stack(stack);
        PlannedStack preview = preview(stack);
        assertEquals(urns(concrete), urns(preview), "no resource is declared only once a computed value is known");
        String json = PreviewJson.toJson(PreviewJson.document(preview));
        Map<String, PlannedResource> previewed = preview.resources().stream().collect(Collectors.toMap(PlannedResource::urn, r -> r));
        Set<String> computed = new TreeSet<>();
        for (PlannedResource r : concrete.resources()) {
            PlannedResource p = previewed.get(r.urn());
            r.outputs().forEach((key, value) -> {
                if (OfflineEngine.UNKNOWN_MARK.equals(p.outputs().get(key)) && Secret.reveal(value) instanceof String text && text.length() >= 8) {
                    computed.add(text);
                }
            });
        }
        assertTrue(computed.size() > 50, "ids, ARNs, endpoints and generated values: " + computed.size());
        computed.forEach(value -> assertFalse(json.contains("\"" + value + "\""), () -> value + " is computed at create time but shows"));
        assertFalse(DeployTimeValues.inputs(preview).isEmpty());
    }

    @Test
    void devKnowsItsNamesButNotItsIdsAndKeepsTheNatAmiSecret() {
        PlannedStack dev = preview("dev");
        for (PlannedResource subnet : dev.ofType("aws:ec2/subnet:Subnet")) {
            assertEquals(OfflineEngine.UNKNOWN_MARK, subnet.inputs().get("vpcId"), "the VPC's id exists once it is created");
        }
        assertInstanceOf(Secret.class, dev.one("aws:ec2/instance:Instance").inputs().get("ami"),
                "the SSM parameter lookup's value is secret in the provider");
        assertTrue(String.valueOf(dev.outputs().get("clusterName")).startsWith("llm-dev-proxy-"), "auto-names are known before creating");
        assertEquals(OfflineEngine.UNKNOWN_MARK, dev.outputs().get("kmsKeyArn"));
        assertTrue(DeployTimeValues.outputs(dev).containsAll(List.of("kmsKeyArn", "vpcId", "masterKeySecretArn")));
    }

    @Test
    void prodKnowsWhatItsStackFileSaysAndComputesItsArns() {
        PlannedStack prod = preview("prod");
        assertEquals("https://llm.example.com", prod.outputs().get("gatewayUrl"), "from albDomainName, known before deploy");
        assertEquals(OfflineEngine.UNKNOWN_MARK, prod.outputs().get("alarmTopicArn"));
        assertTrue(prod.ofType("aws:iam/rolePolicy:RolePolicy").stream().anyMatch(r -> OfflineEngine.UNKNOWN_MARK.equals(r.inputs().get("policy"))),
                "a policy naming a created resource's ARN is known only after deploy");
    }

    @Test
    void resourcesOfTheUsEast1ProviderCarryItsRegionAndTheCloudFrontWebAclIsGlobal() {
        PlannedStack oregon = Plans.example("bedrock-budgets-metrics");
        PlannedResource acl = oregon.where(r -> r.type().equals("aws:wafv2/webAcl:WebAcl") && "CLOUDFRONT".equals(r.inputs().get("scope")))
                .get(0);
        String arn = String.valueOf(acl.output("arn").orElseThrow());
        assertTrue(arn.startsWith("arn:aws:wafv2:us-east-1:") && arn.contains(":global/webacl/"), arn);
        List<PlannedResource> usEast1 = oregon.where(r -> r.provider().endsWith("-us-east-1") && r.output("arn").isPresent());
        assertFalse(usEast1.isEmpty());
        usEast1.forEach(r -> assertFalse(String.valueOf(r.output("arn").orElseThrow()).contains("us-west-2"),
                () -> r.type() + " " + r.name() + " was created through the us-east-1 provider: " + r.output("arn").orElseThrow()));
        assertTrue(oregon.where(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup") && r.provider().endsWith("-us-east-1"))
                .stream().allMatch(r -> String.valueOf(r.output("arn").orElseThrow()).contains(":logs:us-east-1:")));
    }

    private static Set<String> urns(PlannedStack plan) {
        return plan.resources().stream().map(PlannedResource::urn).collect(Collectors.toCollection(TreeSet::new));
    }
}

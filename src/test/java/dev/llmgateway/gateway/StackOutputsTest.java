package dev.llmgateway.gateway;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.settings.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output a stack exports is described, every described one is exported somewhere (a committed stack, an example,
 * or prod restoring its database), and integrators get ids.
 */
class StackOutputsTest {

    private static List<PlannedStack> everyStack() {
        List<PlannedStack> plans = new ArrayList<>();
        Stacks.COMMITTED.forEach(stack -> plans.add(Plans.stack(stack)));
        Stacks.examples().forEach(example -> plans.add(Plans.example(example)));
        plans.add(DatabaseSlotsTest.restoring());
        return plans;
    }

    private static String documentedName(String output) {
        return output.startsWith("vpnClientConfiguration-") ? "vpnClientConfiguration-<user>" : output;
    }

    @Test
    void theCatalogDescribesExactlyTheOutputsTheStacksExport() {
        Set<String> exported = new TreeSet<>();
        everyStack().forEach(plan -> plan.outputs().keySet().forEach(name -> exported.add(documentedName(name))));
        Set<String> documented = new TreeSet<>();
        StackOutputs.CATALOG.forEach(o -> documented.add(o.name()));
        assertEquals(documented, exported);
    }

    @Test
    void prodGivesIntegratorsTheIdsOfItsNetworkLoadBalancerRolesAndKey() {
        var outputs = Plans.stack("prod").outputs();
        assertEquals(3, ((List<?>) outputs.get("privateSubnetIds")).size());
        for (String id : List.of("taskSecurityGroupId", "loadBalancerSecurityGroupId", "databaseSecurityGroupId", "cacheSecurityGroupId")) {
            assertTrue(String.valueOf(outputs.get(id)).startsWith("sg-"), id + " = " + outputs.get(id));
        }
        for (String arn : List.of("loadBalancerArn", "listenerArn", "targetGroupArn", "taskRoleArn", "executionRoleArn",
                "kmsKeyArn", "clusterArn", "webAclArn")) {
            assertTrue(String.valueOf(outputs.get(arn)).startsWith("arn:aws:"), arn + " = " + outputs.get(arn));
        }
        assertTrue(String.valueOf(outputs.get("loadBalancerDnsName")).endsWith(".elb.amazonaws.com"));
    }

    @Test
    void privateAccessExportsNoLoadBalancerOutputs() {
        var outputs = Plans.stack("dev").outputs();
        assertTrue(outputs.keySet().stream().noneMatch(name -> name.startsWith("loadBalancer") || name.startsWith("listener")
                || name.startsWith("targetGroup")), outputs.keySet().toString());
    }
}

package dev.llmgateway.plan.update;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.plan.update.ResourceChange.Op;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdatePlannerTest {

    static PlannedStack run(Consumer<Context> program) {
        return OfflineEngine.run("p", "s", "us-east-1", program).orThrow();
    }

    static ResourceChange change(List<ResourceChange> changes, String name) {
        return changes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no change of " + name));
    }

    private static Consumer<Context> network(String cidr, boolean publicIps) {
        return ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var subnet = new Subnet("subnet", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock(cidr).availabilityZone("us-east-1a")
                    .mapPublicIpOnLaunch(publicIps).build());
            var table = new RouteTable("table", RouteTableArgs.builder().vpcId(vpc.id()).build());
            new RouteTableAssociation("association", RouteTableAssociationArgs.builder().routeTableId(table.id()).subnetId(subnet.id()).build());
        };
    }

    @Test
    void aChangedForceNewPropertyReplacesTheResourceAndEveryDependentThatTakesItsNewId() {
        List<ResourceChange> changes = UpdatePlanner.changes(run(network("10.0.0.0/24", false)), run(network("10.0.1.0/24", false)));
        ResourceChange subnet = change(changes, "subnet");
        assertEquals(Op.REPLACE, subnet.op());
        assertEquals(List.of("cidrBlock"), subnet.replaceReasons());
        assertTrue(ForceNew.source(subnet.type(), "cidrBlock").contains("internal/service/ec2/vpc_subnet.go"));
        assertFalse(subnet.deleteBeforeReplace(), "a subnet has no name: the engine creates the replacement first");
        ResourceChange association = change(changes, "association");
        assertEquals(Op.REPLACE, association.op());
        assertEquals("aws:ec2/subnet:Subnet subnet is replaced", association.causes().get("subnetId"));
        assertEquals(Op.SAME, change(changes, "table").op());
    }

    @Test
    void aPropertyTheProviderUpdatesInPlaceIsAnUpdate() {
        List<ResourceChange> changes = UpdatePlanner.changes(run(network("10.0.0.0/24", false)), run(network("10.0.0.0/24", true)));
        ResourceChange subnet = change(changes, "subnet");
        assertEquals(Op.UPDATE, subnet.op());
        assertEquals(List.of("mapPublicIpOnLaunch"), subnet.diffReasons());
        assertEquals(Op.SAME, change(changes, "association").op());
    }

    private static Consumer<Context> logGroup(String logGroupClass, boolean named) {
        return ctx -> {
            var args = LogGroupArgs.builder().logGroupClass(logGroupClass);
            if (named) {
                args.name("/ecs/gateway");
            }
            new LogGroup("logs", args.build());
        };
    }

    @Test
    void aNameTheProgramSetsWhereTheProviderWouldGenerateOneIsFreedFirst() {
        ResourceChange named = change(UpdatePlanner.changes(run(logGroup("STANDARD", true)), run(logGroup("INFREQUENT_ACCESS", true))), "logs");
        assertEquals(Op.REPLACE, named.op());
        assertTrue(named.deleteBeforeReplace(), "pulumi-terraform-bridge nameRequiresDeleteBeforeReplace");
        ResourceChange generated = change(UpdatePlanner.changes(run(logGroup("STANDARD", false)), run(logGroup("INFREQUENT_ACCESS", false))), "logs");
        assertFalse(generated.deleteBeforeReplace(), "a generated name is new for the replacement: create first");
    }

    private static Consumer<Context> instance(String ami) {
        return ctx -> new Instance("nat", InstanceArgs.builder().ami(ami).instanceType("t4g.nano").build(),
                CustomResourceOptions.builder().ignoreChanges("ami").build());
    }

    @Test
    void ignoreChangesKeepsTheDeployedValue() {
        assertEquals(Op.SAME, change(UpdatePlanner.changes(run(instance("ami-1")), run(instance("ami-2"))), "nat").op());
    }

    @Test
    void anAliasKeepsARenamedResourceInsteadOfReplacingIt() {
        PlannedStack before = run(ctx -> new Vpc("old", VpcArgs.builder().cidrBlock("10.0.0.0/16").build()));
        PlannedStack after = run(ctx -> new Vpc("new", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(),
                CustomResourceOptions.builder().aliases(Alias.builder().name("old").build()).build()));
        List<ResourceChange> changes = UpdatePlanner.changes(before, after);
        assertTrue(changes.stream().filter(ResourceChange::custom).noneMatch(c -> c.op() == Op.CREATE || c.op() == Op.DELETE),
                changes.toString());
    }

    private static Consumer<Context> service(String capacityProvider, boolean forceNewDeployment) {
        return ctx -> new Service("svc", ServiceArgs.builder().cluster("arn:aws:ecs:us-east-1:123456789012:cluster/c")
                .forceNewDeployment(forceNewDeployment)
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder().capacityProvider(capacityProvider).weight(1).build())
                .build());
    }

    @Test
    void aCapacityStrategyChangeReplacesTheServiceUnlessItForcesANewDeployment() {
        ResourceChange replaced = change(UpdatePlanner.changes(run(service("FARGATE", false)), run(service("FARGATE_SPOT", false))), "svc");
        assertEquals(Op.REPLACE, replaced.op());
        assertTrue(ForceNew.source(replaced.type(), "capacityProviderStrategies").contains("capacityProviderStrategyCustomizeDiff"));
        ResourceChange updated = change(UpdatePlanner.changes(run(service("FARGATE", true)), run(service("FARGATE_SPOT", true))), "svc");
        assertEquals(Op.UPDATE, updated.op());
    }

    private static Consumer<Context> tagged(String environment) {
        return ctx -> {
            var provider = new Provider("aws", ProviderArgs.builder().region("us-east-1")
                    .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of("environment", environment)).build()).build());
            new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(), CustomResourceOptions.builder().provider(provider).build());
        };
    }

    @Test
    void changedDefaultTagsUpdateEveryTaggedResourceOfTheProvider() {
        List<ResourceChange> changes = UpdatePlanner.changes(run(tagged("dev")), run(tagged("prod")));
        assertEquals(Op.UPDATE, change(changes, "aws").op());
        ResourceChange vpc = change(changes, "vpc");
        assertEquals(Op.UPDATE, vpc.op());
        assertEquals(List.of("tagsAll"), vpc.diffReasons());
    }

    @Test
    void theSameProgramChangesNothing() {
        PlannedStack plan = run(network("10.0.0.0/24", false));
        assertTrue(UpdatePlanner.changes(plan, run(network("10.0.0.0/24", false))).stream().allMatch(c -> c.op() == Op.SAME));
    }
}

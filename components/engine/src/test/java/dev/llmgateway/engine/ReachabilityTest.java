package dev.llmgateway.engine;

import com.pulumi.Context;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.network.FlowEnd;
import dev.llmgateway.components.network.IntendedFlow;
import dev.llmgateway.components.network.IntendedFlowArgs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intended flows are decided as AWS decides them, and quotas are counted as AWS counts them. */
class ReachabilityTest {

    /** Tasks to a database on 5432; {@code egress} and {@code ingress} say which sides open it. */
    private static PlannedStack plan(boolean egress, boolean ingress, int extraIngressRules) {
        return OfflineEngine.run("reach", "test", "us-east-1", (Context ctx) -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var tasks = new SecurityGroup("tasks", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            var db = new SecurityGroup("db", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            if (egress) {
                new SecurityGroupEgressRule("tasks-to-db", SecurityGroupEgressRuleArgs.builder().securityGroupId(tasks.id())
                        .referencedSecurityGroupId(db.id()).ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            if (ingress) {
                new SecurityGroupIngressRule("db-from-tasks", SecurityGroupIngressRuleArgs.builder().securityGroupId(db.id())
                        .referencedSecurityGroupId(tasks.id()).ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            for (int i = 0; i < extraIngressRules; i++) {
                new SecurityGroupIngressRule("db-extra-" + i, SecurityGroupIngressRuleArgs.builder().securityGroupId(db.id())
                        .cidrIpv4("10.1." + i + ".0/24").ipProtocol("tcp").fromPort(5432).toPort(5432).build());
            }
            new IntendedFlow("tasks-to-db", IntendedFlowArgs.of(FlowEnd.group("tasks", tasks.id()), FlowEnd.group("db", db.id()),
                    5432, "test"), ComponentResourceOptions.builder().build());
        }).orThrow();
    }

    @Test
    void aFlowIsAllowedOnlyWhenBothGroupsAllowIt() {
        Reachability.Verdict both = Reachability.analyze(plan(true, true, 0)).get(0);
        assertTrue(both.allowed());
        assertEquals(List.of("out: tasks-to-db", "in: db-from-tasks"), both.decidedBy());
    }

    @Test
    void aGroupWithoutTheEgressRuleBlocksTheFlowBecauseTheProviderRevokesDefaultEgress() {
        Reachability.Verdict verdict = Reachability.analyze(plan(false, true, 0)).get(0);
        assertFalse(verdict.allowed());
        assertEquals("BLOCKED", verdict.status());
        assertEquals(List.of("no egress rule on tasks for port 5432"), verdict.decidedBy());
    }

    @Test
    void aGroupWithoutTheIngressRuleBlocksTheFlow() {
        Reachability.Verdict verdict = Reachability.analyze(plan(true, false, 0)).get(0);
        assertEquals(List.of("no ingress rule on db for port 5432"), verdict.decidedBy());
    }

    @Test
    void aGroupOverSixtyInboundRulesIsOverItsQuota() {
        Quotas.Usage inbound = Quotas.summary(plan(true, true, 60)).get(0);
        assertEquals("inbound rules per security group", inbound.quota());
        assertEquals("db", inbound.resource());
        assertEquals(61, inbound.used());
        assertTrue(inbound.over());
        assertFalse(Quotas.summary(plan(true, true, 59)).get(0).over(), "60 rules are allowed");
    }
}

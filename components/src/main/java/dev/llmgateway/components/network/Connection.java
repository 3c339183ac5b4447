package dev.llmgateway.components.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;

import java.util.Optional;

/**
 * What one {@link Connections#allowFrom} made: the ingress rule on the destination's group, the
 * egress rule on the source's group and the declared flow. A side whose group keeps its rules
 * inline ({@link Connections#withInlineRules}) gets no rule resource.
 *
 * @param ingress the destination's ingress rule, if its group takes rule resources
 * @param egress  the source's egress rule, if its group takes rule resources
 * @param flow    the flow, as the offline plan's reachability analysis checks it
 */
public record Connection(Optional<SecurityGroupIngressRule> ingress, Optional<SecurityGroupEgressRule> egress,
                         IntendedFlow flow) {
}

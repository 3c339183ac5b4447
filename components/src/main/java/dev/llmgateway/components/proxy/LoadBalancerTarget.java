package dev.llmgateway.components.proxy;

import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.TargetGroup;

import java.util.List;

/**
 * A target group on a {@link ServiceLoadBalancer} and the listener rules that forward to it: a further service
 * registers its tasks here ({@code ProxyServiceArgs.target}) and waits for the rules.
 *
 * @param balancer    the load balancer, which the service's tasks admit on {@code port}
 * @param targetGroup the target group
 * @param rules       the rules forwarding to it
 * @param port        the service's container port
 */
public record LoadBalancerTarget(ServiceLoadBalancer balancer, TargetGroup targetGroup, List<ListenerRule> rules, int port) {

    /** Copies the rules. */
    public LoadBalancerTarget {
        rules = List.copyOf(rules);
    }
}

package dev.llmgateway.components.proxy;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.support.Reject;

import java.util.List;
import java.util.Objects;

/**
 * Requests a further service takes from a {@link ServiceLoadBalancer}: its port and health check, the paths the
 * serving listener forwards to it, and optionally the only client addresses it serves ({@link ServiceLoadBalancer#route}).
 *
 * @param port            the service's container port
 * @param healthCheckPath the target group's health-check path
 * @param paths           path patterns forwarded to it, in order (a rule takes as many as fit its condition values)
 * @param firstPriority   priority of its first listener rule; the next rules follow one by one
 * @param sourceCidrs     client addresses it serves, as the load balancer sees them; empty = any that reach the listener
 * @param deregistrationDelaySeconds seconds a deregistering task keeps serving its in-flight requests, 0..3600
 */
public record Route(int port, String healthCheckPath, List<String> paths, int firstPriority, List<Cidr> sourceCidrs,
                    int deregistrationDelaySeconds) {

    /** Validates the route. */
    public Route {
        Objects.requireNonNull(healthCheckPath, "Route.healthCheckPath is required");
        paths = List.copyOf(paths);
        sourceCidrs = List.copyOf(sourceCidrs);
        Reject.when(paths.isEmpty(), "Route.paths: at least one path pattern is required");
        Reject.when(port < 1 || port > 65535, "Route.port must be 1..65535, got " + port);
        Reject.when(firstPriority < 1 || firstPriority > 50000, "Route.firstPriority must be 1..50000, got " + firstPriority);
        Reject.when(sourceCidrs.size() > ServiceLoadBalancer.CONDITION_VALUES_PER_RULE - 2,
                "Route.sourceCidrs: at most " + (ServiceLoadBalancer.CONDITION_VALUES_PER_RULE - 2)
                        + " (a rule has " + ServiceLoadBalancer.CONDITION_VALUES_PER_RULE + " condition values, one path and a header need the rest), got "
                        + sourceCidrs.size());
        Reject.when(deregistrationDelaySeconds < 0 || deregistrationDelaySeconds > 3600,
                "Route.deregistrationDelaySeconds must be 0..3600, got " + deregistrationDelaySeconds);
    }
}

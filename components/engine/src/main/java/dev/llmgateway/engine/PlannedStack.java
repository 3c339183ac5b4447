package dev.llmgateway.engine;

import dev.llmgateway.components.network.DeclaredNetwork;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything a program registered on the mock engine: resources in registration order,
 * invokes, stack outputs (secret ones wrapped in {@link Secret}) and the errors it raised.
 *
 * @param project   project name
 * @param stack     stack name
 * @param resources registrations in order
 * @param invokes   data-source calls, as type token and arguments
 * @param outputs   stack outputs
 * @param errors    exceptions the program raised (empty for a good program)
 * @param flows     the network flows the program declared, resolved (empty when it declared none)
 * @param networks  the existing networks the program deploys into, as declared (empty when it creates its own)
 */
public record PlannedStack(
        String project,
        String stack,
        List<PlannedResource> resources,
        List<Map.Entry<String, Map<String, Object>>> invokes,
        Map<String, Object> outputs,
        List<Throwable> errors,
        List<PlannedFlow> flows,
        List<DeclaredNetwork> networks) {

    /** All resources of a type token, in registration order. */
    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The single resource of a type; fails when there is not exactly one. */
    public PlannedResource one(String type) {
        List<PlannedResource> found = ofType(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + " but found " + found.size()
                    + ": " + found.stream().map(PlannedResource::name).toList());
        }
        return found.get(0);
    }

    /** The resource of a type with a logical name; fails when absent. */
    public PlannedResource named(String type, String name) {
        return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " named " + name
                        + " among " + ofType(type).stream().map(PlannedResource::name).toList()));
    }

    /** Resources matching a predicate. */
    public List<PlannedResource> where(Predicate<PlannedResource> predicate) {
        return resources.stream().filter(predicate).toList();
    }

    /** Resources whose parent is the resource with the given URN. */
    public List<PlannedResource> childrenOf(String parentUrn) {
        return where(r -> parentUrn.equals(r.parentUrn()));
    }

    /** Number of resources per type token, sorted by type. */
    public Map<String, Long> countByType() {
        return resources.stream().collect(Collectors.groupingBy(PlannedResource::type,
                java.util.TreeMap::new, Collectors.counting()));
    }

    /** Throws the first program error, if any, so tests fail with the program's own message. */
    public PlannedStack orThrow() {
        if (!errors.isEmpty()) {
            Throwable first = errors.get(0);
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(first);
        }
        return this;
    }
}

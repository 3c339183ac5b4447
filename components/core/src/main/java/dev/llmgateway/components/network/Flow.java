package dev.llmgateway.components.network;

import java.util.Objects;

/**
 * A network path the stack means to allow: who opens TCP connections to whom, on which port, and why. It
 * is data, not a resource: {@link Connections} returns one for every path it opens, components hand theirs
 * to callers ({@code flows()}), and the offline engine decides each as AWS would (both groups' rules, routes
 * out and back) and reports it as ALLOWED or BLOCKED.
 *
 * @param name the name of the rule that admits it (unique in a stack)
 * @param from who opens the connection
 * @param to   who accepts it
 * @param port TCP port
 * @param why  what the path is for
 */
public record Flow(String name, FlowEnd from, FlowEnd to, int port, String why) {

    /** Validates. */
    public Flow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(why, "why");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }
}

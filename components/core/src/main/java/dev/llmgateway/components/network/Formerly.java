package dev.llmgateway.components.network;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * Earlier identities of a connection's two rules, so that a stack deployed before the rules got
 * their present names adopts the live rules instead of replacing them (AWS rejects a second rule
 * with the same permission while the first exists, so a replace would fail half-way).
 *
 * @param ingress former identity of the ingress rule, if it had another
 * @param egress  former identity of the egress rule, if it had another
 */
public record Formerly(Optional<Alias> ingress, Optional<Alias> egress) {

    /** No former identities. */
    public static final Formerly NONE = new Formerly(Optional.empty(), Optional.empty());

    /** The ingress rule was called {@code name} under the same parent. */
    public Formerly ingressNamed(String name) {
        return new Formerly(Optional.of(Alias.builder().name(name).build()), egress);
    }

    /** The egress rule was called {@code name} under the same parent. */
    public Formerly egressNamed(String name) {
        return new Formerly(ingress, Optional.of(Alias.builder().name(name).build()));
    }

    /** The egress rule was called {@code name} under {@code parent}. */
    public Formerly egressNamed(String name, Resource parent) {
        // Parent before name: the SDK's (1.36.1) Alias.Builder#parent checks the name field, not the parentUrn one.
        return new Formerly(ingress, Optional.of(Alias.builder().parent(parent).name(name).build()));
    }

    static List<Output<Alias>> list(Optional<Alias> alias) {
        return alias.map(a -> List.of(Output.of(a))).orElse(List.of());
    }
}

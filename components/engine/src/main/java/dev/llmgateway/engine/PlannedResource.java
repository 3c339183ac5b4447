package dev.llmgateway.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource registration as the engine saw it on the mock engine: type, logical name, URN,
 * parent, the inputs exactly as serialized (secret values wrapped in {@link Secret}) and the
 * resource options that matter to reviewers.
 *
 * @param type           Pulumi type token, e.g. {@code aws:ec2/vpc:Vpc}
 * @param name           logical name
 * @param urn            URN assigned by the engine
 * @param parentUrn      parent URN (the stack for top-level resources)
 * @param custom         true for provider-backed resources, false for components
 * @param inputs         inputs; nested maps and lists, {@link Secret} where the value is secret
 * @param dependencies   URNs this resource depends on
 * @param provider       provider reference (URN) or empty
 * @param protect        the {@code protect} resource option
 * @param retainOnDelete the {@code retainOnDelete} resource option
 * @param ignoreChanges  the {@code ignoreChanges} resource option
 * @param version        the provider plugin version requested
 * @param id             the id the (mock) provider assigned; empty for components
 * @param outputs        the state the (mock) provider returned: inputs plus computed attributes
 * @param replacement    the options that decide how the engine replaces it (delete-before-replace, replaceOnChanges)
 *                       and which earlier identities it keeps (aliases)
 */
public record PlannedResource(
        String type,
        String name,
        String urn,
        String parentUrn,
        boolean custom,
        Map<String, Object> inputs,
        List<String> dependencies,
        String provider,
        boolean protect,
        boolean retainOnDelete,
        List<String> ignoreChanges,
        String version,
        String id,
        Map<String, Object> outputs,
        ReplacementOptions replacement) {

    /**
     * Resource options the engine applies when this resource's inputs change or its identity moves.
     *
     * @param deleteBeforeReplace the {@code deleteBeforeReplace} option; empty when the program left it to the provider
     * @param replaceOnChanges    property paths whose change replaces the resource ({@code replaceOnChanges})
     * @param aliases             URNs of earlier identities of this resource ({@code aliases}, resolved as the engine does)
     */
    public record ReplacementOptions(Optional<Boolean> deleteBeforeReplace, List<String> replaceOnChanges, List<String> aliases) {

        /** No replacement options: the provider decides, no earlier identity. */
        public static final ReplacementOptions NONE = new ReplacementOptions(Optional.empty(), List.of(), List.of());
    }

    /** The input at a dotted path ({@code a.b.0.c}), secrets unwrapped; empty when absent. */
    public Optional<Object> input(String path) {
        return at(inputs, path);
    }

    private static Optional<Object> at(Map<String, Object> root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            current = Secret.reveal(current);
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(Secret.reveal(current));
    }

    /** The output (provider state) at a dotted path, secrets unwrapped; empty when absent. */
    public Optional<Object> output(String path) {
        return at(outputs, path);
    }

    /** The input at a dotted path as a string; fails when absent. */
    public String string(String path) {
        return String.valueOf(input(path).orElseThrow(() -> missing(path)));
    }

    /** The input at a dotted path as a number; fails when absent. */
    public double number(String path) {
        return ((Number) input(path).orElseThrow(() -> missing(path))).doubleValue();
    }

    /** The input at a dotted path as a boolean; false when absent. */
    public boolean flag(String path) {
        return input(path).map(Boolean.TRUE::equals).orElse(false);
    }

    /** The input at a dotted path as a list; empty when absent. */
    public List<?> list(String path) {
        return input(path).map(v -> (List<?>) v).orElse(List.of());
    }

    /** Whether the top-level input {@code key} was sent to the engine as a secret. */
    public boolean isSecret(String key) {
        return inputs.get(key) instanceof Secret;
    }

    private IllegalStateException missing(String path) {
        return new IllegalStateException(type + " " + name + " has no input " + path);
    }
}

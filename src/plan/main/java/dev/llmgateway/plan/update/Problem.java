package dev.llmgateway.plan.update;

/**
 * Something that stops {@code pulumi up} half-way: the engine refuses a step, or AWS refuses a call.
 *
 * @param kind      what kind of failure
 * @param resource  the resource whose step fails ({@code type name})
 * @param code      the error a real run returns: the AWS error code, or {@code pulumi} for the engine's own refusal
 * @param why       what collides or still uses what
 * @param reference where the error is documented
 */
public record Problem(Kind kind, String resource, String code, String why, String reference) {

    /** The kinds of failure. */
    public enum Kind {
        /** The engine refuses to replace or delete a protected resource. */
        PROTECTED("protected"),
        /** A create-before-delete replacement (or a new resource) meets what still exists, and AWS refuses it. */
        COLLISION("collision"),
        /** A delete that AWS refuses while something still uses the resource, or while it is deletion-protected. */
        BLOCKED_DELETE("blocked delete");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind as reports print it. */
        public String label() {
            return label;
        }
    }

    /** One line for reports. */
    public String line() {
        return kind.label() + ": " + resource + ": " + code + ": " + why + " (" + reference + ")";
    }
}

package dev.llmgateway.components.support;

/**
 * One-line checks for the compact constructors of component args: a bad input fails with an
 * {@link IllegalArgumentException} carrying the message given (which names the input, the value and what is allowed).
 */
public final class Reject {

    private Reject() {
    }

    /** Fails with {@code message} when {@code violated} holds. */
    public static void when(boolean violated, String message) {
        if (violated) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Fails with {@code message} unless {@code holds}. */
    public static void unless(boolean holds, String message) {
        when(!holds, message);
    }
}

package dev.llmgateway.engine;

/**
 * A value that the program sent to the engine marked as secret. Plans print it as
 * {@code [secret]}; tests unwrap it only to assert on it.
 *
 * @param value the plain value
 */
public record Secret(Object value) {

    /** Printed form of every secret in plans and reports. */
    public static final String MASK = "[secret]";

    /** The plain value when {@code value} is a {@link Secret}, else {@code value} itself. */
    public static Object reveal(Object value) {
        return value instanceof Secret secret ? secret.value() : value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}

package dev.llmgateway.gateway.settings;

/**
 * A stack setting that cannot be used. The message names the key, the value given and what is
 * allowed, so the user can fix the stack file without reading code.
 */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A bad value for {@code key}. */
    public SettingsException(String key, String value, String allowed) {
        super("Invalid stack setting " + key + " = '" + value + "': " + allowed);
    }

    /** A contradiction between several settings, described in full. */
    public SettingsException(String message) {
        super(message);
    }
}

package dev.llmgateway.gateway.litellm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files of {@code litellm/} that ship on the classpath (under {@code /litellm/}): the base config and
 * the small scripts the task's containers run. Keeping them as files lets them be read, linted and tested
 * as what they are instead of as Java string literals.
 */
public final class ProxyFiles {

    private ProxyFiles() {
    }

    /**
     * A shell or Python script of {@code litellm/} as a container command: its full-line comments and blank
     * lines dropped (they document the file, not the task definition), everything else as written.
     */
    public static String script(String name) {
        return text(name).lines()
                .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** The text of {@code litellm/<name>}. */
    public static String text(String name) {
        String path = "/litellm/" + name;
        try (InputStream in = ProxyFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath (copied from litellm/" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

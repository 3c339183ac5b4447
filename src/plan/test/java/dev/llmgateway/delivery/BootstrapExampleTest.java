package dev.llmgateway.delivery;

import com.pulumi.Pulumi;
import com.pulumi.aws.iam.Role;
import dev.llmgateway.components.github.GithubDeployRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bootstrap program in examples/bootstrap/README.md compiles against this project as written. */
class BootstrapExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeProgramCompiles(@TempDir Path dir) throws IOException, URISyntaxException {
        String readme = Files.readString(Path.of("examples/bootstrap/README.md"));
        Matcher block = JAVA_BLOCK.matcher(readme);
        assertTrue(block.find(), "examples/bootstrap/README.md has a java block");
        Path source = dir.resolve("Bootstrap.java");
        Files.writeString(source, block.group(1));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests run on a JDK");
        // The jars a reader's project depends on: the Pulumi SDK, the AWS provider, and this project's classes.
        String classpath = Stream.of(Pulumi.class, Role.class, GithubDeployRoles.class)
                .map(BootstrapExampleTest::location)
                .collect(Collectors.joining(File.pathSeparator));
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", classpath, "-d", dir.toString(), "-proc:none"),
                    null, files.getJavaFileObjects(source.toFile())).call();
            assertTrue(compiled, () -> diagnostics.getDiagnostics().stream()
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

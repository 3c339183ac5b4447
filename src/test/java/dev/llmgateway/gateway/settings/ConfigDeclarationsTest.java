package dev.llmgateway.gateway.settings;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigDeclarationsTest {

    /** Wraps a source and remembers every key asked for. */
    private static final class Recording implements ConfigSource {
        private final ConfigSource inner;
        private final Set<String> keys = new TreeSet<>();

        Recording(ConfigSource inner) {
            this.inner = inner;
        }

        @Override
        public String project() {
            return inner.project();
        }

        @Override
        public String stack() {
            return inner.stack();
        }

        @Override
        public Optional<String> get(String key) {
            keys.add(key);
            return inner.get(key);
        }

        @Override
        public Optional<Output<String>> secret(String key) {
            keys.add(key);
            return inner.secret(key);
        }

        @Override
        public boolean isPlainText(String key) {
            return inner.isPlainText(key);
        }

        @Override
        public boolean acceptsPlaceholders() {
            return inner.acceptsPlaceholders();
        }
    }

    @Test
    void everyKeyTheProgramReadsIsDeclaredInPulumiYamlAndNoDeclarationIsUnused() throws Exception {
        Set<String> read = new TreeSet<>();
        List<StackFileConfigSource> sources = new java.util.ArrayList<>(List.of(Stacks.load("dev"), Stacks.load("prod")));
        Stacks.examples().forEach(name -> sources.add(Stacks.example(name)));
        for (var source : sources) {
            var recording = new Recording(source);
            StackSettings.read(recording);
            read.addAll(recording.keys);
        }
        read.removeIf(key -> key.contains(":"));
        Map<String, Object> project = new Yaml().load(Files.readString(Stacks.PROJECT.resolve("Pulumi.yaml")));
        @SuppressWarnings("unchecked")
        Set<String> declared = new TreeSet<>(((Map<String, Object>) project.get("config")).keySet());
        assertEquals(declared, read);
    }
}

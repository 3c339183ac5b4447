package dev.llmgateway.plan;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The README's configuration reference, generated from the declarations in {@code Pulumi.yaml}. */
public final class ConfigReference {

    private ConfigReference() {
    }

    /** A Markdown table: key, type, default, description. */
    @SuppressWarnings("unchecked")
    public static String markdown(Path projectFile) throws IOException {
        Map<String, Object> project = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(projectFile));
        Map<String, Object> config = (Map<String, Object>) project.get("config");
        StringBuilder table = new StringBuilder("| key | type | default | description |\n|---|---|---|---|\n");
        config.forEach((key, raw) -> {
            Map<String, Object> declaration = (Map<String, Object>) raw;
            table.append("| `").append(key).append("` | ")
                    .append(declaration.get("type")).append(" | ")
                    .append(render(declaration.get("default"))).append(" | ")
                    .append(String.valueOf(declaration.get("description")).replace("|", "\\|")).append(" |\n");
        });
        return table.toString();
    }

    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "`[]`" : "`" + list + "`";
        }
        String text = value == null ? "" : String.valueOf(value);
        return text.isEmpty() ? "(none)" : "`" + text + "`";
    }
}

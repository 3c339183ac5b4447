package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.ConfigDeclaration;
import dev.llmgateway.gateway.settings.ProjectConfig;

import java.nio.file.Path;
import java.util.List;

/** The README's configuration reference, generated from the declarations in {@code Pulumi.yaml}. */
public final class ConfigReference {

    private ConfigReference() {
    }

    /** A Markdown table: key, type, default, description. */
    public static String markdown(Path projectDir) {
        StringBuilder table = new StringBuilder("| key | type | default | description |\n|---|---|---|---|\n");
        for (ConfigDeclaration declaration : ProjectConfig.load(projectDir).declarations().values()) {
            table.append("| `").append(declaration.key()).append("` | ")
                    .append(declaration.type() == null ? "" : declaration.type().name()).append(" | ")
                    .append(render(declaration.fallback().orElse(null))).append(" | ")
                    .append(declaration.description().replace("|", "\\|")).append(" |\n");
        }
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

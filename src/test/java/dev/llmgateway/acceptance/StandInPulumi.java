package dev.llmgateway.acceptance;

import com.google.gson.Gson;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.Version;
import dev.llmgateway.gateway.settings.GoYaml;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A stand-in for the {@code pulumi} CLI that the Automation API drives in tests: it stores config as the CLI stores it
 * and validates it as the CLI does before a deployment, without deploying anything.
 *
 * <ul>
 *   <li>{@code config set-all [--path] --plaintext k=v --secret k=v}: as pulumi/pulumi {@code pkg/cmd/pulumi/config
 *       newConfigSetAllCmd} with {@code config.Map.Set}: a value is a string; with {@code --path}, {@code key[0]} and
 *       {@code key.sub} build a list or map whose leaves are coerced as {@code config/object.go coerce} does
 *       ({@code true}/{@code false} to booleans, decimal digits not starting with 0 to integers); a secret is stored
 *       {@code secure:} (here base64, not encrypted). Written to {@code Pulumi.<stack>.yaml} as the CLI writes it.</li>
 *   <li>{@code up} and {@code preview}: the CLI's config checks ({@link StackFileConfigSource}, which reproduces them)
 *       and then the program's start-up checks ({@link StackSettings#read}); a failure exits 255 with the message on
 *       standard error, as the CLI does. Nothing is deployed: the stack has no outputs.</li>
 *   <li>{@code version}, {@code stack init/select/rm}, {@code stack output}, {@code stack history}: enough for the
 *       Automation API's bookkeeping.</li>
 * </ul>
 */
final class StandInPulumi implements PulumiCommand {

    private static final Pattern PATH_PART = Pattern.compile("\\[(\\d+)]|\\.?([^.\\[\\]]+)");

    private final Path projectDir;
    private final List<List<String>> commands = new ArrayList<>();
    /** The stack {@code stack init} or {@code stack select} selected: commands without {@code --stack} act on it. */
    private String selected;

    /** A stand-in whose project (and stack files) live in {@code projectDir}. */
    StandInPulumi(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Every command line run so far. */
    List<List<String>> commands() {
        return commands;
    }

    @Override
    public Version version() {
        return Version.of(3, 190, 0);
    }

    /** Runs a command; a failure is thrown as the CLI's non-zero exit ({@link CommandException}), as the real command does. */
    @Override
    public CommandResult run(List<String> args, CommandRunOptions options) throws CommandException {
        commands.add(List.copyOf(args));
        List<String> rest = new ArrayList<>(args);
        String option = option(rest, "--stack");
        if (rest.get(0).equals("stack") && List.of("init", "select").contains(rest.get(1))) {
            selected = option != null ? option : rest.get(rest.size() - 1);
        }
        String stack = option != null ? option : selected;
        CommandResult result = switch (rest.get(0)) {
            case "version" -> new CommandResult(0, "v3.190.0\n", "");
            case "stack" -> stack(rest, stack);
            case "config" -> config(rest, stack);
            case "up", "preview" -> deploy(stack);
            default -> new CommandResult(255, "", "error: the stand-in does not know `pulumi " + String.join(" ", args) + "`");
        };
        if (result.code() != 0) {
            throw new CommandException(result);
        }
        return result;
    }

    private CommandResult stack(List<String> args, String stack) {
        return switch (args.get(1)) {
            case "output" -> new CommandResult(0, "{}", "");
            case "history" -> new CommandResult(0, new Gson().toJson(List.of(Map.of("kind", "update", "result", "succeeded",
                    "startTime", "2026-01-01T00:00:00.000Z", "endTime", "2026-01-01T00:00:01.000Z", "message", "",
                    "environment", Map.of(), "config", Map.of(), "version", 1))), "");
            case "rm" -> {
                delete(file(stack != null ? stack : args.get(args.size() - 1)));
                yield new CommandResult(0, "", "");
            }
            default -> new CommandResult(0, "", "");
        };
    }

    private CommandResult config(List<String> args, String stack) {
        boolean path = args.remove("--path");
        args.remove("--non-interactive");
        args.remove("--");
        // set-all: --plaintext k=v / --secret k=v pairs; set: [--secret|--plaintext] key value.
        List<String[]> entries = new ArrayList<>();
        if (args.get(1).equals("set-all")) {
            for (int i = 2; i + 1 < args.size(); i += 2) {
                String pair = args.get(i + 1);
                entries.add(new String[] {args.get(i), pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)});
            }
        } else if (args.get(1).equals("set")) {
            boolean secret = args.remove("--secret");
            args.remove("--plaintext");
            entries.add(new String[] {secret ? "--secret" : "--plaintext", args.get(2), args.get(3)});
        } else {
            return new CommandResult(255, "", "error: the stand-in only sets config (set, set-all)");
        }
        Map<String, Object> config = read(stack);
        for (String[] entry : entries) {
            boolean secret = entry[0].equals("--secret");
            String key = entry[1];
            String value = entry[2];
            Object stored = secret ? Map.of("secure", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                    : value;
            if (!path || PATH_PART.matcher(name(key)).results().count() == 1) {
                config.put(qualified(key), stored);
            } else {
                set(config, key, secret ? stored : coerce(value));
            }
        }
        write(stack, config);
        return new CommandResult(0, "", "");
    }

    /** {@code config.Map.Set} with a path: the first part names the key, the rest index into lists and maps. */
    private void set(Map<String, Object> config, String key, Object value) {
        List<Part> parts = PATH_PART.matcher(name(key)).results().map(Part::of).toList();
        String root = qualified(namespace(key) + parts.get(0).name());
        config.put(root, put(config.get(root), parts.subList(1, parts.size()), value));
    }

    /** {@code container} with {@code value} at {@code path}; a missing list or map is created on the way. */
    private static Object put(Object container, List<Part> path, Object value) {
        if (path.isEmpty()) {
            return value;
        }
        Part part = path.get(0);
        List<Part> rest = path.subList(1, path.size());
        if (part.index() >= 0) {
            List<Object> list = container instanceof List<?> old ? new ArrayList<>(old) : new ArrayList<>();
            if (part.index() > list.size()) {
                throw new IllegalArgumentException("array index " + part.index() + " out of range");
            }
            Object updated = put(part.index() < list.size() ? list.get(part.index()) : null, rest, value);
            if (part.index() == list.size()) {
                list.add(updated);
            } else {
                list.set(part.index(), updated);
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (container instanceof Map<?, ?> old) {
            old.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        map.put(part.name(), put(map.get(part.name()), rest, value));
        return map;
    }

    /**
     * One part of a config path: a list index, or a map key.
     *
     * @param index the list index; -1 for a map key
     * @param name  the map key (or the root key's name)
     */
    private record Part(int index, String name) {
        static Part of(java.util.regex.MatchResult m) {
            return m.group(1) != null ? new Part(Integer.parseInt(m.group(1)), null) : new Part(-1, m.group(2));
        }
    }

    /** {@code config/object.go coerce}: true/false, and decimal digits without a leading 0, become typed. */
    static Object coerce(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        if (value.matches("-?[1-9][0-9]*|0")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLong) {
                return value;
            }
        }
        return value;
    }

    private CommandResult deploy(String stack) {
        try {
            StackSettings.read(StackFileConfigSource.load(projectDir, file(stack), stack));
            return new CommandResult(0, "", "");
        } catch (SettingsException e) {
            return new CommandResult(255, "", "error: " + e.getMessage() + "\n");
        }
    }

    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return null;
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return value;
    }

    private static String name(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    private static String namespace(String key) {
        return key.contains(":") ? key.substring(0, key.indexOf(':') + 1) : "";
    }

    private String qualified(String key) {
        return key.contains(":") ? key : "litellm-gateway:" + key;
    }

    private Path file(String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String stack) {
        if (!Files.exists(file(stack))) {
            return new LinkedHashMap<>();
        }
        Object document = GoYaml.load(file(stack));
        Object config = document instanceof Map<?, ?> map ? map.get("config") : null;
        return config == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) config);
    }

    private void write(String stack, Map<String, Object> config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try {
            Files.writeString(file(stack), new Yaml(options).dump(Map.of("config", config)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.llmgateway.gateway.settings;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML read the way the Pulumi CLI reads {@code Pulumi.yaml} and stack files: with Go's {@code gopkg.in/yaml.v3}
 * (pulumi/pulumi {@code sdk/go/common/encoding/marshal.go}), whose plain scalars follow YAML 1.2 as that library
 * resolves them ({@code resolve.go}): only {@code true/True/TRUE} and {@code false/False/FALSE} are booleans
 * ({@code yes}, {@code on} stay text), {@code 12:30} is text (no base-60 numbers), integers as Go's
 * {@code strconv.ParseInt(s, 0, 64)} reads them (underscores, {@code 0x}, {@code 0o}, {@code 0b}, a leading
 * {@code 0} for octal), timestamps stay text, a key given twice is an error. Values come back as Go would hold them:
 * {@link Long} (or {@link BigInteger} above 63 bits), {@link Double}, {@link Boolean}, {@link String}, null,
 * {@link List} and {@link LinkedHashMap}.
 */
public final class GoYaml {

    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-.*");

    private GoYaml() {
    }

    /** The document in {@code file}; fails naming the file, line and column of a syntax error. */
    public static Object load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new SettingsException("file", file.toString(), "a readable YAML file (" + e.getMessage() + ")");
        }
    }

    /** The document in {@code text}, named {@code where} in errors. */
    public static Object load(String text, String where) {
        return load(new StringReader(text), where);
    }

    private static Object load(Reader reader, String where) {
        Node root;
        try {
            // Scalars are resolved below, as yaml.v3 resolves them, not by SnakeYAML's YAML 1.1 rules.
            root = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                    new DumperOptions(), new LoaderOptions(), new Resolver() {
                        @Override
                        protected void addImplicitResolvers() {
                        }
                    }).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Mark context = e.getContextMark();
            throw new SettingsException("Malformed YAML in " + where + (mark == null ? "" : " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)) + ": " + (e.getProblem() != null ? e.getProblem() : e.getContext())
                    + (context != null && context != mark && e.getContext() != null
                    ? " (" + e.getContext() + " started at line " + (context.getLine() + 1) + ")" : ""));
        } catch (YAMLException e) {
            throw new SettingsException("Malformed YAML in " + where + ": " + e.getMessage());
        }
        return root == null ? null : value(root, where);
    }

    private static Object value(Node node, String where) {
        if (node instanceof MappingNode mapping) {
            Map<Object, Object> map = new LinkedHashMap<>();
            Map<Object, Integer> lines = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = value(tuple.getKeyNode(), where);
                int line = tuple.getKeyNode().getStartMark().getLine() + 1;
                if (map.containsKey(key)) {
                    // yaml.v3: "mapping key %#v already defined at line %d".
                    throw new SettingsException("Malformed YAML in " + where + " at line " + line + ": found duplicate key "
                            + key + " (already defined at line " + lines.get(key) + ")");
                }
                map.put(key, value(tuple.getValueNode(), where));
                lines.put(key, line);
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(value(item, where)));
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        // Quoted and block scalars are text; explicit tags (!!str 5) are not used in stack files and not modelled.
        return scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? resolve(text) : text;
    }

    /** A plain scalar as {@code yaml.v3 resolve} decodes it into an {@code interface{}}. */
    static Object resolve(String text) {
        switch (text) {
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case "", "~", "null", "Null", "NULL":
                return null;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return FLOAT.matcher(text).matches() ? (Object) Double.parseDouble(text) : text;
        }
        if (!(Character.isDigit(first) || first == '+' || first == '-')) {
            return text;
        }
        if (TIMESTAMP.matcher(text).matches()) {
            // yaml.v3 keeps timestamps decoded into interface{} as text.
            return text;
        }
        String plain = text.replace("_", "");
        BigInteger integer = parseGoInt(plain);
        if (integer != null) {
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        if (FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} (then {@code ParseUint}): sign, base prefix, digits; null if it fails. */
    private static BigInteger parseGoInt(String text) {
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, base);
        if (negative) {
            value = value.negate();
        }
        boolean fitsSigned = value.bitLength() < 64;
        boolean fitsUnsigned = !negative && value.bitLength() <= 64;
        return fitsSigned || fitsUnsigned ? value : null;
    }
}

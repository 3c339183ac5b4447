package dev.llmgateway.gateway.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values that only documentation uses, which a production deployment must never receive: they
 * deploy nothing useful (a certificate that does not exist, alarms nobody reads, an allow-list
 * nobody is in) and fail late or silently. Sources: RFC 5737 (IPv4 ranges reserved for
 * documentation), AWS documentation's example account IDs (123456789012, 111122223333), RFC 2606
 * (example.com / .net / .org), all-zero or repeated-digit resource ids.
 */
public final class Placeholders {

    private record Rule(Pattern pattern, String what) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![\\d.])(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}"),
                    "an RFC 5737 documentation address range (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)"),
            new Rule(Pattern.compile("(?<!\\d)(123456789012|111122223333|000000000000)(?!\\d)"),
                    "an example AWS account ID from the AWS documentation"),
            new Rule(Pattern.compile("(?<![0-9a-f])([0-9a-f])\\1{7}-\\1{4}-\\1{4}-\\1{4}-\\1{12}(?![0-9a-f])"),
                    "a placeholder resource id (one digit repeated)"),
            new Rule(Pattern.compile("(?i)(^|[@.\\s/\"])example\\.(com|net|org)(?![\\w-])"),
                    "an RFC 2606 example domain (example.com, example.net, example.org)"));

    private Placeholders() {
    }

    /** Why {@code value} is a documentation placeholder; empty when it is not one. */
    public static Optional<String> why(String value) {
        return RULES.stream().filter(rule -> rule.pattern().matcher(value).find()).map(Rule::what).findFirst();
    }

    /**
     * Fails on the first value read so far that is a placeholder, naming its key, unless the source accepts
     * placeholders (committed templates read by tests and the offline plan).
     */
    static void reject(SettingsReader r) {
        if (r.source().acceptsPlaceholders()) {
            return;
        }
        for (Map.Entry<String, String> entry : r.valuesRead().entrySet()) {
            why(entry.getValue()).ifPresent(what -> {
                throw r.invalid(entry.getKey(), entry.getValue(), "a real value for a stack with policyProfile prod; this is "
                        + what + ". Replace it with: pulumi config set " + entry.getKey() + " <value>"
                        + " (lists: edit the stack file), or use policyProfile dev for a stack that is not production");
            });
        }
    }
}

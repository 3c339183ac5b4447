package dev.llmgateway.gateway.litellm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The regex guardrail over streamed answers, with LiteLLM's own prebuilt patterns (copied as test data with their
 * source: {@code src/test/resources/litellm/content-filter-patterns.json}). {@link ContentFilter} follows
 * LiteLLM's content filter as read in its source ({@code content_filter.py}): {@code _filter_single_text} applies
 * every configured pattern in order, BLOCK raising and MASK replacing every match with {@code [NAME_REDACTED]};
 * {@code async_post_call_streaming_iterator_hook} filters the whole answer accumulated so far at each chunk and
 * releases only what lies more than {@value #HOLD_BACK} characters before its end, everything at the last chunk (with
 * a space appended so a value at the very end meets its {@code \b}). Every sample answer is cut at every position and
 * in random small chunks.
 */
class GuardrailStreamingTest {

    /** Characters LiteLLM's streaming hook holds back ({@code buffer_size = 50} in content_filter.py). */
    private static final int HOLD_BACK = 50;

    /** Each entity LiteLLM's patterns are configured for, in a sentence a model might answer with. */
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("123-45-6789", "The SSN on file is 123-45-6789, please verify it.");
        VALUES.put("jane.doe@example.com", "Write to jane.doe@example.com for the refund.");
        VALUES.put("(415) 555-0132", "Call the office at (415) 555-0132 before noon.");
        VALUES.put("+1 415.555.0199", "Her mobile is +1 415.555.0199, text first.");
        VALUES.put("4111 1111 1111 1111", "Charge the Visa 4111 1111 1111 1111 today.");
        VALUES.put("5500-0000-0000-0004", "The Mastercard 5500-0000-0000-0004 expired.");
        VALUES.put("3782 822463 10005", "Use the Amex 3782 822463 10005 for travel.");
        VALUES.put("6011000990139424", "Discover card 6011000990139424 was declined.");
        VALUES.put("AKIAIOSFODNN7EXAMPLE", "The key id AKIAIOSFODNN7EXAMPLE is still active.");
    }

    private static Map<String, Pattern> shipped;
    private static ContentFilter mask;
    private static ContentFilter block;

    @BeforeAll
    static void loadLiteLlmsPatterns() throws IOException {
        try (InputStream in = GuardrailStreamingTest.class.getResourceAsStream("/litellm/content-filter-patterns.json")) {
            JsonObject data = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            shipped = new LinkedHashMap<>();
            // Python 3 str patterns: Unicode \d, \w and \b; patterns.py adds re.IGNORECASE.
            data.getAsJsonArray("patterns").forEach(p -> shipped.put(p.getAsJsonObject().get("name").getAsString(),
                    Pattern.compile(p.getAsJsonObject().get("pattern").getAsString(),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)));
        }
        Map<String, Pattern> configured = new LinkedHashMap<>();
        LiteLlmConfig.REGEX_PATTERNS.forEach(name -> configured.put(name, shipped.get(name)));
        mask = new ContentFilter(configured, false);
        block = new ContentFilter(configured, true);
    }

    @Test
    void everyConfiguredPatternIsLiteLlmsAndCardsOfEveryBrandAreCovered() {
        assertTrue(shipped.keySet().containsAll(LiteLlmConfig.REGEX_PATTERNS), LiteLlmConfig.REGEX_PATTERNS.toString());
        for (String brand : List.of("visa", "mastercard", "amex", "discover")) {
            VALUES.keySet().stream().filter(v -> shipped.get(brand).matcher(v).matches()).forEach(card ->
                    assertTrue(shipped.get("credit_card").matcher(card).matches(), brand + " " + card));
        }
        VALUES.forEach((value, answer) -> assertFalse(mask.filter(answer).contains(value), answer));
    }

    @Test
    void maskedStreamsNeverCarryAValueWhereverTheChunksAreCut() {
        Random random = new Random(26);
        VALUES.forEach((value, answer) -> {
            String whole = mask.filter(answer);
            List<List<String>> cuts = new ArrayList<>();
            for (int at = 1; at < answer.length(); at++) {
                cuts.add(List.of(answer.substring(0, at), answer.substring(at)));
            }
            for (int run = 0; run < 20; run++) {
                cuts.add(randomChunks(answer, random));
            }
            for (List<String> chunks : cuts) {
                String streamed = String.join("", mask.stream(chunks));
                assertFalse(streamed.contains(value), chunks + " -> " + streamed);
                assertEquals(whole, streamed, "the stream ends as the whole answer masked at once: " + chunks);
            }
        });
    }

    @Test
    void blockingStreamsStopBeforeAnyPartOfTheValueIsSent() {
        VALUES.forEach((value, answer) -> {
            for (int at = 1; at < answer.length(); at++) {
                List<String> sent = new ArrayList<>();
                try {
                    block.stream(List.of(answer.substring(0, at), answer.substring(at)), sent);
                    fail("not blocked: " + answer);
                } catch (Blocked expected) {
                    String before = String.join("", sent);
                    assertTrue(before.length() <= answer.indexOf(value), "sent past the value's start: " + before);
                }
            }
        });
    }

    @Test
    void aCheckOfEachChunkAloneLetsSplitValuesThrough() {
        // What the hold-back buys: a value cut in two is found by neither half.
        String answer = VALUES.entrySet().stream().filter(e -> e.getKey().startsWith("4111")).findFirst().orElseThrow().getValue();
        int cut = answer.indexOf("4111") + 7;
        String perChunk = mask.filter(answer.substring(0, cut)) + mask.filter(answer.substring(cut));
        assertTrue(perChunk.contains("4111 11") && perChunk.contains("11 1111 1111"), perChunk);
    }

    @Test
    void aValueLongerThanTheHoldBackCanStartStreamingBeforeItIsMasked() {
        // The documented limit: only an e-mail address can be that long among the configured patterns.
        String address = "first.middle.last.department.team." + "x".repeat(20) + "@example.com";
        assertTrue(address.length() > HOLD_BACK);
        List<String> chunks = new ArrayList<>();
        String answer = "Mail " + address + " now.";
        for (int i = 0; i < answer.length(); i += 5) {
            chunks.add(answer.substring(i, Math.min(answer.length(), i + 5)));
        }
        String streamed = String.join("", mask.stream(chunks));
        assertTrue(streamed.startsWith("Mail first."), "its start was released before the address was complete: " + streamed);
    }

    private static List<String> randomChunks(String text, Random random) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int next = Math.min(text.length(), i + 1 + random.nextInt(7));
            chunks.add(text.substring(i, next));
            i = next;
        }
        return chunks;
    }

    /** BLOCK's refusal (LiteLLM raises HTTPException 400). */
    private static final class Blocked extends RuntimeException {
        Blocked(String pattern) {
            super("Content blocked: " + pattern + " pattern detected");
        }
    }

    /** LiteLLM's content filter with prebuilt patterns only, as its source reads (see the class comment). */
    private record ContentFilter(Map<String, Pattern> patterns, boolean block) {

        String filter(String text) {
            for (Map.Entry<String, Pattern> pattern : patterns.entrySet()) {
                Matcher matcher = pattern.getValue().matcher(text);
                if (!matcher.find()) {
                    continue;
                }
                if (block) {
                    throw new Blocked(pattern.getKey());
                }
                text = matcher.replaceAll(Matcher.quoteReplacement("[" + pattern.getKey().toUpperCase() + "_REDACTED]"));
            }
            return text;
        }

        List<String> stream(List<String> chunks) {
            List<String> sent = new ArrayList<>();
            stream(chunks, sent);
            return sent;
        }

        void stream(List<String> chunks, List<String> sent) {
            StringBuilder accumulated = new StringBuilder();
            int released = 0;
            for (int i = 0; i < chunks.size(); i++) {
                boolean last = i == chunks.size() - 1;
                accumulated.append(chunks.get(i));
                String masked = filter(last ? accumulated + " " : accumulated.toString());
                if (last && masked.endsWith(" ")) {
                    masked = masked.substring(0, masked.length() - 1);
                }
                int safe = last ? masked.length() : Math.max(0, masked.length() - HOLD_BACK);
                if (safe > released) {
                    sent.add(masked.substring(released, safe));
                    released = safe;
                }
            }
        }
    }
}

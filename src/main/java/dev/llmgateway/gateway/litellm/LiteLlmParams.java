package dev.llmgateway.gateway.litellm;

import dev.llmgateway.gateway.settings.Spelling;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code litellm_params} a model entry may set ({@code alias=provider/model;name=value}), each with the type LiteLLM
 * reads it as, so the rendered config carries {@code temperature: 0.2}, not the text {@code '0.2'}. The names and
 * types come from LiteLLM at the pinned release (BerriAI/litellm {@code litellm/types/router.py}
 * {@code GenericLiteLLMParams} and {@code LiteLLMParamsTypedDict}: routing, limits, timeouts, pricing; {@code
 * litellm/constants.py OPENAI_CHAT_COMPLETION_PARAMS}: the request defaults a deployment may fix), checked {@value #AS_OF}.
 * LiteLLM passes names it does not model through to the provider ({@code extra="allow"}), so a name outside the table
 * is warned about, and refused when it is a near miss of a known one (a misspelling the provider would reject or
 * silently ignore).
 */
public final class LiteLlmParams {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";

    /** How LiteLLM reads a parameter. */
    enum Kind {
        TEXT, INTEGER, NUMBER, BOOLEAN
    }

    private static final Map<String, Kind> PARAMS = Map.ofEntries(
            // GenericLiteLLMParams / LiteLLMParamsTypedDict
            Map.entry("api_base", Kind.TEXT), Map.entry("api_version", Kind.TEXT), Map.entry("organization", Kind.TEXT),
            Map.entry("region_name", Kind.TEXT), Map.entry("custom_llm_provider", Kind.TEXT),
            Map.entry("tpm", Kind.INTEGER), Map.entry("rpm", Kind.INTEGER), Map.entry("order", Kind.INTEGER),
            Map.entry("weight", Kind.INTEGER), Map.entry("max_parallel_requests", Kind.INTEGER),
            Map.entry("timeout", Kind.NUMBER), Map.entry("stream_timeout", Kind.NUMBER), Map.entry("max_retries", Kind.INTEGER),
            Map.entry("num_retries", Kind.INTEGER), Map.entry("cooldown_time", Kind.NUMBER), Map.entry("drop_params", Kind.BOOLEAN),
            Map.entry("input_cost_per_token", Kind.NUMBER), Map.entry("output_cost_per_token", Kind.NUMBER),
            Map.entry("max_budget", Kind.NUMBER), Map.entry("budget_duration", Kind.TEXT),
            Map.entry("merge_reasoning_content_in_choices", Kind.BOOLEAN), Map.entry("use_in_pass_through", Kind.BOOLEAN),
            // OPENAI_CHAT_COMPLETION_PARAMS with a scalar value
            Map.entry("temperature", Kind.NUMBER), Map.entry("top_p", Kind.NUMBER), Map.entry("n", Kind.INTEGER),
            Map.entry("max_tokens", Kind.INTEGER), Map.entry("max_completion_tokens", Kind.INTEGER),
            Map.entry("presence_penalty", Kind.NUMBER), Map.entry("frequency_penalty", Kind.NUMBER),
            Map.entry("seed", Kind.INTEGER), Map.entry("user", Kind.TEXT), Map.entry("reasoning_effort", Kind.TEXT),
            Map.entry("parallel_tool_calls", Kind.BOOLEAN), Map.entry("logprobs", Kind.BOOLEAN),
            Map.entry("top_logprobs", Kind.INTEGER), Map.entry("stop", Kind.TEXT), Map.entry("service_tier", Kind.TEXT),
            // provider-specific, passed through to Anthropic and Bedrock's Anthropic models
            Map.entry("top_k", Kind.INTEGER));

    /**
     * Parameters the program sets itself (the model, the region Bedrock is called in, the provider key from Secrets
     * Manager), or that would put credentials into the stack file.
     */
    static final Set<String> SET_BY_PROGRAM = Set.of("model", "api_key", "aws_region_name", "aws_access_key_id",
            "aws_secret_access_key", "aws_session_token", "aws_role_name", "aws_profile_name", "aws_web_identity_token");

    private LiteLlmParams() {
    }

    /**
     * The outcome of checking one parameter.
     *
     * @param value   the typed value to render; empty when refused
     * @param problem why it is refused; empty when accepted
     * @param unknown whether the name is outside the table (accepted as text, to be warned about)
     */
    record Checked(Optional<Object> value, Optional<String> problem, boolean unknown) {
    }

    /** Checks {@code name=text} of one model entry. */
    static Checked check(String name, String text) {
        if (SET_BY_PROGRAM.contains(name)) {
            return refused(name + " is set by this project (the model, Bedrock's region, the provider key from the secret"
                    + " store) or would put credentials in the stack file");
        }
        Kind kind = PARAMS.get(name);
        if (kind == null) {
            Set<String> known = new TreeSet<>(PARAMS.keySet());
            known.addAll(SET_BY_PROGRAM);
            Optional<String> near = Spelling.nearest(name, known);
            return near.isPresent() ? refused(name + " is not a LiteLLM parameter; did you mean " + near.get() + "?")
                    : new Checked(Optional.of(text), Optional.empty(), true);
        }
        try {
            Object value = switch (kind) {
                case TEXT -> text;
                case INTEGER -> Long.parseLong(text);
                case NUMBER -> number(text);
                case BOOLEAN -> bool(text);
            };
            return new Checked(Optional.of(value), Optional.empty(), false);
        } catch (IllegalArgumentException e) {
            return refused(name + " must be " + switch (kind) {
                case INTEGER -> "a whole number";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case TEXT -> "text";
            } + ", got '" + text + "'");
        }
    }

    private static Object number(String text) {
        double value = Double.parseDouble(text);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(text);
        }
        return value == Math.rint(value) && !text.contains(".") ? (Object) (long) value : value;
    }

    private static Object bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Checked refused(String problem) {
        return new Checked(Optional.empty(), Optional.of(problem), false);
    }
}

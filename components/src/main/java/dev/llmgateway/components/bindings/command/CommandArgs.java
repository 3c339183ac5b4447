package dev.llmgateway.components.bindings.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Inputs of {@link Command}; build with {@link #builder()}. */
public final class CommandArgs extends ResourceArgs {

    @Import(name = "create")
    private Output<String> create;

    @Import(name = "interpreter")
    private Output<List<String>> interpreter;

    @Import(name = "environment")
    private Output<Map<String, String>> environment;

    @Import(name = "triggers")
    private Output<List<Object>> triggers;

    private CommandArgs() {
    }

    /** The program run on create (and on any input change). */
    public Output<String> create() {
        return create;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CommandArgs}. */
    public static final class Builder {
        private final CommandArgs args = new CommandArgs();

        /** The program run on create; required. */
        public Builder create(String script) {
            args.create = Output.of(script);
            return this;
        }

        /** The interpreter and its arguments, the script appended last; provider default {@code ["/bin/sh", "-c"]}. */
        public Builder interpreter(List<String> interpreter) {
            args.interpreter = Output.of(List.copyOf(interpreter));
            return this;
        }

        /** Environment the program gets besides the engine's own. */
        public Builder environment(Output<Map<String, String>> environment) {
            args.environment = environment;
            return this;
        }

        /** Values whose change replaces the resource, so {@code create} runs again. */
        public Builder triggers(Output<List<Object>> triggers) {
            args.triggers = triggers;
            return this;
        }

        /** Builds the args; fails when {@code create} is missing. */
        public CommandArgs build() {
            Objects.requireNonNull(args.create, "CommandArgs.create is required");
            return args;
        }
    }
}

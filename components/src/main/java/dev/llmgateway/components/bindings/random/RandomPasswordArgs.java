package dev.llmgateway.components.bindings.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

/** Inputs of {@link RandomPassword}; build with {@link #builder()}. */
public final class RandomPasswordArgs extends ResourceArgs {

    @Import(name = "length", required = true)
    private Output<Integer> length;

    @Import(name = "special")
    private Output<Boolean> special;

    @Import(name = "overrideSpecial")
    private Output<String> overrideSpecial;

    @Import(name = "keepers")
    private Output<Map<String, String>> keepers;

    private RandomPasswordArgs() {
    }

    /** Length of the result (required). */
    public Output<Integer> length() {
        return length;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link RandomPasswordArgs}. */
    public static final class Builder {
        private final RandomPasswordArgs args = new RandomPasswordArgs();

        /** Length of the result; required. */
        public Builder length(int length) {
            args.length = Output.of(length);
            return this;
        }

        /** Whether special characters are used; provider default true. */
        public Builder special(boolean special) {
            args.special = Output.of(special);
            return this;
        }

        /** The special characters allowed, when {@code special} is on; provider default a broad set. */
        public Builder overrideSpecial(String characters) {
            args.overrideSpecial = Output.of(characters);
            return this;
        }

        /** Arbitrary values that, when changed, replace the resource (and so regenerate the value). */
        public Builder keepers(Map<String, String> keepers) {
            args.keepers = Output.of(Map.copyOf(keepers));
            return this;
        }

        /** Builds the args; fails when {@code length} is missing. */
        public RandomPasswordArgs build() {
            Objects.requireNonNull(args.length, "RandomPasswordArgs.length is required");
            return args;
        }
    }
}

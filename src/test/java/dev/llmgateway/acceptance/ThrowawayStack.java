package dev.llmgateway.acceptance;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Runs checks against a stack that exists only for the duration of the run: deploy, check, and
 * always destroy, also when deploying or a check fails. The first failure is what the test reports;
 * a failed destroy is added to it (or becomes the failure) with the resources left behind, so
 * nobody has to guess what still costs money.
 */
final class ThrowawayStack {

    /** The checks, given the stack outputs. */
    interface Checks {
        void run(Map<String, Object> outputs) throws Exception;
    }

    /** A destroy that did not complete, with what it left behind. */
    static final class LeftoversException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> leftovers;

        LeftoversException(String stack, List<String> leftovers, Throwable cause) {
            super("destroy of throw-away stack " + stack + " failed; " + (leftovers.isEmpty()
                    ? "its state lists no resources, check the account for untracked ones"
                    : leftovers.size() + " resource(s) left behind, remove them with `pulumi destroy -s " + stack
                    + "` or by hand:\n  " + String.join("\n  ", leftovers)), cause);
            this.leftovers = List.copyOf(leftovers);
        }

        List<String> leftovers() {
            return leftovers;
        }
    }

    private ThrowawayStack() {
    }

    static void run(StackDriver stack, Checks checks, PrintStream log) throws Exception {
        Exception failure = null;
        try {
            log.println("acceptance: deploying " + stack.name());
            stack.up();
            checks.run(stack.outputs());
        } catch (Exception | AssertionError e) {
            failure = e instanceof Exception ex ? ex : new Exception(e.getMessage(), e);
        } finally {
            Exception cleanup = destroy(stack, log);
            if (cleanup != null) {
                if (failure == null) {
                    failure = cleanup;
                } else {
                    failure.addSuppressed(cleanup);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Destroys and removes the stack; returns the failure with the leftovers, or null. */
    private static Exception destroy(StackDriver stack, PrintStream log) {
        log.println("acceptance: destroying " + stack.name());
        try {
            stack.destroy();
            stack.remove();
            return null;
        } catch (Exception e) {
            List<String> leftovers;
            try {
                leftovers = stack.remainingResources();
            } catch (Exception listing) {
                leftovers = List.of("(could not read the stack state: " + listing.getMessage() + ")");
            }
            LeftoversException leftoversException = new LeftoversException(stack.name(), leftovers, e);
            log.println("acceptance: " + leftoversException.getMessage());
            return leftoversException;
        }
    }
}

package dev.llmgateway.acceptance;

import java.util.List;
import java.util.Map;

/** The operations the acceptance test performs on its throw-away stack (the Automation API in real runs). */
interface StackDriver {

    /** The stack's name. */
    String name();

    /** Deploys the stack. */
    void up() throws Exception;

    /** The stack outputs as plain values (secrets revealed). */
    Map<String, Object> outputs() throws Exception;

    /** Destroys every resource of the stack. */
    void destroy() throws Exception;

    /** URNs of the resources the stack's state still holds (what a failed destroy left behind). */
    List<String> remainingResources() throws Exception;

    /** Removes the (empty) stack and its config file. */
    void remove() throws Exception;
}

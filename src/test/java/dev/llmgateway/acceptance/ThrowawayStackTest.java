package dev.llmgateway.acceptance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throw-away stack is destroyed whatever happens, and a failed destroy says what it left behind. */
class ThrowawayStackTest {

    /** Records what the acceptance test asked of its stack; fails where told to. */
    private static final class FakeStack implements StackDriver {
        final List<String> calls = new ArrayList<>();
        Exception upFailure;
        Exception destroyFailure;

        @Override
        public String name() {
            return "acc0a1b2c";
        }

        @Override
        public void up() throws Exception {
            calls.add("up");
            if (upFailure != null) {
                throw upFailure;
            }
        }

        @Override
        public Map<String, Object> outputs() {
            calls.add("outputs");
            return Map.of("gatewayUrl", "http://gw");
        }

        @Override
        public void destroy() throws Exception {
            calls.add("destroy");
            if (destroyFailure != null) {
                throw destroyFailure;
            }
        }

        @Override
        public List<String> remainingResources() {
            return List.of("urn:pulumi:acc0a1b2c::litellm-gateway::aws:rds/instance:Instance::llm-acc0a1b2c-db");
        }

        @Override
        public void remove() {
            calls.add("remove");
        }
    }

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private void run(FakeStack stack, ThrowawayStack.Checks checks) throws Exception {
        ThrowawayStack.run(stack, checks, new PrintStream(log, true));
    }

    @Test
    void aPassingRunDestroysAndRemovesTheStack() throws Exception {
        FakeStack stack = new FakeStack();
        List<Object> seen = new ArrayList<>();
        run(stack, outputs -> seen.add(outputs.get("gatewayUrl")));
        assertEquals(List.of("up", "outputs", "destroy", "remove"), stack.calls);
        assertEquals(List.of("http://gw"), seen);
    }

    @Test
    void aFailingCheckStillDestroysAndIsWhatTheTestReports() {
        FakeStack stack = new FakeStack();
        AssertionError check = new AssertionError("/v1/models answered 500");
        Exception failure = assertThrows(Exception.class, () -> run(stack, outputs -> {
            throw check;
        }));
        assertSame(check, failure.getCause());
        assertEquals(List.of("up", "outputs", "destroy", "remove"), stack.calls);
    }

    @Test
    void aFailedDeployIsDestroyedToo() {
        FakeStack stack = new FakeStack();
        stack.upFailure = new IllegalStateException("CREATE_FAILED: ALB");
        Exception failure = assertThrows(IllegalStateException.class, () -> run(stack, outputs -> { }));
        assertSame(stack.upFailure, failure);
        assertEquals(List.of("up", "destroy", "remove"), stack.calls);
    }

    @Test
    void aFailedDestroyReportsTheLeftoversNextToTheOriginalFailure() {
        FakeStack stack = new FakeStack();
        stack.upFailure = new IllegalStateException("CREATE_FAILED: ALB");
        stack.destroyFailure = new IllegalStateException("DependencyViolation");
        Exception failure = assertThrows(IllegalStateException.class, () -> run(stack, outputs -> { }));
        assertSame(stack.upFailure, failure, "the first failure stays the headline");
        var leftovers = assertInstanceOf(ThrowawayStack.LeftoversException.class, failure.getSuppressed()[0]);
        assertEquals(List.of("urn:pulumi:acc0a1b2c::litellm-gateway::aws:rds/instance:Instance::llm-acc0a1b2c-db"), leftovers.leftovers());
        assertTrue(leftovers.getMessage().contains("pulumi destroy -s acc0a1b2c"), leftovers.getMessage());
        assertTrue(log.toString().contains("1 resource(s) left behind"), log.toString());
    }

    @Test
    void aFailedDestroyAfterPassingChecksFailsTheTest() {
        FakeStack stack = new FakeStack();
        stack.destroyFailure = new IllegalStateException("timeout");
        assertThrows(ThrowawayStack.LeftoversException.class, () -> run(stack, outputs -> { }));
        assertEquals(List.of("up", "outputs", "destroy"), stack.calls, "a stack with resources is not removed");
    }
}

package dev.llmgateway.engine;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SDK's task runner for the offline engine: the same contract as the runner {@code pulumi up} uses (run the
 * program, wait until every task it started is done or one fails, report the failures and an exit code), but it waits
 * for the tasks to complete instead of polling them.
 *
 * <p>Why: the SDK's own runner ({@code DeploymentImpl.DefaultRunner}, pulumi-java 1.36.1) loops over its task table
 * without pause until the table is empty, and on every pass formats the whole table into a log message, even when
 * that log level is off. Under a real engine the loop waits on the network; in process it keeps one of this
 * machine's two cores busy for the whole plan, about a third of a plan's CPU. The program, the mock engine and every
 * recorded registration are the same either way; only how the end of the run is noticed differs.
 */
final class WaitingRunner implements Runner {

    private final Supplier<EngineLogger> logger;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    /** Completes exceptionally with the first task that fails. */
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

    private WaitingRunner(Supplier<EngineLogger> logger) {
        this.logger = logger;
    }

    /** The mock deployment the test builder would create, with this runner in place of the polling one. */
    static DeploymentInternal deployment(DeploymentImpl.DeploymentState state) {
        state.runner = new WaitingRunner(() -> state.logger);
        return new DeploymentImpl(state);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        CompletableFuture<Void> done = task.thenApply(value -> null);
        inFlight.add(done);
        done.whenComplete((value, failure) -> {
            if (failure != null) {
                firstFailure.completeExceptionally(failure);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(program);
        registerTask("program", value);
        return value.thenCompose(result -> settled().thenApply(none -> result))
                .handle((result, failure) -> failure == null
                        ? CompletableFuture.completedFuture(result(logger.get().hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully, result))
                        : report(failure).thenApply(code -> this.<T>result(code, null)))
                .thenCompose(Function.identity());
    }

    /** Completes when no task is left, or fails with the first task that failed. */
    private CompletableFuture<Void> settled() {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        awaitTasks(settled, false);
        return settled;
    }

    /**
     * Looks at every task: a failed one fails {@code settled}, finished ones are dropped, and the rest are waited for
     * (or the first failure) before looking again, on another thread. With none left it looks once more after a hop,
     * since a task that just finished may still be registering the tasks it starts.
     */
    private void awaitTasks(CompletableFuture<Void> settled, boolean lookedAgain) {
        try {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (CompletableFuture<Void> task : inFlight) {
                if (!task.isDone()) {
                    pending.add(task);
                } else if (task.isCompletedExceptionally()) {
                    task.whenComplete((none, failure) -> settled.completeExceptionally(failure));
                    return;
                } else {
                    inFlight.remove(task);
                }
            }
            if (pending.isEmpty()) {
                if (lookedAgain) {
                    settled.complete(null);
                } else {
                    CompletableFuture.runAsync(() -> awaitTasks(settled, true));
                }
                return;
            }
            CompletableFuture.anyOf(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), firstFailure)
                    .whenCompleteAsync((none, failure) -> awaitTasks(settled, false));
        } catch (RuntimeException | Error unexpected) {
            settled.completeExceptionally(unexpected);
        }
    }

    /** Records a failure and reports it as the SDK does, with the exit code it gives. */
    private CompletableFuture<Integer> report(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Exception failure = cause instanceof Exception e ? e : new RunException("unexpected throwable", cause);
        failures.add(failure);
        if (failure instanceof LogException) {
            return CompletableFuture.completedFuture(ProcessExitedBeforeLoggingUserActionableMessage);
        }
        CompletableFuture<Void> logged;
        if (failure instanceof RunException) {
            logged = logger.get().errorAsync(failure.getMessage());
        } else if (failure instanceof ResourceException resource) {
            logged = logger.get().errorAsync(resource.isHideStack() ? resource.getMessage() : stackTrace(resource),
                    resource.getResource().orElse(null));
        } else {
            logged = logger.get().errorAsync("Running program failed with an unhandled exception:\n" + stackTrace(failure));
        }
        return logged.thenApply(none -> ProcessExitedAfterLoggingUserActionableMessage);
    }

    private <T> Result<T> result(int code, T value) {
        return new Result<>(code, List.copyOf(failures), Optional.ofNullable(value)) {
        };
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

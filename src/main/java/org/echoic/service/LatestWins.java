package org.echoic.service;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * "Latest wins" recomputation for views (zoom, parameters): each {@link #submit} cancels (interrupts) the task
 * submitted before it, and a result is delivered only if no newer task was submitted meanwhile, so stale results
 * are dropped. Results and errors are delivered on the worker thread. Thread-safe.
 *
 * @param <T> the result type
 */
public final class LatestWins<T> {
    private final ExecutorService executor;
    private long generation;
    private Future<?> current;

    public LatestWins(ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code task}, cancelling the previous one; {@code onResult} gets its result unless a newer task came,
     * {@code onError} its exception (not for cancellation).
     */
    public synchronized void submit(Callable<T> task, Consumer<T> onResult, Consumer<Exception> onError) {
        cancel();
        long mine = ++generation;
        current = executor.submit(() -> {
            try {
                T result = task.call();
                if (isCurrent(mine)) {
                    onResult.accept(result);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (isCurrent(mine)) {
                    onError.accept(e);
                }
            }
        });
    }

    /** Cancels the running task, if any; its result will not be delivered. */
    public synchronized void cancel() {
        generation++;
        if (current != null) {
            current.cancel(true);
            current = null;
        }
    }

    private synchronized boolean isCurrent(long g) {
        return g == generation;
    }
}

package org.echoic.segment;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs numbered chunks of work on the calling thread and, when an executor is given, on one helper task
 * that claims chunks from the same counter. The caller never waits for a helper that has not started (it
 * then simply does every chunk itself), so this cannot deadlock even when called from the executor's only
 * thread. Starts no thread. Thread-safe (no state).
 */
final class SharedChunks {
    private SharedChunks() {
    }

    /**
     * Computes {@code task.apply(i)} for i in [0, chunks) into {@code results[i]}.
     *
     * @throws RuntimeException the first failure of a chunk
     */
    static <R> R[] run(int chunks, IntFunction<R> task, Executor executor, R[] results) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < chunks; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                if (completed.incrementAndGet() == chunks) {
                    LockSupport.unpark(caller);
                }
            }
        };
        if (executor != null && chunks > 1) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                // the caller does every chunk
            }
        }
        worker.run();
        while (completed.get() < chunks) {
            LockSupport.parkNanos(20_000);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return results;
    }
}

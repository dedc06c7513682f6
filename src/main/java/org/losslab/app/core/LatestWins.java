package org.losslab.app.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A background thread that runs only the newest job: a job submitted while another waits replaces it,
 * so that edits arriving faster than results never queue stale work.
 */
public final class LatestWins implements AutoCloseable {
    private final ExecutorService executor;
    private final AtomicReference<Runnable> latest = new AtomicReference<>();

    public LatestWins(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the job, unless a newer one arrives before the thread takes it; after {@link #close} it does nothing. */
    public void submit(Runnable job) {
        if (executor.isShutdown()) {
            return;
        }
        if (latest.getAndSet(job) == null) {
            try {
                executor.execute(() -> {
                    Runnable next = latest.getAndSet(null);
                    if (next != null) {
                        next.run();
                    }
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                latest.set(null);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

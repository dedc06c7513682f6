package org.losslab.engine.frame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a handful of sub-millisecond tasks on all cores. A frame's parts take a few hundred
 * microseconds, about what it costs to wake a parked pool thread; these helpers spin for at most a
 * millisecond after each batch, so that while the user paints (or a benchmark runs) they are awake for
 * the next one, and park when idle (no core is busy between strokes). The caller works too, and waits
 * for the batch to finish. A task that throws does not kill its helper: the first failure of a batch
 * is rethrown to the caller once the batch is done, and the helpers go on serving later batches.
 */
final class SpinPool {
    private static final long SPIN_NANOS = 1_000_000L;
    static final SpinPool SHARED = new SpinPool(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));

    private static final Runnable[] NO_TASKS = {};
    private final Thread[] helpers;
    private volatile Batch current;
    private volatile int generation;

    /** One call's tasks with their own counters, so that a helper finishing a late step of an old
     * batch can never claim or count a task of the next one. */
    private static final class Batch {
        /** Emptied once the batch is done: a finished batch must not keep its tasks' arrays alive (see run). */
        private volatile Runnable[] tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Batch(Runnable[] tasks) {
            this.tasks = tasks;
        }

        void work() {
            Runnable[] tasks = this.tasks;
            int k;
            while ((k = next.getAndIncrement()) < tasks.length) {
                try {
                    tasks[k].run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** A pool that runs batches on {@code threads} threads: the caller and threads - 1 helpers. */
    static SpinPool ofThreads(int threads) {
        return threads == SHARED.helpers.length + 1 ? SHARED : new SpinPool(Math.max(0, threads - 1));
    }

    SpinPool(int helperCount) {
        helpers = new Thread[helperCount];
        for (int h = 0; h < helperCount; h++) {
            Thread t = new Thread(this::loop, "losslab-frame-helper-" + h);
            t.setDaemon(true);
            helpers[h] = t;
            t.start();
        }
    }

    /** Runs every task, on this thread and the helpers; returns when all are done. */
    synchronized void run(Runnable... tasks) {
        if (helpers.length == 0 || tasks.length == 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        Batch batch = new Batch(tasks);
        current = batch;
        generation++;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        batch.work();
        while (batch.done.get() < tasks.length) {
            Thread.onSpinWait();
        }
        // the helpers keep the last batch until the next: its tasks hold whatever they computed on (a 4096 x 4096
        // live frame's arrays, 450 MB, stayed alive beside the next frame's), so the batch forgets them now
        batch.tasks = NO_TASKS;
        current = null;
        Throwable failure = batch.failure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void loop() {
        int seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            while (generation == seen) {
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            Batch batch = current;
            if (batch != null) {
                batch.work();
            }
        }
    }
}

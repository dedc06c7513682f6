package org.losslab.engine.coco;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A parallel loop over indices on plain threads (no pool to start, so a short command stays short). */
final class Workers {
    /** Work on index i with the calling worker's own scratch. */
    interface Body<S> {
        void run(S scratch, int index);
    }

    private Workers() {
    }

    static int threads(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs body for every index in [0, n) on {@code threads} threads (this one among them), chunk by chunk; each
     * worker makes one scratch with {@code newScratch} and reuses it for all its indices.
     */
    static <S> void forEach(int n, int threads, int chunk, Supplier<S> newScratch, Body<S> body) {
        int workers = Math.max(1, Math.min(threads, (n + chunk - 1) / chunk));
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failure = new RuntimeException[1];
        Thread[] started = new Thread[workers - 1];
        for (int w = 1; w < workers; w++) {
            started[w - 1] = new Thread(() -> loop(n, chunk, next, newScratch.get(), body, failure), "coco-eval-" + w);
            started[w - 1].start();
        }
        loop(n, chunk, next, newScratch.get(), body, failure);
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static <S> void loop(int n, int chunk, AtomicInteger next, S scratch, Body<S> body,
            RuntimeException[] failure) {
        try {
            for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
                int to = Math.min(n, from + chunk);
                for (int i = from; i < to; i++) {
                    body.run(scratch, i);
                }
            }
        } catch (RuntimeException e) {
            synchronized (failure) {
                failure[0] = e;
            }
            next.set(n); // the others stop at their next chunk
        }
    }
}

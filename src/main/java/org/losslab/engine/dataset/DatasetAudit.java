package org.losslab.engine.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.losslab.engine.EngineException;

/**
 * Audits a {@link CaseSource}: every case read and scored on its own worker thread, each worker holding one
 * case at a time (memory is that of {@code threads} cases however many there are), then the aggregates.
 * A UI follows it through a {@link Listener} and stops it with a cancel flag.
 */
public final class DatasetAudit {
    /** NSD's tolerance when none is given, in mm (CONTRACTS_V3 section 2): the audit's and the volume view's. */
    public static final double DEFAULT_TOLERANCE_MM = 1.0;

    /**
     * How to audit.
     *
     * @param classes     N, the number of classes with background (1 .. N-1 scored); 0: the largest class in any file
     * @param toleranceMm NSD's tolerance
     * @param threads     worker threads (1 or more)
     */
    public record Settings(int classes, double toleranceMm, int threads) {
        public Settings {
            if (classes < 0 || classes == 1 || classes > CaseMetrics.MAX_CLASS + 1) {
                throw new EngineException("classes must be 0 (from the files) or 2 .. " + (CaseMetrics.MAX_CLASS + 1) + ", not " + classes);
            }
            if (!(toleranceMm >= 0) || !Double.isFinite(toleranceMm)) {
                throw new EngineException("the tolerance must be 0 mm or more, not " + toleranceMm);
            }
            if (threads < 1) {
                throw new EngineException("threads must be 1 or more, not " + threads);
            }
        }
    }

    /** Told of each case as it is done, on the worker thread that did it (so in no particular order). */
    public interface Listener {
        void caseDone(CaseResult result, int done, int total);
    }

    private DatasetAudit() {
    }

    /**
     * Scores every case and aggregates. A case that cannot be read or scored stops the audit: the error of the
     * first such case in the source's order is thrown (an {@link EngineException} naming its file). When
     * {@code cancelled} turns true, the workers stop after their current case and a {@link CancellationException}
     * is thrown.
     */
    public static AuditResult run(CaseSource source, Settings settings, Listener listener, BooleanSupplier cancelled) {
        int total = source.size();
        CaseResult[] results = new CaseResult[total];
        Throwable[] errors = new Throwable[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger firstError = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < total && i < firstError.get() && !cancelled.getAsBoolean();
                    i = next.getAndIncrement()) {
                try {
                    results[i] = CaseMetrics.compute(source.load(i), settings.classes(), settings.toleranceMm());
                } catch (RuntimeException | OutOfMemoryError e) {
                    errors[i] = e;
                    firstError.accumulateAndGet(i, Math::min); // later cases are not started; earlier ones finish
                    continue;
                }
                listener.caseDone(results[i], done.incrementAndGet(), total);
            }
        };
        runOnThreads(worker, Math.min(settings.threads(), Math.max(1, total)));
        if (firstError.get() < total) {
            Throwable error = errors[firstError.get()];
            if (error instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw (RuntimeException) error;
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the audit was cancelled after " + done.get() + " of " + total + " cases");
        }
        List<CaseResult> cases = new ArrayList<>(Arrays.asList(results));
        cases.sort(Comparator.comparing(CaseResult::name));
        int classes = settings.classes() > 0 ? settings.classes() - 1
                : cases.stream().mapToInt(CaseResult::maxClass).max().orElse(0);
        return new AuditResult(classes, settings.toleranceMm(), List.copyOf(cases), Aggregates.of(cases, classes));
    }

    /** Runs {@code worker} on {@code threads} threads (the caller's being one of them) and waits for all. */
    private static void runOnThreads(Runnable worker, int threads) {
        Thread[] others = new Thread[threads - 1];
        for (int t = 0; t < others.length; t++) {
            others[t] = new Thread(worker, "audit-" + (t + 1));
            others[t].setDaemon(true);
            others[t].start();
        }
        worker.run();
        for (Thread thread : others) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the workers end on their own within one case; keep waiting for them
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

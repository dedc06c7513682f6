package org.losslab.engine.distance;

/**
 * Runs work as if nothing had been computed before it: no distance buffer kept by the thread, no mask field (distance
 * transform, skeleton) looked up in or kept by the caches. What the work allocates is then what it needs on its own,
 * which is what {@code EntryMemory} measures on a small probe to tell a large scene's need: a probe that found its
 * fields cached would have told too little.
 */
public final class FreshFields {
    private FreshFields() {
    }

    public static void run(Runnable work) {
        SurfaceMetrics.releaseBuffer();
        boolean was = MaskCache.BYPASSED.get();
        MaskCache.BYPASSED.set(true);
        try {
            work.run();
        } finally {
            MaskCache.BYPASSED.set(was);
            SurfaceMetrics.releaseBuffer();
        }
    }
}

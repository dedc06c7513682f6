package org.losslab.engine.frame;

/**
 * What the memory gives a pass over arrays the size of the live frame's: STREAM's "copy" (b = a) of float arrays,
 * on the same pool of threads as the frame and the fused training step, so their bytes a second can be compared.
 */
public final class StreamCopy {
    private static final int CHUNKS = 64;

    private StreamCopy() {
    }

    /** The best of {@code reps} copies of {@code arrays} arrays of {@code n} floats: bytes read plus written a second, in GB/s. */
    public static double gigabytesPerSecond(int n, int arrays, int threads, int reps) {
        float[][] from = new float[arrays][n];
        float[][] to = new float[arrays][n];
        for (float[] f : from) {
            java.util.Arrays.fill(f, 1f);
        }
        SpinPool pool = SpinPool.ofThreads(threads);
        Runnable[] tasks = new Runnable[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            int start = (int) ((long) n * c / CHUNKS);
            int end = (int) ((long) n * (c + 1) / CHUNKS);
            tasks[c] = () -> {
                for (int k = 0; k < arrays; k++) {
                    System.arraycopy(from[k], start, to[k], start, end - start);
                }
            };
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            pool.run(tasks);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return 2.0 * arrays * n * Float.BYTES / best;
    }
}

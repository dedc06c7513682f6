package org.losslab.engine.frame;

/**
 * The training step the live frame makes possible: the logits model under binary soft Dice (smp's, smooth
 * 0) with Adam, fused and in float32 like the frame, on the frame's kernels (SIMD when the vector module is
 * loaded) and threads. Two passes over the pixels: probabilities and the sums of the score, then the
 * gradient and the Adam update in one go. {@code DiceTrainingTest} checks it against the registry's float64
 * step. Ignored pixels (255) take no part.
 */
public final class DiceTraining {
    private static final int CHUNKS = 64;
    private final FrameArrays a;
    private final float[] m;
    private final float[] v;
    private final double rate;
    private final FrameKernel kernel = FrameKernel.best();
    private final SpinPool pool;
    private final int n;
    private int steps;

    public DiceTraining(int[] target, double[] logits, double rate, int threads) {
        n = logits.length;
        a = new FrameArrays(n);
        for (int i = 0; i < n; i++) {
            a.logit[i] = (float) logits[i];
            int t = target[i];
            a.label[i] = t == LiveFrame.IGNORED ? -1 : t == 1 ? 1 : 0;
        }
        m = new float[n];
        v = new float[n];
        this.rate = rate;
        pool = SpinPool.ofThreads(threads);
    }

    private int start(int chunk) {
        return (int) ((long) n * chunk / CHUNKS);
    }

    /** One update; returns the Dice loss before it. */
    public double step() {
        double[][] partial = new double[CHUNKS][FrameKernel.SUMS];
        Runnable[] pixels = new Runnable[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            int chunk = c;
            pixels[c] = () -> kernel.pixels(a, 2.0, start(chunk), start(chunk + 1), partial[chunk]);
        }
        pool.run(pixels);
        double tp = 0;
        double sumP = 0;
        double sumT = 0;
        for (double[] s : partial) {
            tp += s[0];
            sumP += s[1];
            sumT += s[2];
        }
        RegionScore dice = new RegionScore(tp, sumP - tp, sumT - tp, sumT, 0.5, 0.5);
        steps++;
        float stepSize = (float) (rate / (1 - Math.pow(0.9, steps)));
        float correction2Root = (float) Math.sqrt(1 - Math.pow(0.999, steps));
        Runnable[] updates = new Runnable[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            int chunk = c;
            updates[c] = () -> kernel.adam(a, dice, m, v, stepSize, correction2Root, start(chunk), start(chunk + 1));
        }
        pool.run(updates);
        return dice.value;
    }

    /** The current logits, as doubles. */
    public double[] logits() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a.logit[i];
        }
        return out;
    }

    public boolean vectorised() {
        return kernel instanceof VectorFrameKernel;
    }
}

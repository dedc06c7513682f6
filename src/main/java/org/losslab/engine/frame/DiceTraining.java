package org.losslab.engine.frame;

import java.util.List;

/**
 * The training step the live frame makes possible: the logits model under binary soft Dice (smp's, smooth
 * 0) with Adam, fused and in float32 like the frame, on the frame's kernels (SIMD when the vector module is
 * loaded) and threads. One pass over the pixels a step: the gradient from the stored slopes, the Adam update,
 * and the new logits' slopes and score sums, which the next step's gradient factors need (the first step's
 * come from one pass at construction). Per pixel that reads the logit, label, slope and both moments and writes
 * all but the label: 36 bytes (the two-pass step it replaced moved 53). {@code DiceTrainingTest} checks both kernels
 * against the registry's float64 step, and the plain-Java one bit for bit against the two-pass step it replaced.
 * Ignored pixels (255) take no part.
 */
public final class DiceTraining {
    /**
     * JVM options that keep the vector step's two loops each in a compile of its own: when C2 happened to inline
     * both into the step's method (about one JVM in two, depending on which compiled first) it kept their vectors
     * boxed, 7 MB allocated a step and 1.0 ms instead of 0.2 ms; kept apart, five JVMs of five ran 0.18-0.21 ms.
     * ("quiet": the JVM would print each command on standard output.) The launcher gives them to the JVM it starts.
     */
    public static final List<String> JIT_OPTIONS = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline," + VectorFrameKernel.class.getName() + "::slopesAndSums",
            "-XX:CompileCommand=dontinline," + VectorFrameKernel.class.getName() + "::update");

    private static final int CHUNKS = 64;
    /** What a step reads (logit, label, slope, m, v) and writes (all but the label), per pixel. */
    public static final int BYTES_PER_PIXEL = 5 * Float.BYTES + 4 * Float.BYTES;
    /** Sum slots the update pass fills: TP and sum p (sum t does not change). */
    private static final int SUMS = 2;
    private final FrameArrays a;
    private final float[] m;
    private final float[] v;
    private final double rate;
    private final FrameKernel kernel;
    private final SpinPool pool;
    private final int n;
    private final double sumT;
    /** Per chunk: the next step's TP and sum p. */
    private final double[][] partial = new double[CHUNKS][SUMS];
    private final Runnable[] updates = new Runnable[CHUNKS];
    private int steps;
    /** The current step's score and Adam factors, read by the update tasks. */
    private RegionScore score;
    private float stepSize;
    private float correction2Root;

    public DiceTraining(int[] target, double[] logits, double rate, int threads) {
        this(target, logits, rate, threads, FrameKernel.best());
    }

    DiceTraining(int[] target, double[] logits, double rate, int threads, FrameKernel kernel) {
        n = logits.length;
        this.kernel = kernel;
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
        Runnable[] prime = new Runnable[CHUNKS];
        double[][] first = new double[CHUNKS][FrameKernel.SUMS];
        for (int c = 0; c < CHUNKS; c++) {
            int chunk = c;
            prime[c] = () -> kernel.pixels(a, 2.0, start(chunk), start(chunk + 1), first[chunk]);
            updates[c] = () -> kernel.adam(a, score, m, v, stepSize, correction2Root, start(chunk), start(chunk + 1),
                    partial[chunk]);
        }
        pool.run(prime);
        double t = 0;
        for (int c = 0; c < CHUNKS; c++) {
            partial[c][0] = first[c][0];
            partial[c][1] = first[c][1];
            t += first[c][2];
        }
        sumT = t;
    }

    private int start(int chunk) {
        return (int) ((long) n * chunk / CHUNKS);
    }

    /** One update; returns the Dice loss before it. */
    public double step() {
        double tp = 0;
        double sumP = 0;
        for (double[] s : partial) {
            tp += s[0];
            sumP += s[1];
            s[0] = 0;
            s[1] = 0;
        }
        RegionScore dice = new RegionScore(tp, sumP - tp, sumT - tp, sumT, 0.5, 0.5);
        steps++;
        score = dice;
        stepSize = (float) (rate / (1 - Math.pow(0.9, steps)));
        correction2Root = (float) Math.sqrt(1 - Math.pow(0.999, steps));
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

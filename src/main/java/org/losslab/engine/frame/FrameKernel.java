package org.losslab.engine.frame;

/**
 * The per-pixel work of the live frame over [from, to): a plain-Java version, and one on the JDK's
 * vector API (SIMD exp and log) used when the jdk.incubator.vector module is loaded.
 */
interface FrameKernel {
    /** Sum slots: TP, sum p, sum t, BCE, focal, valid count. */
    int SUMS = 6;

    /**
     * Computes probability, slope p(1 - p), BCE, focal term and hard prediction of each pixel (the BCE and focal
     * terms kept only where {@code a} has their maps), and adds the pixels' contributions to {@code sums}.
     */
    void pixels(FrameArrays a, double gamma, int from, int to, double[] sums);

    /**
     * Writes one gradient map into {@code out}: slope x {@code positive} on target pixels, x {@code negative} on
     * background ones, 0 on ignored ones (float32 products).
     */
    void gradient(FrameArrays a, float positive, float negative, float[] out, int from, int to);

    /**
     * One Adam step (PyTorch's betas 0.9 / 0.999, eps 1e-8, its order of operations, in float32) of the
     * logits from the region loss's gradient: slope x the score's positive or negative factor; ignored
     * pixels get none. In the same pass, the new logits' slope p(1 - p) replaces the old one and their TP
     * and sum p (computed as {@link #pixels} does, to the bit) are added to {@code sums[0]} and {@code sums[1]}:
     * the next step's score needs no pass of its own.
     */
    void adam(FrameArrays a, RegionScore score, float[] m, float[] v, float stepSize, float correction2Root, int from,
              int to, double[] sums);

    /** The vector kernel when its module is loaded, else the scalar one. */
    static FrameKernel best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (FrameKernel) Class.forName("org.losslab.engine.frame.VectorFrameKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarFrameKernel();
            }
        }
        return new ScalarFrameKernel();
    }
}

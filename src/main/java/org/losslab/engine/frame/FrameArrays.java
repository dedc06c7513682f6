package org.losslab.engine.frame;

/**
 * The live frame's per-pixel arrays, shared by its kernels. Inputs: the logits and a label code per
 * pixel (1 target, 0 background, -1 ignored), both copies of the scene's as last computed, so that an
 * update can take back a pixel's old contributions. Outputs are floats: they
 * are drawn, not summed (the sums are taken in double inside the kernels), and half the bytes make the
 * memory-bound frame about twice as fast.
 */
final class FrameArrays {
    /** Floats, as PyTorch's float32 frame: half the memory traffic, twice the SIMD lanes. */
    final float[] logit;
    final float[] label;
    final float[] slope;
    /** The per-pixel BCE and focal terms, or null where no one draws them (see {@link LiveFrame}). */
    final float[] bce;
    final float[] focal;
    final boolean[] predicted;

    FrameArrays(int n) {
        this(n, true);
    }

    FrameArrays(int n, boolean lossMaps) {
        logit = new float[n];
        label = new float[n];
        slope = new float[n];
        bce = lossMaps ? new float[n] : null;
        focal = lossMaps ? new float[n] : null;
        predicted = new boolean[n];
    }
}

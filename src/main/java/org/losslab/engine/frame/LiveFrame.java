package org.losslab.engine.frame;

import java.util.Arrays;
import org.losslab.engine.seg.BoundaryBands;
import org.losslab.engine.seg.SegParams;

/**
 * Everything the segmentation workspace shows for a binary scene, kept up to date as the user paints:
 * per-pixel BCE and focal maps, Dice, Jaccard and Tversky values with their gradient maps dL/dz, and
 * the Boundary IoU bands of target and prediction.
 *
 * <p>{@link #computeAll()} does a full frame: one fused pass over flat arrays (SIMD where the vector
 * module is loaded) split over the cores, then the two bands side by side. {@link #update} takes the box a
 * brush changed: it swaps that box's old contributions to the sums for new ones and re-derives the bands
 * only within d pixels of the box. A gradient map changes everywhere (the region losses' normalisers do):
 * {@link #gradient} writes the one shown, when asked. Target value 255 marks ignored
 * pixels. Like PyTorch's float32 frame it computes the maps in single precision (sums in double): the
 * values agree with the registry's double-precision losses to about 1e-7 relative (tested), which is
 * what the exact numbers of the loss table are for. Not thread-safe: one owner calls it.
 */
public final class LiveFrame {
    public static final int IGNORED = SegParams.IGNORED_LABEL;
    private static final int CHUNKS = Integer.getInteger("losslab.threads",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    private final int height;
    private final int width;
    private final int[] target;
    private final double[] logits;
    private final FrameSettings settings;
    private final int depth;
    private final FrameKernel kernel;
    private final SpinPool pool;
    private final FrameArrays a;
    private final boolean[] truthMask;
    private final BitBands targetBands;
    private final BitBands predictedBands;

    private final double[] sums = new double[FrameKernel.SUMS];
    private long bandIntersection;
    private long bandUnion;
    private RegionScore dice;
    private RegionScore jaccard;
    private RegionScore tversky;

    /** Wraps the scene's arrays (not copies): the caller edits them and then calls {@link #update}. */
    public LiveFrame(int height, int width, int[] target, double[] logits, FrameSettings settings) {
        this(height, width, target, logits, settings, FrameKernel.best(), SpinPool.SHARED, true);
    }

    /**
     * As above; {@code lossMaps}: whether the per-pixel BCE and focal maps are kept (their sums, the values, always
     * are). Kept up to date with every dab where they are drawn; elsewhere they were 128 MB of a 4096 x 4096 scene.
     */
    public LiveFrame(int height, int width, int[] target, double[] logits, FrameSettings settings, boolean lossMaps) {
        this(height, width, target, logits, settings, FrameKernel.best(), SpinPool.SHARED, lossMaps);
    }

    /** As above, computing on {@code threads} threads (the benchmark compares like with like). */
    public LiveFrame(int height, int width, int[] target, double[] logits, FrameSettings settings, int threads) {
        this(height, width, target, logits, settings, FrameKernel.best(), SpinPool.ofThreads(threads), true);
    }

    LiveFrame(int height, int width, int[] target, double[] logits, FrameSettings settings, FrameKernel kernel) {
        this(height, width, target, logits, settings, kernel, SpinPool.SHARED, true);
    }

    private LiveFrame(int height, int width, int[] target, double[] logits, FrameSettings settings, FrameKernel kernel,
                      SpinPool pool, boolean lossMaps) {
        this.pool = pool;
        this.height = height;
        this.width = width;
        this.target = target;
        this.logits = logits;
        this.settings = settings;
        this.depth = BoundaryBands.depth(settings.dilationRatio(), height, width);
        this.kernel = kernel;
        int n = height * width;
        a = new FrameArrays(n, lossMaps);
        truthMask = new boolean[n];
        targetBands = new BitBands(height, width, depth);
        predictedBands = new BitBands(height, width, depth);
    }

    /** Whether the SIMD kernel is in use (the jdk.incubator.vector module is loaded). */
    public boolean vectorised() {
        return kernel instanceof VectorFrameKernel;
    }

    /** A full frame. */
    public void computeAll() {
        int n = height * width;
        double[][] partial = new double[CHUNKS][FrameKernel.SUMS];
        Runnable[] pixels = new Runnable[CHUNKS];
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            int c = chunk;
            pixels[c] = () -> {
                int from = chunkStart(c);
                int to = chunkStart(c + 1);
                readInputs(from, to);
                kernel.pixels(a, settings.focalGamma(), from, to, partial[c]);
            };
        }
        pool.run(pixels);
        Arrays.fill(sums, 0);
        for (double[] s : partial) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += s[k];
            }
        }
        scores();
        Runnable[] bands = {() -> {
            targetBands.pack(truthMask, 0, height);
            targetBands.computeAll();
        }, () -> {
            predictedBands.pack(a.predicted, 0, height);
            predictedBands.computeAll();
        }};
        pool.run(bands);
        countBands();
    }

    private void countBands() {
        long[] c = BitBands.counts(targetBands, predictedBands);
        bandIntersection = c[0];
        bandUnion = c[1];
    }

    private int chunkStart(int c) {
        return (int) ((long) height * width * c / CHUNKS);
    }

    private void readInputs(int from, int to) {
        for (int i = from; i < to; i++) {
            a.logit[i] = (float) logits[i];
            int t = target[i];
            a.label[i] = t == IGNORED ? -1 : t == 1 ? 1 : 0;
            truthMask[i] = t == 1;
        }
    }

    /**
     * Brings everything up to date after the logits or target changed inside rows [y0, y1) and columns
     * [x0, x1) (clipped to the image).
     */
    public void update(int y0, int y1, int x0, int x1) {
        y0 = Math.max(0, y0);
        x0 = Math.max(0, x0);
        y1 = Math.min(height, y1);
        x1 = Math.min(width, x1);
        if (y0 >= y1 || x0 >= x1) {
            return;
        }
        double[] removed = new double[FrameKernel.SUMS];
        double[] added = new double[FrameKernel.SUMS];
        for (int y = y0; y < y1; y++) {
            int from = y * width + x0;
            int to = y * width + x1;
            kernel.pixels(a, settings.focalGamma(), from, to, removed); // the old state, recomputed as it was
            readInputs(from, to);
            kernel.pixels(a, settings.focalGamma(), from, to, added);
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] += added[k] - removed[k];
        }
        scores();
        targetBands.pack(truthMask, y0, y1);
        targetBands.update(y0, y1);
        predictedBands.pack(a.predicted, y0, y1);
        predictedBands.update(y0, y1);
        countBands();
    }

    private void scores() {
        double tp = sums[0];
        double fp = sums[1] - tp;
        double fn = sums[2] - tp;
        dice = new RegionScore(tp, fp, fn, sums[2], 0.5, 0.5);
        jaccard = new RegionScore(tp, fp, fn, sums[2], 1, 1);
        tversky = new RegionScore(tp, fp, fn, sums[2], settings.tverskyAlpha(), settings.tverskyBeta());
    }

    /** The region losses whose gradient maps the frame gives. */
    public enum Region { DICE, JACCARD, TVERSKY }

    /**
     * The gradient map dL/dz of a region loss at every pixel, written into {@code out} (H x W values): the pixel's
     * slope p (1 - p) times the score's factor on a target or a background pixel, 0 on an ignored one, in float32 as
     * PyTorch's frame. Computed when asked, for the map shown: the three maps kept up to date after every dab were
     * 192 MB of a 4096 x 4096 scene, and a pass over every pixel per dab each.
     */
    public void gradient(Region region, float[] out) {
        RegionScore score = region == Region.DICE ? dice : region == Region.JACCARD ? jaccard : tversky;
        float positive = (float) score.positive;
        float negative = (float) score.negative;
        Runnable[] tasks = new Runnable[CHUNKS];
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            int from = chunkStart(chunk);
            int to = chunkStart(chunk + 1);
            tasks[chunk] = () -> kernel.gradient(a, positive, negative, out, from, to);
        }
        pool.run(tasks);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** smp's SoftBCEWithLogitsLoss with ignore_index 255: the mean over all pixels. */
    public double bceValue() {
        return sums[3] / (height * width);
    }

    /** smp's FocalLoss (alpha none) with ignore_index 255: the mean over valid pixels. */
    public double focalValue() {
        return sums[5] < 0.5 ? 0 : sums[4] / Math.round(sums[5]);
    }

    public double diceValue() {
        return dice.value;
    }

    public double jaccardValue() {
        return jaccard.value;
    }

    public double tverskyValue() {
        return tversky.value;
    }

    /**
     * dL/dp of Dice, Jaccard and Tversky on a target pixel and on a background pixel: {dice+, dice-,
     * jaccard+, jaccard-, tversky+, tversky-}; a pixel's gradient dL/dz is p (1 - p) times one of them.
     */
    public double[] gradientFactors() {
        return new double[] {dice.positive, dice.negative, jaccard.positive, jaccard.negative, tversky.positive,
            tversky.negative};
    }

    /** Boundary IoU of the current bands (1 when both are empty). */
    public double boundaryIou() {
        return bandUnion == 0 ? 1 : (double) bandIntersection / bandUnion;
    }

    /** Whether the per-pixel BCE and focal maps are kept (see the constructor). */
    public boolean keepsLossMaps() {
        return a.bce != null;
    }

    /** The per-pixel BCE, or null when the frame does not keep it. */
    public float[] bceMap() {
        return a.bce;
    }

    /** The per-pixel focal loss, or null when the frame does not keep it. */
    public float[] focalMap() {
        return a.focal;
    }

    /** The target's band, one boolean per pixel (unpacked on each call). */
    public boolean[] targetBand() {
        return targetBands.unpack();
    }

    /** The prediction's band, one boolean per pixel (unpacked on each call). */
    public boolean[] predictionBand() {
        return predictedBands.unpack();
    }
}

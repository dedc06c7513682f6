package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * nnU-Net's TopKLoss: the per-pixel softmax cross-entropy, averaged over the k percent of pixels where it
 * is largest; the other pixels get no gradient at all, unlike focal, which only damps them.
 */
public final class TopKCrossEntropyLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "topk_ce";

    public static List<ParamSpec> params() {
        return List.of(ParamSpec.number("k", 10.0, Double.MIN_VALUE, 100,
                "Percent of the pixels kept: those with the largest cross-entropy."));
    }

    /** How many pixels k percent of N keeps, as nnU-Net computes it: floor((N k) / 100) in double. */
    public static int kept(int pixels, double k) {
        return (int) Math.floor(((double) pixels * k) / 100);
    }

    /** The per-pixel cross-entropy -log softmax(z)_target. */
    public static double[] perPixel(SegmentationData data, Labels labels) {
        int channels = data.channels();
        int n = data.pixels();
        double[] x = data.prediction();
        double[] ce = new double[n];
        for (int i = 0; i < n; i++) {
            double logZ = Activations.logSumExp(x, i, n, channels);
            for (int c = 0; c < channels; c++) {
                if (labels.truth(c * n + i) == 1) {
                    ce[i] = logZ - x[c * n + i];
                }
            }
        }
        return ce;
    }

    /** The pixels topk_ce keeps on this multiclass scene with these parameters (its k). */
    public static boolean[] keptMask(SegmentationData data, Params params) {
        if (data.mode() != SegMode.MULTICLASS) {
            throw new EngineException(NAME + ": needs a multiclass scene (softmax cross-entropy)");
        }
        double[] ce = perPixel(data, Labels.of(data, null, NAME));
        return keptPixels(ce, kept(data.pixels(), params.number("k")));
    }

    /** The pixels the loss keeps, as a mask: the {@link #kept} largest cross-entropies (ties by position). */
    public static boolean[] keptPixels(double[] ce, int count) {
        int[] order = IndexSort.descending(ce, ce.length);
        boolean[] keep = new boolean[ce.length];
        for (int r = 0; r < count; r++) {
            keep[order[r]] = true;
        }
        return keep;
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() != SegMode.MULTICLASS) {
            throw new EngineException(NAME + ": needs a multiclass scene (softmax cross-entropy)");
        }
        Labels labels = Labels.of(data, null, NAME);
        int n = data.pixels();
        int count = kept(n, params.number("k"));
        if (count == 0) {
            throw new EngineException(NAME + ".k: " + params.number("k") + " percent of " + n
                    + " pixels keeps none; raise k");
        }
        double[] ce = perPixel(data, labels);
        boolean[] keep = keptPixels(ce, count);
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += keep[i] ? ce[i] : 0;
        }
        value /= count;
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        int channels = data.channels();
        double[] x = data.prediction();
        double[] gradient = new double[x.length];
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                continue;
            }
            double logZ = Activations.logSumExp(x, i, n, channels);
            for (int c = 0; c < channels; c++) {
                gradient[c * n + i] = (Math.exp(x[c * n + i] - logZ) - labels.truth(c * n + i)) / count;
            }
        }
        return Evaluation.scalar(value, "prediction", gradient);
    }
}

package org.losslab.engine.sweep;

import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/** Soft confusion counts of a scene's foreground (class 1 in multiclass, or a class given) and the Tversky gradient they imply. */
public final class SoftCounts {
    private SoftCounts() {
    }

    /** {TP, FP, FN} of the foreground channel, ignoring pixels labelled {@link org.losslab.engine.seg.SegParams#IGNORED_LABEL}. */
    public static double[] of(SegmentationData d) {
        return of(d, d.mode() == SegMode.MULTICLASS ? 1 : 0);
    }

    /**
     * {TP, FP, FN} of one class: {@code channel} is the class index in multiclass scenes, the channel index
     * otherwise (a multilabel scene's channel c reads the target's channel c).
     */
    public static double[] of(SegmentationData d, int channel) {
        // pixel by pixel, not the whole probability array: 128 MB more of a 4096 x 4096 scene for three sums
        int n = d.pixels();
        int labels = d.mode() == SegMode.MULTILABEL ? channel * n : 0;
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (int i = 0; i < n; i++) {
            int label = d.target()[labels + i];
            if (label == SegParams.IGNORED_LABEL) {
                continue;
            }
            double t = d.mode() == SegMode.MULTICLASS ? (label == channel ? 1 : 0) : label;
            double q = Activations.probability(d, channel, i);
            tp += q * t;
            fp += q * (1 - t);
            fn += (1 - q) * t;
        }
        return new double[] {tp, fp, fn};
    }

    /**
     * dL/dp of the Tversky loss 1 - (TP + s) / max(TP + a FP + b FN + s, eps) on a target pixel and on
     * a background pixel.
     */
    static double[] tverskyPixelGradients(double[] counts, double alpha, double beta, double smooth, double eps) {
        double tp = counts[0];
        double num = tp + smooth;
        double raw = tp + alpha * counts[1] + beta * counts[2] + smooth;
        double den = Math.max(raw, eps);
        boolean clamped = raw < eps;
        double positive = -(den - num * (clamped ? 0 : 1 - beta)) / (den * den);
        double negative = num * (clamped ? 0 : alpha) / (den * den);
        return new double[] {positive, negative};
    }
}

package org.losslab.engine.paint;

import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Whole-map operations on the prediction: each returns new logits (the scene is not changed), so
 * that the caller can record the step for undo.
 */
public final class MapOperations {
    private static final double SURE = 4.0;

    private MapOperations() {
    }

    /** Confidence: every logit times s (s &lt; 1 softens, s &gt; 1 sharpens). */
    public static double[] scale(SegmentationData d, double s) {
        double[] out = d.prediction().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    /** A box blur of radius r on each channel's logits. */
    public static double[] blur(SegmentationData d, int r) {
        double[] in = d.prediction();
        double[] out = new double[in.length];
        int h = d.height();
        int w = d.width();
        int n = d.pixels();
        double[] tmp = new double[n];
        for (int c = 0; c < d.channels(); c++) {
            int o = c * n;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    int k = 0;
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++, k++) {
                        s += in[o + y * w + xx];
                    }
                    tmp[y * w + x] = s / k;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    int k = 0;
                    for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++, k++) {
                        s += tmp[yy * w + x];
                    }
                    out[o + y * w + x] = s / k;
                }
            }
        }
        return out;
    }

    /** Shifts the prediction by (dy, dx) pixels; uncovered pixels repeat the border. */
    public static double[] shift(SegmentationData d, int dy, int dx) {
        double[] in = d.prediction();
        double[] out = new double[in.length];
        int h = d.height();
        int w = d.width();
        int n = d.pixels();
        for (int c = 0; c < d.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = Math.min(h - 1, Math.max(0, y - dy));
                    int sx = Math.min(w - 1, Math.max(0, x - dx));
                    out[c * n + y * w + x] = in[c * n + sy * w + sx];
                }
            }
        }
        return out;
    }

    /** Grows (or with erode, shrinks) the foreground of the prediction by r pixels: a max (min) filter on logits. */
    public static double[] morph(SegmentationData d, int r, boolean dilate) {
        double[] in = d.prediction();
        double[] out = new double[in.length];
        int h = d.height();
        int w = d.width();
        int n = d.pixels();
        for (int c = 0; c < d.channels(); c++) {
            boolean grow = dilate == (d.mode() != SegMode.MULTICLASS || c != 0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double best = grow ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                        for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                            double v = in[c * n + yy * w + xx];
                            best = grow ? Math.max(best, v) : Math.min(best, v);
                        }
                    }
                    out[c * n + y * w + x] = best;
                }
            }
        }
        return out;
    }

    /** A confident prediction equal to the target (ignored pixels: uncertain). */
    public static double[] fromTarget(SegmentationData d) {
        double[] out = new double[d.prediction().length];
        int n = d.pixels();
        int[] t = d.target();
        if (d.mode() == SegMode.MULTICLASS) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d.channels(); c++) {
                    out[c * n + i] = t[i] == c ? SURE : 0;
                }
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = t[i] == 1 ? SURE : t[i] == 0 ? -SURE : 0;
            }
        }
        return out;
    }

    /** The opposite prediction: logits negated (binary, multilabel), or reversed class order of confidence. */
    public static double[] invert(SegmentationData d) {
        double[] out = d.prediction().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    /** An uncertain prediction: all logits 0 (p = 0.5, or uniform over classes). */
    public static double[] clear(SegmentationData d) {
        return new double[d.prediction().length];
    }
}

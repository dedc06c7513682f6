package org.losslab.engine.paint;

import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The edits the painting tools make to a scene, in every mode. Target tools set labels; prediction
 * tools paint a probability for a class with a soft round brush (hardness = the share of the radius
 * painted at full strength): in multiclass mode they raise the chosen class and lower the others so
 * that each pixel's probabilities still sum to one; in multilabel mode they paint one channel.
 */
public final class Painting {
    /** Probabilities stay in [1e-6, 1 - 1e-6] so that logits stay finite. */
    public static final double LIMIT = 1e-6;

    private Painting() {
    }

    /** Sets the target label of every pixel in a disc; multilabel: sets or clears one channel. */
    public static void targetDisc(SegmentationData d, double cy, double cx, double radius, int label, int channel,
                                  ElementSink sink) {
        forDisc(d, cy, cx, radius, (pixel, weight) -> setTarget(d, pixel, label, channel, sink));
    }

    /** Sets the label of every pixel where {@code inside} holds within the box. */
    public static void targetShape(SegmentationData d, int y0, int y1, int x0, int x1, boolean ellipse, int label,
                                   int channel, ElementSink sink) {
        double cy = (y0 + y1) / 2.0;
        double cx = (x0 + x1) / 2.0;
        double ry = Math.max(0.5, (y1 - y0) / 2.0);
        double rx = Math.max(0.5, (x1 - x0) / 2.0);
        for (int y = Math.max(0, y0); y < Math.min(d.height(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(d.width(), x1); x++) {
                double dy = (y + 0.5 - cy) / ry;
                double dx = (x + 0.5 - cx) / rx;
                if (!ellipse || dy * dy + dx * dx <= 1) {
                    setTarget(d, y * d.width() + x, label, channel, sink);
                }
            }
        }
    }

    /** Flood-fills the 4-connected region of equal target label around a pixel with a new label. */
    public static void targetFill(SegmentationData d, int y, int x, int label, int channel, ElementSink sink) {
        int w = d.width();
        int n = d.pixels();
        if (y < 0 || x < 0 || y >= d.height() || x >= w) {
            return;
        }
        int offset = d.mode() == SegMode.MULTILABEL ? channel * n : 0;
        int[] t = d.target();
        int from = t[offset + y * w + x];
        int to = d.mode() == SegMode.MULTILABEL ? (label > 0 ? 1 : 0) : label;
        if (from == to) {
            return;
        }
        int[] stack = new int[n];
        int top = 0;
        stack[top++] = y * w + x;
        while (top > 0) {
            int p = stack[--top];
            if (t[offset + p] != from) {
                continue;
            }
            sink.beforeChange(offset + p, p);
            t[offset + p] = to;
            int py = p / w;
            int px = p % w;
            if (px > 0) {
                stack[top++] = p - 1;
            }
            if (px < w - 1) {
                stack[top++] = p + 1;
            }
            if (py > 0) {
                stack[top++] = p - w;
            }
            if (py < d.height() - 1) {
                stack[top++] = p + w;
            }
            if (top > n - 4) {
                top = compact(stack, top, t, offset, from);
            }
        }
    }

    private static int compact(int[] stack, int top, int[] t, int offset, int from) {
        int k = 0;
        for (int i = 0; i < top; i++) {
            if (t[offset + stack[i]] == from) {
                stack[k++] = stack[i];
            }
        }
        return k;
    }

    private static void setTarget(SegmentationData d, int pixel, int label, int channel, ElementSink sink) {
        int index = d.mode() == SegMode.MULTILABEL ? channel * d.pixels() + pixel : pixel;
        int value = d.mode() == SegMode.MULTILABEL ? (label > 0 ? 1 : 0) : label;
        if (d.target()[index] != value) {
            sink.beforeChange(index, pixel);
            d.target()[index] = value;
        }
    }

    /**
     * Paints probability {@code probability} of class {@code channel} with a soft round brush.
     * Returns the box {y0, y1, x0, x1} it covered.
     */
    public static int[] predictionDisc(SegmentationData d, double cy, double cx, double radius, double probability,
                                       double hardness, int channel, ElementSink sink) {
        double soft = Math.max(1e-9, radius * (1 - hardness));
        return forDisc(d, cy, cx, radius, (pixel, distance) ->
                blendPixel(d, pixel, channel, probability, Math.min(1, (radius - distance) / soft), sink));
    }

    /** Moves one pixel's prediction a share {@code weight} of the way towards probability p of a class. */
    public static void blendPixel(SegmentationData d, int pixel, int channel, double p, double weight, ElementSink sink) {
        int n = d.pixels();
        double[] x = d.prediction();
        double target = Math.min(1 - LIMIT, Math.max(LIMIT, p));
        if (d.mode() != SegMode.MULTICLASS) {
            int i = d.mode() == SegMode.MULTILABEL ? channel * n + pixel : pixel;
            double old = Activations.sigmoid(x[i]);
            double q = Math.min(1 - LIMIT, Math.max(LIMIT, (1 - weight) * old + weight * target));
            sink.beforeChange(i, pixel);
            x[i] = Math.log(q) - Math.log1p(-q);
            return;
        }
        int classes = d.channels();
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, x[c * n + pixel]);
        }
        double sum = 0;
        double[] probs = new double[classes];
        for (int c = 0; c < classes; c++) {
            probs[c] = Math.exp(x[c * n + pixel] - max);
            sum += probs[c];
        }
        double rest = (1 - target) / (classes - 1);
        for (int c = 0; c < classes; c++) {
            double goal = c == channel ? target : rest;
            double q = Math.min(1 - LIMIT, Math.max(LIMIT, (1 - weight) * probs[c] / sum + weight * goal));
            sink.beforeChange(c * n + pixel, pixel);
            x[c * n + pixel] = Math.log(q);
        }
    }

    /** A visitor of the pixels of a disc, told each pixel's distance to the centre. */
    private interface DiscVisitor {
        void visit(int pixel, double distance);
    }

    private static int[] forDisc(SegmentationData d, double cy, double cx, double radius, DiscVisitor visitor) {
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int y1 = Math.min(d.height(), (int) Math.ceil(cy + radius) + 1);
        int x0 = Math.max(0, (int) Math.floor(cx - radius));
        int x1 = Math.min(d.width(), (int) Math.ceil(cx + radius) + 1);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double distance = Math.hypot(y + 0.5 - cy, x + 0.5 - cx);
                if (distance <= radius) {
                    visitor.visit(y * d.width() + x, distance);
                }
            }
        }
        return new int[] {y0, y1, x0, x1};
    }
}

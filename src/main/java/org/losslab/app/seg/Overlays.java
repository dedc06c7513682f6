package org.losslab.app.seg;

import org.losslab.app.render.ColorMaps;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** Colours the target and the prediction for display: class colours, the prediction's alpha = its confidence. */
final class Overlays {
    static final int IGNORED_COLOUR = 0x80808080;

    private Overlays() {
    }

    /** The ground truth as outlines (contours), so that the heatmap and the prediction stay visible inside. */
    static int[] target(SegmentationData d, int channel) {
        int n = d.pixels();
        int w = d.width();
        int h = d.height();
        int[] out = new int[n];
        int[] t = d.target();
        int offset = d.mode() == SegMode.MULTILABEL ? channel * n : 0;
        for (int i = 0; i < n; i++) {
            int label = t[offset + i];
            if (label == 255) {
                out[i] = IGNORED_COLOUR;
                continue;
            }
            if (label <= 0) {
                continue;
            }
            int y = i / w;
            int x = i % w;
            boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || t[offset + i - 1] != label
                    || t[offset + i + 1] != label || t[offset + i - w] != label || t[offset + i + w] != label;
            if (edge) {
                int colour = d.mode() == SegMode.BINARY ? TARGET_COLOUR
                        : ColorMaps.CLASSES[(d.mode() == SegMode.MULTILABEL ? channel + 1 : label) % ColorMaps.CLASSES.length];
                out[i] = 0xFF000000 | colour & 0x00FFFFFF;
            }
        }
        return out;
    }

    /** Ground-truth outlines of binary scenes: green, as in labelling tools. */
    static final int TARGET_COLOUR = 0xFF3CDC50;

    static int[] prediction(SegmentationData d, int channel) {
        int n = d.pixels();
        int[] out = new int[n];
        double[] x = d.prediction();
        for (int i = 0; i < n; i++) {
            int colour;
            double p;
            if (d.mode() == SegMode.MULTICLASS) {
                int best = 0;
                double max = x[i];
                double sum = 0;
                for (int c = 1; c < d.channels(); c++) {
                    if (x[c * n + i] > max) {
                        max = x[c * n + i];
                        best = c;
                    }
                }
                for (int c = 0; c < d.channels(); c++) {
                    sum += Math.exp(x[c * n + i] - max);
                }
                p = best == 0 ? 0 : 1 / sum;
                colour = ColorMaps.CLASSES[best % ColorMaps.CLASSES.length];
            } else {
                p = Activations.sigmoid(x[(d.mode() == SegMode.MULTILABEL ? channel * n : 0) + i]);
                colour = ColorMaps.CLASSES[(channel + 1) % ColorMaps.CLASSES.length];
            }
            int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, p)));
            out[i] = alpha << 24 | colour & 0x00FFFFFF;
        }
        return out;
    }
}

package org.losslab.app.seg;

import java.util.Arrays;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/** Colours the target and the prediction for display: class colours, the prediction's alpha = its confidence. */
final class Overlays {
    static final int IGNORED_COLOUR = 0x80808080;

    private Overlays() {
    }

    /** The ground truth as outlines (contours), so that the heatmap and the prediction stay visible inside. */
    static int[] target(SegmentationData d, int channel) {
        return target(d, channel, new int[d.pixels()]);
    }

    static int[] target(SegmentationData d, int channel, int[] out) {
        int n = d.pixels();
        int w = d.width();
        int h = d.height();
        Arrays.fill(out, 0);
        int[] t = d.target();
        int offset = d.mode() == SegMode.MULTILABEL ? channel * n : 0;
        for (int i = 0; i < n; i++) {
            int label = t[offset + i];
            if (label == SegParams.IGNORED_LABEL) {
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
                int alpha = thin(t, offset, label, x, y, w, h) ? THIN_ALPHA : 0xFF;
                out[i] = alpha << 24 | colour & 0x00FFFFFF;
            }
        }
        return out;
    }

    /**
     * An outline over a structure one or two pixels thick is the whole structure: drawn opaque it would hide the
     * heatmap under a thin vessel entirely, so there it is translucent and the map's colour shows through.
     */
    static final int THIN_ALPHA = 0x70;

    /** Whether no pixel of the 3 x 3 block around (x, y) is inside the label's region (all four neighbours in it). */
    private static boolean thin(int[] t, int offset, int label, int x, int y, int w, int h) {
        for (int yy = Math.max(1, y - 1); yy <= Math.min(h - 2, y + 1); yy++) {
            for (int xx = Math.max(1, x - 1); xx <= Math.min(w - 2, x + 1); xx++) {
                int j = offset + yy * w + xx;
                if (t[j] == label && t[j - 1] == label && t[j + 1] == label && t[j - w] == label && t[j + w] == label) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Ground-truth outlines of binary scenes: solid white, apart from every colour of the heatmaps' scales. */
    static final int TARGET_COLOUR = 0xFFFFFFFF;
    /** The prediction's outline is dashed: this colour alternating with the class colour (magenta in binary scenes). */
    static final int DASH_COLOUR = 0xFF000000;
    /**
     * Magenta: no colour map the outline lies over comes near it (viridis and cividis end in yellow, the diverging
     * map runs blue-white-orange, the band map is blue, orange and white), so a dash is never read as a value.
     */
    static final int BINARY_PREDICTION_COLOUR = 0xFFFF00FF;

    /**
     * The prediction as a dashed outline: the border pixels of the predicted mask (p >= 0.5 for the
     * channel; in multiclass, of the pixels whose argmax is a foreground class), alternating black with
     * the class colour every two pixels.
     */
    static int[] predictionContour(SegmentationData d, int channel) {
        return predictionContour(d, channel, new int[d.pixels()], new int[d.pixels()]);
    }

    /** As above, into {@code out}, with {@code labels} (n ints) as scratch. */
    static int[] predictionContour(SegmentationData d, int channel, int[] out, int[] labels) {
        int n = d.pixels();
        int w = d.width();
        int h = d.height();
        int[] label = predictedLabels(d, channel, labels);
        dropSpecks(label, w, h, minOutlined(n), out); // out is written only after, from the labels kept
        for (int i = 0; i < n; i++) {
            int k = label[i];
            out[i] = 0;
            if (k == 0) {
                continue;
            }
            int y = i / w;
            int x = i % w;
            boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || label[i - 1] != k || label[i + 1] != k
                    || label[i - w] != k || label[i + w] != k;
            if (edge) {
                int colour = d.mode() == SegMode.BINARY ? BINARY_PREDICTION_COLOUR
                        : ColorMaps.CLASSES[(d.mode() == SegMode.MULTILABEL ? channel + 1 : k) % ColorMaps.CLASSES.length];
                out[i] = ((x + y) / 2) % 2 == 0 ? DASH_COLOUR : 0xFF000000 | colour;
            }
        }
        return out;
    }

    /**
     * The smallest predicted region that gets an outline: noise of a few pixels drawn round with dashes would hide
     * the map under it (a noisy prediction became a field of dashed rings); a region this small shows well enough in
     * the map and the fill.
     */
    static int minOutlined(int pixels) {
        return Math.max(9, pixels / 4000);
    }

    /** Sets to 0 the labels of the 4-connected regions smaller than {@code min} pixels. */
    static void dropSpecks(int[] label, int w, int h, int min) {
        dropSpecks(label, w, h, min, new int[w * h]);
    }

    /**
     * As above, with {@code region} (w x h ints, overwritten) to hold each region's pixels as it is filled. Labels
     * are 0 or more: a pixel visited is marked in {@code label} itself (-1 - its label) until every region is measured,
     * so that no array of flags is needed (two scratch arrays of a 4096 x 4096 scene were 128 MB held for good).
     */
    static void dropSpecks(int[] label, int w, int h, int min, int[] region) {
        int n = w * h;
        for (int start = 0; start < n; start++) {
            if (label[start] <= 0) {
                continue;
            }
            int k = label[start];
            int visited = -1 - k;
            int size = 0;
            region[size++] = start;
            label[start] = visited;
            for (int head = 0; head < size; head++) {
                int i = region[head];
                int y = i / w;
                int x = i - y * w;
                if (x > 0 && label[i - 1] == k) {
                    label[i - 1] = visited;
                    region[size++] = i - 1;
                }
                if (x < w - 1 && label[i + 1] == k) {
                    label[i + 1] = visited;
                    region[size++] = i + 1;
                }
                if (y > 0 && label[i - w] == k) {
                    label[i - w] = visited;
                    region[size++] = i - w;
                }
                if (y < h - 1 && label[i + w] == k) {
                    label[i + w] = visited;
                    region[size++] = i + w;
                }
            }
            if (size < min) {
                for (int j = 0; j < size; j++) {
                    label[region[j]] = 0;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            label[i] = label[i] < 0 ? -1 - label[i] : label[i]; // the regions kept, unmarked
        }
    }

    /** Per pixel the predicted label: the argmax class (multiclass), else 1 where p >= 0.5 for the channel. */
    private static int[] predictedLabels(SegmentationData d, int channel, int[] out) {
        int n = d.pixels();
        double[] x = d.prediction();
        for (int i = 0; i < n; i++) {
            if (d.mode() == SegMode.MULTICLASS) {
                int best = 0;
                for (int c = 1; c < d.channels(); c++) {
                    if (x[c * n + i] > x[best * n + i]) {
                        best = c;
                    }
                }
                out[i] = best;
            } else {
                out[i] = x[(d.mode() == SegMode.MULTILABEL ? channel * n : 0) + i] >= 0 ? 1 : 0;
            }
        }
        return out;
    }

    static int[] prediction(SegmentationData d, int channel) {
        return prediction(d, channel, new int[d.pixels()]);
    }

    static int[] prediction(SegmentationData d, int channel, int[] out) {
        int n = d.pixels();
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

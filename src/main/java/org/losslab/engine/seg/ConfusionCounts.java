package org.losslab.engine.seg;

/**
 * Hard per-class confusion counts of one image, as smp's {@code get_stats}: binary and multilabel
 * threshold the sigmoid probability (and the target) at {@code threshold}; multiclass takes the argmax
 * (first maximum) and leaves ignored pixels out of every count.
 */
public final class ConfusionCounts {
    public final long[] tp;
    public final long[] fp;
    public final long[] fn;
    public final long[] tn;

    private ConfusionCounts(int channels) {
        tp = new long[channels];
        fp = new long[channels];
        fn = new long[channels];
        tn = new long[channels];
    }

    public static ConfusionCounts of(SegmentationData data, double threshold, Long ignoreIndex, String owner) {
        int channels = data.channels();
        int n = data.pixels();
        double[] x = data.prediction();
        ConfusionCounts counts = new ConfusionCounts(channels);
        Labels labels = Labels.of(data, ignoreIndex, owner);
        if (data.mode() == SegMode.MULTICLASS) {
            for (int i = 0; i < n; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                int best = 0;
                for (int c = 1; c < channels; c++) {
                    if (x[c * n + i] > x[best * n + i]) {
                        best = c;
                    }
                }
                for (int c = 0; c < channels; c++) {
                    counts.add(c, c == best, labels.truth(c * n + i) == 1);
                }
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                boolean predicted = Activations.sigmoid(x[i]) >= threshold;
                boolean truth = labels.truth(i) >= threshold;
                counts.add(i / n, predicted, truth);
            }
        }
        return counts;
    }

    /** No pixel counted yet, over this many channels. */
    public static ConfusionCounts zero(int channels) {
        return new ConfusionCounts(channels);
    }

    /** Adds another's counts {@code times} over (the counts of one pixel, for each voxel that reads the same). */
    public void add(ConfusionCounts other, long times) {
        for (int c = 0; c < tp.length; c++) {
            tp[c] += other.tp[c] * times;
            fp[c] += other.fp[c] * times;
            fn[c] += other.fn[c] * times;
            tn[c] += other.tn[c] * times;
        }
    }

    private void add(int c, boolean predicted, boolean truth) {
        if (predicted && truth) {
            tp[c]++;
        } else if (predicted) {
            fp[c]++;
        } else if (truth) {
            fn[c]++;
        } else {
            tn[c]++;
        }
    }

    public int channels() {
        return tp.length;
    }
}

package org.losslab.engine.coco;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COCOeval's {@code summarize()} for bbox and segm: the 12 numbers (means over the entries > -1, summed as numpy
 * sums: pairwise) and their lines, and the per-category AP, AP50 and AP75 of CONTRACTS_V3 section 5.
 */
public final class CocoSummary {
    private static final int ALL = 0;
    private static final int LAST_MAX_DETS = CocoParams.M - 1;

    private final double[] stats = new double[12];
    private final List<String> lines = new ArrayList<>(12);
    private final CocoEvaluation evaluation;

    public CocoSummary(CocoEvaluation evaluation) {
        this.evaluation = evaluation;
        int[] maxDets = CocoParams.MAX_DETS;
        stats[0] = line(true, Double.NaN, 0, 100);
        stats[1] = line(true, .5, 0, maxDets[2]);
        stats[2] = line(true, .75, 0, maxDets[2]);
        stats[3] = line(true, Double.NaN, 1, maxDets[2]);
        stats[4] = line(true, Double.NaN, 2, maxDets[2]);
        stats[5] = line(true, Double.NaN, 3, maxDets[2]);
        stats[6] = line(false, Double.NaN, 0, maxDets[0]);
        stats[7] = line(false, Double.NaN, 0, maxDets[1]);
        stats[8] = line(false, Double.NaN, 0, maxDets[2]);
        stats[9] = line(false, Double.NaN, 1, maxDets[2]);
        stats[10] = line(false, Double.NaN, 2, maxDets[2]);
        stats[11] = line(false, Double.NaN, 3, maxDets[2]);
    }

    /** stats[0..11]: AP, AP50, AP75, AP small/medium/large, AR1, AR10, AR100, AR small/medium/large. */
    public double[] stats() {
        return stats.clone();
    }

    /** The evaluated categories' ids, sorted: the order of {@link #categoryAp}'s index. */
    public long[] categoryIds() {
        return evaluation.categoryIds();
    }

    /** The 12 lines summarize() prints, without line ends. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Mean of precision[thresholds, :, k, all, 100] over entries > -1, NaN when there is none. */
    public double categoryAp(int k, double iouThreshold) {
        int from = 0;
        int to = CocoParams.T;
        if (!Double.isNaN(iouThreshold)) {
            from = CocoParams.iouIndex(iouThreshold);
            to = from + 1;
        }
        Mean mean = new Mean(CocoParams.T * CocoParams.R);
        for (int t = Math.max(0, from); t < to && from >= 0; t++) {
            for (int r = 0; r < CocoParams.R; r++) {
                mean.add(evaluation.precision(t, r, k, ALL, LAST_MAX_DETS));
            }
        }
        return mean.value();
    }

    private double line(boolean ap, double iouThreshold, int area, int maxDets) {
        int m = -1;
        for (int i = 0; i < CocoParams.M; i++) {
            if (CocoParams.MAX_DETS[i] == maxDets) {
                m = i;
            }
        }
        int from = 0;
        int to = CocoParams.T;
        if (!Double.isNaN(iouThreshold)) {
            from = CocoParams.iouIndex(iouThreshold);
            to = from + 1;
        }
        int k = evaluation.categories();
        Mean mean = new Mean(CocoParams.T * CocoParams.R * Math.max(1, k));
        for (int t = from; t < to && from >= 0 && m >= 0; t++) {
            if (ap) {
                for (int r = 0; r < CocoParams.R; r++) {
                    for (int c = 0; c < k; c++) {
                        mean.add(evaluation.precision(t, r, c, area, m));
                    }
                }
            } else {
                for (int c = 0; c < k; c++) {
                    mean.add(evaluation.recall(t, c, area, m));
                }
            }
        }
        double value = Double.isNaN(mean.value()) ? -1 : mean.value();
        String iou = Double.isNaN(iouThreshold)
                ? fixed(CocoParams.IOU_THRESHOLDS[0], 2) + ":" + fixed(CocoParams.IOU_THRESHOLDS[CocoParams.T - 1], 2)
                : fixed(iouThreshold, 2);
        lines.add(String.format(Locale.ROOT, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s",
                ap ? "Average Precision" : "Average Recall", ap ? "(AP)" : "(AR)", iou,
                CocoParams.AREA_LABELS[area], maxDets, fixed(value, 3)));
        return value;
    }

    /** Python's '{:0.Nf}': the double's exact value rounded half-even (Java's %f rounds its decimal form). */
    static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The entries > -1, then their mean as numpy's add.reduce sums them (pairwise, blocks of 8). */
    private static final class Mean {
        private final double[] values;
        private int n;

        Mean(int capacity) {
            values = new double[capacity];
        }

        void add(double v) {
            if (v > -1) {
                values[n++] = v;
            }
        }

        double value() {
            return n == 0 ? Double.NaN : (0.0 + pairwiseSum(values, 0, n)) / n;
        }
    }

    /** numpy's pairwise_sum for float64. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[from + j];
            }
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
        }
    }
}

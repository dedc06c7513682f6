package org.losslab.engine.dataset;

import java.util.List;
import org.losslab.engine.math.PairwiseSum;

/**
 * segmentation_models.pytorch's reductions of a score over the per-case, per-class counts
 * ({@code smp.metrics.functional._compute_metric}, classes 1 .. N-1 as smp's classes) with
 * {@code zero_division = 1}: {@code micro} scores the counts summed over everything and never substitutes;
 * {@code macro} scores each class's counts summed over cases, {@code micro-imagewise} each case's summed over
 * classes, {@code macro-imagewise} each (case, class), and each of these replaces a 0/0 by 1 before averaging.
 * Sums of counts are exact; means are added in numpy's order: pairwise along a contiguous run, and one case
 * after another for {@code score.mean(0)} of a cases x classes array (numpy reduces its outer axis row by row)
 * unless there is a single class (the array is then one contiguous column, added pairwise).
 */
public record SmpReduction(double micro, double macro, double microImagewise, double macroImagewise) {
    /** The score of smp's functional metrics on counts. */
    public enum Score {
        /** {@code iou_score}: tp / (tp + fp + fn). */
        IOU("iou_score"),
        /** {@code f1_score}: 2 tp / (2 tp + fp + fn). */
        F1("f1_score");

        private final String key;

        Score(String key) {
            this.key = key;
        }

        /** smp's name of the score. */
        public String key() {
            return key;
        }

        double of(long tp, long fp, long fn) {
            return this == IOU ? (double) tp / (tp + fp + fn) : (double) (2 * tp) / (2 * tp + fp + fn);
        }

        /** smp's {@code _handle_zero_division} with {@code zero_division = 1}. */
        double orOne(long tp, long fp, long fn) {
            double score = of(tp, fp, fn);
            return Double.isNaN(score) ? 1 : score;
        }
    }

    /** The four reductions of {@code score} over {@code cases} for classes 1 .. classes. */
    public static SmpReduction of(List<CaseResult> cases, int classes, Score score) {
        int n = cases.size();
        long[][] classSums = new long[3][classes];
        long[] all = new long[3];
        double[] imagewise = new double[n];
        double[] classMeans = new double[classes];
        double[] onlyClass = new double[classes == 1 ? n : 0];
        for (int i = 0; i < n; i++) {
            long[] caseSums = new long[3];
            for (int c = 1; c <= classes; c++) {
                ClassNumbers k = cases.get(i).of(c);
                long[] counts = {k.tp(), k.fp(), k.fn()};
                for (int j = 0; j < 3; j++) {
                    classSums[j][c - 1] += counts[j];
                    caseSums[j] += counts[j];
                    all[j] += counts[j];
                }
                double each = score.orOne(k.tp(), k.fp(), k.fn());
                classMeans[c - 1] += each;
                if (classes == 1) {
                    onlyClass[i] = each;
                }
            }
            imagewise[i] = score.orOne(caseSums[0], caseSums[1], caseSums[2]);
        }
        double[] perClass = new double[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = score.orOne(classSums[0][c], classSums[1][c], classSums[2][c]);
            classMeans[c] = classes == 1 ? PairwiseSum.mean(onlyClass, n) : classMeans[c] / n;
        }
        return new SmpReduction(score.of(all[0], all[1], all[2]), PairwiseSum.mean(perClass, classes),
                PairwiseSum.mean(imagewise, n), PairwiseSum.mean(classMeans, classes));
    }
}

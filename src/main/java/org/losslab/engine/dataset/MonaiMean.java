package org.losslab.engine.dataset;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.losslab.engine.math.PairwiseSum;

/**
 * MONAI's {@code do_metric_reduction(f, "mean")} over its own per-case values (see {@link ClassNumbers#monaiDice}
 * and {@link ClassNumbers#monaiHd95}): the NaNs set to 0, the mean of each case over its non-NaN classes, then
 * the mean over the cases that had one (0 when none had).
 *
 * @param mean    the reduced value
 * @param notNans how many (case, class) values entered it
 * @param cases   how many cases entered it (MONAI's own {@code not_nans} after the batch step)
 */
public record MonaiMean(double mean, long notNans, int cases) {
    /** The reduction of {@code metric} over {@code cases} for classes 1 .. classes. */
    public static MonaiMean of(List<CaseResult> cases, int classes, ToDoubleFunction<ClassNumbers> metric) {
        double[] perCase = new double[cases.size()];
        double[] row = new double[classes];
        long notNans = 0;
        int withValue = 0;
        for (int i = 0; i < perCase.length; i++) {
            int count = 0;
            for (int c = 1; c <= classes; c++) {
                double v = metric.applyAsDouble(cases.get(i).of(c));
                row[c - 1] = Double.isNaN(v) ? 0 : v;
                count += Double.isNaN(v) ? 0 : 1;
            }
            perCase[i] = count > 0 ? PairwiseSum.sum(row, 0, classes) / count : 0;
            notNans += count;
            withValue += count > 0 ? 1 : 0;
        }
        double mean = withValue > 0 ? PairwiseSum.sum(perCase, 0, perCase.length) / withValue : 0;
        return new MonaiMean(mean, notNans, withValue);
    }
}

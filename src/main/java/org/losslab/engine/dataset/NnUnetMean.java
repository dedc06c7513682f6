package org.losslab.engine.dataset;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.losslab.engine.math.PairwiseSum;

/**
 * nnU-Net v2's {@code summary.json} means (its {@code compute_metrics_on_folder}): per class the
 * {@code numpy.nanmean} over cases (a class absent from both masks of a case, NaN, is left out), and the
 * foreground mean as {@code numpy.mean} of the per-class means (NaN if a class is NaN in every case).
 *
 * @param perClass the mean of classes 1, 2, ... at indices 0, 1, ...
 */
public record NnUnetMean(double[] perClass, double foregroundMean) {
    /** The means of {@code metric} (section 2's Dice or IoU) over {@code cases} for classes 1 .. classes. */
    public static NnUnetMean of(List<CaseResult> cases, int classes, ToDoubleFunction<ClassNumbers> metric) {
        double[] perClass = new double[classes];
        double[] column = new double[cases.size()];
        for (int c = 1; c <= classes; c++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = metric.applyAsDouble(cases.get(i).of(c));
            }
            perClass[c - 1] = PairwiseSum.nanMean(column);
        }
        return new NnUnetMean(perClass, PairwiseSum.mean(perClass, classes));
    }
}

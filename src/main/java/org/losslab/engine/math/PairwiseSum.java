package org.losslab.engine.math;

/**
 * Sums and means of doubles added in numpy's order (its {@code pairwise_sum}: runs of fewer than 8 added
 * one by one, runs up to 128 in 8 interleaved partial sums, longer runs split in two halves whose length is
 * a multiple of 8). The audit's aggregates and mean surface distances are checked against numpy to the last
 * bit, and a float64 sum depends on the order of its additions.
 */
public final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** The sum of {@code values[from .. from + count)}, as {@code numpy.sum} of that contiguous slice. */
    public static double sum(double[] values, int from, int count) {
        if (count < 8) {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (count <= BLOCK) {
            double[] lanes = new double[8];
            System.arraycopy(values, from, lanes, 0, 8);
            int i = 8;
            for (; i < count - count % 8; i += 8) {
                for (int lane = 0; lane < 8; lane++) {
                    lanes[lane] += values[from + i + lane];
                }
            }
            double sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            for (; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = count / 2;
        half -= half % 8;
        return sum(values, from, half) + sum(values, from + half, count - half);
    }

    /** {@code numpy.mean}: NaN for no values. */
    public static double mean(double[] values, int count) {
        return sum(values, 0, count) / count;
    }

    /** {@code numpy.nanmean}: the NaNs replaced by 0 in the sum and left out of the count; NaN when all are NaN. */
    public static double nanMean(double[] values) {
        double[] zeroed = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                zeroed[i] = values[i];
                count++;
            }
        }
        return sum(zeroed, 0, zeroed.length) / count;
    }
}

package org.losslab.engine.distance;

/**
 * {@code torch.quantile(t, q)} on a float32 tensor as PyTorch 1.13 computes it on the CPU, operation for
 * operation in float32: MONAI's HD95 is this on float32 distances. The rank is q * (n - 1) with q and the
 * product rounded to float32 (so its fraction differs from numpy's float64 one), the two neighbours are the
 * sorted values at floor and ceil of the rank, and they are joined by {@code lerp} in float32 (from the upper
 * neighbour when the weight is 0.5 or more). Only the bench's check uses it: the audit keeps numpy's float64
 * convention, which CONTRACTS_V3 names.
 */
public final class TorchQuantile {
    private TorchQuantile() {
    }

    /** The q-quantile (0 <= q <= 1) of the values cast to float32; NaN for no values. Reorders {@code values}. */
    public static float quantile(double[] values, double q) {
        int n = values.length;
        if (n == 0) {
            return Float.NaN;
        }
        float rank = (float) q * (float) (n - 1);
        int below = (int) rank;
        int above = (int) Math.ceil(rank);
        float weight = rank - below;
        float lower = (float) OrderStatistics.select(values, below);
        float upper = above == below ? lower : (float) OrderStatistics.minFrom(values, below + 1);
        float difference = upper - lower;
        return Math.abs(weight) < 0.5f ? lower + weight * difference : upper - difference * (1 - weight);
    }
}

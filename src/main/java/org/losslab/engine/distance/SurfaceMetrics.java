package org.losslab.engine.distance;

import java.util.Arrays;
import org.losslab.engine.math.PairwiseSum;

/**
 * MONAI's surface metrics of two masks in any number of dimensions with per-axis spacing (CONTRACTS_V3
 * section 2): the edges of a mask are its voxels with a face neighbour outside it (the image border counts as
 * outside), d(P->G) is each edge voxel of P's Euclidean distance in mm to the nearest edge voxel of G.
 *
 * <p>PLACEHOLDER: this is the audit branch's small brute-force version (every edge voxel against every edge
 * voxel of the other mask), exact but quadratic in the edge lengths; the separable exact distance transform
 * of the volumes work replaces it with the same API at merge.
 */
public final class SurfaceMetrics {
    /** MONAI's HD95 percentile. */
    private static final double PERCENTILE = 95.0 / 100.0;

    private final double[] predToRef;
    private final double[] refToPred;
    /** NaN when both masks are empty, infinity when exactly one is, 0 otherwise (the distances are then defined). */
    private final double undefined;

    private SurfaceMetrics(double[] predToRef, double[] refToPred, double undefined) {
        this.predToRef = predToRef;
        this.refToPred = refToPred;
        this.undefined = undefined;
    }

    /** Masks flat in C order over shape ({H, W} or {D, H, W}); spacing[i] = mm size of axis i (same order as shape). */
    public static SurfaceMetrics compute(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        int[][] refEdge = edges(reference, shape);
        int[][] predEdge = edges(prediction, shape);
        int nRef = refEdge[0].length;
        int nPred = predEdge[0].length;
        if (nRef == 0 || nPred == 0) {
            double[] none = {};
            return new SurfaceMetrics(none, none, nRef == nPred ? Double.NaN : Double.POSITIVE_INFINITY);
        }
        return new SurfaceMetrics(directed(predEdge, refEdge, spacing), directed(refEdge, predEdge, spacing), 0);
    }

    public double hd() {
        return undefined != 0 ? undefined : Math.max(max(predToRef), max(refToPred));
    }

    public double hd95() {
        return undefined != 0 ? undefined : Math.max(percentile(predToRef), percentile(refToPred));
    }

    public double assd() {
        if (undefined != 0) {
            return undefined;
        }
        double[] pooled = Arrays.copyOf(predToRef, predToRef.length + refToPred.length);
        System.arraycopy(refToPred, 0, pooled, predToRef.length, refToPred.length);
        return PairwiseSum.mean(pooled, pooled.length);
    }

    /** NSD at the tolerance (mm). */
    public double nsd(double toleranceMm) {
        if (undefined != 0) {
            return Double.isNaN(undefined) ? Double.NaN : 0;
        }
        long within = 0;
        for (double[] side : new double[][] {predToRef, refToPred}) {
            for (double d : side) {
                within += d <= toleranceMm ? 1 : 0;
            }
        }
        return (double) within / (predToRef.length + refToPred.length);
    }

    /** The coordinates (per axis, then per edge voxel in C order) of the mask's edge voxels. */
    private static int[][] edges(boolean[] mask, int[] shape) {
        int dims = shape.length;
        int[] stride = new int[dims];
        stride[dims - 1] = 1;
        for (int a = dims - 2; a >= 0; a--) {
            stride[a] = stride[a + 1] * shape[a + 1];
        }
        int[][] coords = new int[dims][0];
        int[] at = new int[dims];
        for (int pass = 0; pass < 2; pass++) { // count, then fill arrays of the exact length
            int count = 0;
            for (int i = 0; i < mask.length; i++) {
                for (int a = 0, rest = i; a < dims; a++) {
                    at[a] = rest / stride[a];
                    rest %= stride[a];
                }
                if (mask[i] && onEdge(mask, shape, stride, at, i)) {
                    for (int a = 0; a < dims && pass == 1; a++) {
                        coords[a][count] = at[a];
                    }
                    count++;
                }
            }
            for (int a = 0; a < dims && pass == 0; a++) {
                coords[a] = new int[count];
            }
        }
        return coords;
    }

    private static boolean onEdge(boolean[] mask, int[] shape, int[] stride, int[] at, int i) {
        for (int a = 0; a < shape.length; a++) {
            if (at[a] == 0 || at[a] == shape[a] - 1 || !mask[i - stride[a]] || !mask[i + stride[a]]) {
                return true;
            }
        }
        return false;
    }

    /** For each edge voxel of {@code from}, the distance to the nearest of {@code to}, summed over axes as scipy's EDT. */
    private static double[] directed(int[][] from, int[][] to, double[] spacing) {
        double[] out = new double[from[0].length];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < to[0].length; j++) {
                double squared = 0;
                for (int a = 0; a < spacing.length; a++) {
                    double d = (to[a][j] - from[a][i]) * spacing[a];
                    squared += d * d;
                }
                best = Math.min(best, squared);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The 95th percentile with numpy's linear interpolation (its lerp, from the upper value when the weight is 0.5 or more). */
    private static double percentile(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * PERCENTILE;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        double difference = sorted[above] - sorted[below];
        return weight >= 0.5 ? sorted[above] - difference * (1 - weight) : sorted[below] + difference * weight;
    }
}

package org.losslab.engine.distance;

import java.util.Arrays;

/**
 * The boundary distances of one channel, as MONAI's surface metrics take them: for every edge pixel of
 * the prediction its Euclidean distance (pixel units) to the nearest edge pixel of the target, and the
 * other way round. Lists are in row-major order of the edge pixels.
 *
 * @param predToTruth d(pred -> gt), one entry per predicted edge pixel
 * @param truthToPred d(gt -> pred), one entry per target edge pixel
 * @param predEdge    the predicted edge mask
 * @param truthEdge   the target edge mask
 */
public record SurfaceDistances(double[] predToTruth, double[] truthToPred, boolean[] predEdge, boolean[] truthEdge) {

    /** The distances between two masks' edges; an empty side gives an empty list for its own edges. */
    public static SurfaceDistances of(boolean[] predicted, boolean[] truth, int height, int width) {
        boolean[] predEdge = MaskChannels.edges(predicted, height, width);
        boolean[] truthEdge = MaskChannels.edges(truth, height, width);
        return new SurfaceDistances(directed(predEdge, truthEdge, height, width),
                directed(truthEdge, predEdge, height, width), predEdge, truthEdge);
    }

    /** For each pixel of {@code from}, the distance to the nearest pixel of {@code to} (infinite if none). */
    private static double[] directed(boolean[] from, boolean[] to, int height, int width) {
        int count = 0;
        for (boolean b : from) {
            count += b ? 1 : 0;
        }
        double[] out = new double[count];
        if (count == 0) {
            return out;
        }
        boolean anyTarget = !MaskChannels.isEmpty(to);
        double[] field = anyTarget ? DistanceCache.distance(to, height, width) : null;
        int k = 0;
        for (int i = 0; i < from.length; i++) {
            if (from[i]) {
                out[k++] = anyTarget ? field[i] : Double.POSITIVE_INFINITY;
            }
        }
        return out;
    }

    /**
     * The q-quantile (0..1) with linear interpolation between order statistics, as torch.quantile; q = 1
     * is the maximum.
     */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }

    /**
     * Where a directed Hausdorff distance is realised: the edge pixel of {@code from} farthest from
     * {@code to}'s edge and its nearest edge pixel there, as {y1, x1, y2, x2}; null when a mask is empty.
     */
    public static int[] farthestPair(boolean[] from, boolean[] to, int height, int width) {
        if (MaskChannels.isEmpty(from) || MaskChannels.isEmpty(to)) {
            return null;
        }
        boolean[] fromEdge = MaskChannels.edges(from, height, width);
        boolean[] toEdge = MaskChannels.edges(to, height, width);
        double[] field = EuclideanTransform.squared(toEdge, new int[] {height, width}, new double[] {1, 1});
        int far = -1;
        for (int i = 0; i < fromEdge.length; i++) {
            if (fromEdge[i] && (far < 0 || field[i] > field[far])) {
                far = i;
            }
        }
        int fy = far / width;
        int fx = far % width;
        int near = -1;
        long best = Long.MAX_VALUE;
        for (int j = 0; j < toEdge.length; j++) {
            if (toEdge[j]) {
                long dy = j / width - fy;
                long dx = j % width - fx;
                long d2 = dy * dy + dx * dx;
                if (d2 < best) {
                    best = d2;
                    near = j;
                }
            }
        }
        return new int[] {fy, fx, near / width, near % width};
    }
}

package org.losslab.engine.distance;

import java.util.Arrays;

/**
 * Where the Hausdorff distance between two masks is realised, with MONAI's edges and distances in mm (as
 * {@link SurfaceMetrics}): the edge voxel of one mask farthest from the other mask's edge, and the nearest edge
 * voxel of that other mask to it. The distance is {@link SurfaceMetrics#hd()} for the same masks. Computed in the
 * bounding box of both masks, one distance transform per direction.
 *
 * @param from           the farthest edge voxel, coordinates in the shape's axis order ({z, y, x} or {y, x})
 * @param to             its nearest edge voxel on the other mask
 * @param distance       mm between them: the Hausdorff distance
 * @param fromPrediction true when {@code from} is on the prediction (the distance is d(P -> G)), false when on the
 *                       ground truth
 */
public record HausdorffPair(int[] from, int[] to, double distance, boolean fromPrediction) {

    /**
     * Where HD and MONAI's HD95 are reached. HD95 interpolates between two distances, so its pair is, in the
     * direction whose 95th percentile is the larger, the edge voxel with the smallest distance at or above HD95, and
     * its nearest edge voxel on the other mask (its {@code distance} is that voxel's, at or just above HD95).
     */
    public record Realised(HausdorffPair hd, HausdorffPair hd95) {
    }

    /** The pair for two masks flat in C order over {@code shape}; null when either mask is empty. */
    public static HausdorffPair of(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        Realised r = realised(reference, prediction, shape, spacing);
        return r == null ? null : r.hd();
    }

    /** Both pairs from one distance transform per direction; null when either mask is empty. */
    public static Realised realised(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        EdgeVoxels grid = EdgeVoxels.of(shape);
        EdgeVoxels.Box box = grid.union(reference, prediction);
        if (box == null) {
            return null;
        }
        int[] referenceEdges = grid.inBox(reference, box);
        int[] predictionEdges = grid.inBox(prediction, box);
        if (referenceEdges.length == 0 || predictionEdges.length == 0) {
            return null;
        }
        int[] boxShape = shape.length == 2 ? new int[] {box.height(), box.width()}
                : new int[] {box.depth(), box.height(), box.width()};
        double[] field = new double[box.volume()];
        Direction forward = direction(field, boxShape, spacing, referenceEdges, predictionEdges);
        Direction backward = direction(field, boxShape, spacing, predictionEdges, referenceEdges);
        Frame frame = new Frame(box, boxShape, shape.length, spacing);
        boolean hdForward = forward.max() >= backward.max();
        boolean hd95Forward = forward.percentile() >= backward.percentile();
        return new Realised(frame.pair(hdForward ? forward : backward, true, hdForward),
                frame.pair(hd95Forward ? forward : backward, false, hd95Forward));
    }

    /**
     * One direction's distances (queries to the nearest seed): the largest, the 95th percentile, and the query that
     * realises each (box-local indices).
     */
    private record Direction(double max, int farthest, double percentile, int atPercentile, double atPercentileDistance,
                             int[] seeds) {
    }

    private static Direction direction(double[] field, int[] boxShape, double[] spacing, int[] seeds, int[] queries) {
        Arrays.fill(field, Double.POSITIVE_INFINITY);
        for (int s : seeds) {
            field[s] = 0;
        }
        EuclideanTransform.squaredInPlace(field, boxShape, spacing, null);
        double[] distances = new double[queries.length];
        int far = 0;
        for (int i = 0; i < queries.length; i++) {
            distances[i] = Math.sqrt(field[queries[i]]);
            if (distances[i] > distances[far]) {
                far = i;
            }
        }
        double percentile = SurfaceMetrics.percentile95(distances.clone());
        int at = -1;
        for (int i = 0; i < queries.length; i++) {
            if (distances[i] >= percentile && (at < 0 || distances[i] < distances[at])) {
                at = i;
            }
        }
        return new Direction(distances[far], queries[far], percentile, queries[at], distances[at], seeds);
    }

    /** The box the pairs were found in, to turn box-local indices into the grid's coordinates. */
    private record Frame(EdgeVoxels.Box box, int[] boxShape, int axes, double[] spacing) {
        /** The pair of a direction (its farthest query or the one at the percentile) and the query's nearest seed. */
        HausdorffPair pair(Direction d, boolean farthest, boolean fromPrediction) {
            int query = farthest ? d.farthest() : d.atPercentile();
            int[] at = coordinates(query, boxShape);
            int near = d.seeds()[0];
            double best = Double.POSITIVE_INFINITY;
            for (int s : d.seeds()) {
                double squared = squaredMm(at, coordinates(s, boxShape), spacing);
                if (squared < best) {
                    best = squared;
                    near = s;
                }
            }
            return new HausdorffPair(global(query, box, boxShape, axes), global(near, box, boxShape, axes),
                    farthest ? d.max() : d.atPercentileDistance(), fromPrediction);
        }
    }

    /** The squared distance in mm, summed from the last axis to the first as the transform sums it. */
    static double squaredMm(int[] a, int[] b, double[] spacing) {
        double sum = 0;
        for (int axis = a.length - 1; axis >= 0; axis--) {
            double d = (a[axis] - b[axis]) * spacing[axis];
            sum += d * d;
        }
        return sum;
    }

    private static int[] coordinates(int flat, int[] shape) {
        int[] out = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            out[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return out;
    }

    private static int[] global(int local, EdgeVoxels.Box box, int[] boxShape, int axes) {
        int[] at = coordinates(local, boxShape);
        int[] origin = axes == 2 ? new int[] {box.y0(), box.x0()} : new int[] {box.z0(), box.y0(), box.x0()};
        for (int a = 0; a < at.length; a++) {
            at[a] += origin[a];
        }
        return at;
    }
}

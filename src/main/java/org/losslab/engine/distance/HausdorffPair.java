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

    /** The pair for two masks flat in C order over {@code shape}; null when either mask is empty. */
    public static HausdorffPair of(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
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
        int[] forward = farthest(field, boxShape, spacing, referenceEdges, predictionEdges);
        double forwardSquared = field[forward[0]];
        int[] backward = farthest(field, boxShape, spacing, predictionEdges, referenceEdges);
        boolean fromPrediction = forwardSquared >= field[backward[0]];
        int[] pair = fromPrediction ? forward : backward;
        double squared = fromPrediction ? forwardSquared : field[backward[0]];
        return new HausdorffPair(global(pair[0], box, boxShape, shape.length), global(pair[1], box, boxShape, shape.length),
                Math.sqrt(squared), fromPrediction);
    }

    /**
     * The query farthest from the seeds and its nearest seed, as box-local indices; {@code field} keeps the squared
     * distances of this direction.
     */
    private static int[] farthest(double[] field, int[] boxShape, double[] spacing, int[] seeds, int[] queries) {
        Arrays.fill(field, Double.POSITIVE_INFINITY);
        for (int s : seeds) {
            field[s] = 0;
        }
        EuclideanTransform.squaredInPlace(field, boxShape, spacing, null);
        int far = queries[0];
        for (int q : queries) {
            if (field[q] > field[far]) {
                far = q;
            }
        }
        int[] farAt = coordinates(far, boxShape);
        int near = seeds[0];
        double best = Double.POSITIVE_INFINITY;
        for (int s : seeds) {
            double d = squaredMm(farAt, coordinates(s, boxShape), spacing);
            if (d < best) {
                best = d;
                near = s;
            }
        }
        return new int[] {far, near};
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

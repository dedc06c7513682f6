package org.losslab.engine.distance;

import java.util.Arrays;
import org.losslab.engine.EngineException;
import org.losslab.engine.math.PairwiseSum;

/**
 * MONAI's surface distances between a reference and a predicted mask on a 2-D or 3-D grid with a spacing
 * in mm (CONTRACTS_V3 section 2): the edges of a mask are its voxels with a 4- or 6-neighbour outside it
 * (the border counting as outside); d(P -> G) is the Euclidean distance in mm from each edge voxel of P to
 * the nearest edge voxel of G, and d(G -> P) the other way. Computed as MONAI does, only inside the bounding
 * box of both masks (every edge and every nearest edge lies there), with two exact distance transforms.
 *
 * <p>Both masks empty: every value NaN. Exactly one empty: hd, hd95 and assd +infinity, nsd 0.
 */
public final class SurfaceMetrics {
    /** A thread keeps its distance buffer for the next case unless it is larger than this (128 MB). */
    private static final int KEPT_BUFFER = 1 << 24;
    private static final ThreadLocal<double[]> BUFFER = new ThreadLocal<>();

    private final double[] predictionToReference;
    private final double[] referenceToPrediction;
    private final double hd;
    private final double hd95;
    private final double assd;

    private SurfaceMetrics(double[] predictionToReference, double[] referenceToPrediction, double empty) {
        this.predictionToReference = predictionToReference;
        this.referenceToPrediction = referenceToPrediction;
        if (predictionToReference == null) {
            hd = empty;
            hd95 = empty;
            assd = empty;
            return;
        }
        hd = Math.max(max(predictionToReference), max(referenceToPrediction));
        hd95 = Math.max(percentile95(predictionToReference), percentile95(referenceToPrediction));
        // MONAI pools both directions (prediction to reference first) and numpy's mean sums pairwise: the same order
        // gives the same bits
        double[] pooled = new double[predictionToReference.length + referenceToPrediction.length];
        System.arraycopy(predictionToReference, 0, pooled, 0, predictionToReference.length);
        System.arraycopy(referenceToPrediction, 0, pooled, predictionToReference.length, referenceToPrediction.length);
        assd = PairwiseSum.mean(pooled, pooled.length);
    }

    /** Masks flat in C order over shape ({H, W} or {D, H, W}); spacing[i] = mm size of axis i (same order as shape). */
    public static SurfaceMetrics compute(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        check(reference, prediction, shape, spacing);
        EdgeVoxels grid = EdgeVoxels.of(shape);
        EdgeVoxels.Box box = grid.union(reference, prediction);
        if (box == null) {
            return new SurfaceMetrics(null, null, Double.NaN);
        }
        int[] referenceEdges = grid.inBox(reference, box);
        int[] predictionEdges = grid.inBox(prediction, box);
        if (referenceEdges.length == 0 || predictionEdges.length == 0) {
            return new SurfaceMetrics(null, null, Double.POSITIVE_INFINITY);
        }
        int[] boxShape = shape.length == 2 ? new int[] {box.height(), box.width()}
                : new int[] {box.depth(), box.height(), box.width()};
        double[] field = takeBuffer(box.volume());
        double[] toReference = directed(field, boxShape, spacing, referenceEdges, predictionEdges);
        double[] toPrediction = directed(field, boxShape, spacing, predictionEdges, referenceEdges);
        if (field.length <= KEPT_BUFFER) {
            BUFFER.set(field);
        }
        return new SurfaceMetrics(toReference, toPrediction, 0);
    }

    /** Hausdorff distance (mm): the larger of both directions' maxima. */
    public double hd() {
        return hd;
    }

    /** HD95 (mm), MONAI's: the larger of both directions' 95th percentiles (numpy.percentile's interpolation). */
    public double hd95() {
        return hd95;
    }

    /**
     * HD95 as MONAI computes it in float32: the larger of both directions' {@code torch.quantile(d, 0.95)} on the
     * distances cast to float32 (see {@link TorchQuantile}); NaN when a mask is empty, as there.
     */
    public double hd95Float32() {
        if (predictionToReference == null) {
            return Double.NaN;
        }
        return Math.max(TorchQuantile.quantile(predictionToReference, 0.95), TorchQuantile.quantile(referenceToPrediction, 0.95));
    }

    /** The distances (mm) from each edge voxel of the prediction to the reference's edge, in no order; empty when a mask is. */
    public double[] predictionToReference() {
        return predictionToReference == null ? new double[0] : predictionToReference.clone();
    }

    /** The distances (mm) from each edge voxel of the reference to the prediction's edge, in no order; empty when a mask is. */
    public double[] referenceToPrediction() {
        return referenceToPrediction == null ? new double[0] : referenceToPrediction.clone();
    }

    /** Average symmetric surface distance (mm): the mean of both directions' distances pooled. */
    public double assd() {
        return assd;
    }

    /** NSD at the tolerance (mm). */
    public double nsd(double toleranceMm) {
        if (predictionToReference == null) {
            return Double.isNaN(hd) ? Double.NaN : 0;
        }
        long within = countWithin(predictionToReference, toleranceMm) + countWithin(referenceToPrediction, toleranceMm);
        return (double) within / (predictionToReference.length + referenceToPrediction.length);
    }

    /** For each query voxel, the distance (mm) to the nearest seed voxel; both lists index the box's grid. */
    private static double[] directed(double[] field, int[] boxShape, double[] spacing, int[] seeds, int[] queries) {
        int size = 1;
        for (int length : boxShape) {
            size *= length;
        }
        Arrays.fill(field, 0, size, Double.POSITIVE_INFINITY);
        for (int s : seeds) {
            field[s] = 0;
        }
        // the last pass (axis 0) only runs over the lines that hold a query voxel
        int lineCount = size / boxShape[0];
        boolean[] wanted = new boolean[lineCount];
        for (int q : queries) {
            wanted[q % lineCount] = true;
        }
        EuclideanTransform.squaredInPlace(field, boxShape, spacing, wanted);
        double[] out = new double[queries.length];
        for (int i = 0; i < queries.length; i++) {
            out[i] = Math.sqrt(field[queries[i]]);
        }
        return out;
    }

    /**
     * The thread's buffer, taken out while in use: a thread of the common pool that helps with other
     * work while it waits for its transform's lines could otherwise start another case on the same buffer.
     */
    /**
     * Forgets this thread's buffer: a thread that computes one scene at a time (the workspace's table) would else keep
     * up to 128 MB between requests, beside everything the next request needs.
     */
    public static void releaseBuffer() {
        BUFFER.remove();
    }

    private static double[] takeBuffer(int size) {
        double[] kept = BUFFER.get();
        BUFFER.remove();
        return kept != null && kept.length >= size ? kept : new double[size];
    }

    private static void check(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        if (shape.length != 2 && shape.length != 3) {
            throw new EngineException("surface distances: the shape has " + shape.length + " axes, expected 2 or 3");
        }
        long size = 1;
        for (int length : shape) {
            if (length < 1) {
                throw new EngineException("surface distances: shape " + Arrays.toString(shape) + " has an empty axis");
            }
            size *= length;
        }
        if (reference.length != size || prediction.length != size) {
            throw new EngineException("surface distances: shape " + Arrays.toString(shape) + " holds " + size
                    + " voxels, the masks " + reference.length + " and " + prediction.length);
        }
        if (spacing.length != shape.length) {
            throw new EngineException("surface distances: " + spacing.length + " spacings for " + shape.length + " axes");
        }
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new EngineException("surface distances: spacing " + Arrays.toString(spacing)
                        + " must be finite and positive");
            }
        }
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }


    private static long countWithin(double[] values, double tolerance) {
        long count = 0;
        for (double v : values) {
            count += v <= tolerance ? 1 : 0;
        }
        return count;
    }

    /**
     * numpy.percentile(values, 95) with its default linear method, operation for operation: the index
     * (n - 1) * 0.95, and numpy's {@code _lerp}, which interpolates from the upper neighbour when the
     * weight is 0.5 or more. Reorders {@code values} (the other results do not depend on their order).
     */
    static double percentile95(double[] values) {
        int n = values.length;
        double position = (n - 1) * (95 / 100.0);
        if (position >= n - 1) {
            return max(values);
        }
        int below = (int) Math.floor(position);
        double lower = OrderStatistics.select(values, below);
        double upper = OrderStatistics.minFrom(values, below + 1);
        double weight = position - below;
        double difference = upper - lower;
        return weight >= 0.5 ? upper - difference * (1 - weight) : lower + difference * weight;
    }
}

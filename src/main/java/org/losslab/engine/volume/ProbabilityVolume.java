package org.losslab.engine.volume;

import java.util.Arrays;
import org.losslab.engine.EngineException;

/**
 * A soft binary prediction over a {D, H, W} volume: the probability of class 1 per voxel, float32 as a network's
 * output is saved (4 bytes a voxel: a 160 x 160 x 72 volume is 7 MB). Its hard labels, where the metrics need
 * them, are p >= 0.5, as CONTRACTS_V3 reads a single probability map and as the slice scene's masks threshold it.
 */
public final class ProbabilityVolume {
    /** Class 1 where p >= this. */
    public static final double THRESHOLD = 0.5;

    private final int[] shape;
    private final float[] probabilities;

    /** {@code source} names the file in errors; every value must lie in [0, 1]. */
    public ProbabilityVolume(String source, int[] shape, float[] probabilities) {
        if (shape.length != 3 || (long) shape[0] * shape[1] * shape[2] != probabilities.length) {
            throw new EngineException(source + ": " + probabilities.length + " probabilities for a volume of shape "
                    + Arrays.toString(shape));
        }
        for (int i = 0; i < probabilities.length; i++) {
            float p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new EngineException(source + ": probability " + p + " at voxel " + i + " is outside [0, 1]");
            }
        }
        this.shape = shape.clone();
        this.probabilities = probabilities;
    }

    /** {D, H, W}. */
    public int[] shape() {
        return shape.clone();
    }

    /** p at a flat C-order index. */
    public float probability(int index) {
        return probabilities[index];
    }

    /** The hard labels (1 where p >= 0.5) over the volume, with its spacing. */
    public LabelVolume thresholded(String source, double[] spacing) {
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = probabilities[i] >= THRESHOLD ? 1 : 0;
        }
        return LabelVolume.of(source, shape, spacing, labels);
    }

    /** The probabilities of slice {@code index} of a plane, rows x columns as the plane lays them out. */
    public double[] slice(SlicePlane plane, int index) {
        LabelVolume.checkIndex(shape, plane, index);
        int rows = plane.rows(shape);
        int columns = plane.columns(shape);
        double[] out = new double[rows * columns];
        for (int r = 0, o = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[o++] = probabilities[plane.flat(shape, index, r, c)];
            }
        }
        return out;
    }

    /** Writes a slice of probabilities back (each clamped into [0, 1]); returns how many voxels changed. */
    public int writeSlice(SlicePlane plane, int index, double[] values) {
        LabelVolume.checkIndex(shape, plane, index);
        int columns = plane.columns(shape);
        if (values.length != plane.rows(shape) * columns) {
            throw new EngineException("volume slice: " + values.length + " probabilities for a " + plane.rows(shape)
                    + " x " + columns + " slice");
        }
        int changed = 0;
        for (int i = 0; i < values.length; i++) {
            int voxel = plane.flat(shape, index, i / columns, i % columns);
            float p = (float) Math.max(0, Math.min(1, values[i]));
            if (probabilities[voxel] != p) {
                probabilities[voxel] = p;
                changed++;
            }
        }
        return changed;
    }
}

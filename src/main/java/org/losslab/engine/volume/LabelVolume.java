package org.losslab.engine.volume;

import java.util.Arrays;
import org.losslab.engine.EngineException;

/**
 * A 3-D label map held one byte a voxel (a 512 x 512 x 300 CT is 78 MB, not the 315 MB of an int array), flat in
 * C order over {D, H, W} with its spacing in mm {z, y, x}. Labels are 0 .. 255 (255 stays the usual "ignored").
 * Slices are cut and written back here so that the 2-D scene the app shows and the volume it edits agree voxel
 * for voxel. Not thread-safe: one thread writes (the app's), readers accept a state between two writes.
 */
public final class LabelVolume {
    /** The largest label a byte holds. */
    public static final int MAX_LABEL = 255;

    private final int depth;
    private final int height;
    private final int width;
    private final double[] spacing;
    private final byte[] labels;

    private LabelVolume(int depth, int height, int width, double[] spacing, byte[] labels) {
        this.depth = depth;
        this.height = height;
        this.width = width;
        this.spacing = spacing;
        this.labels = labels;
    }

    /**
     * A volume from int labels over {D, H, W} (a 2-D {H, W} map is one slice deep, 1 mm thick); {@code source}
     * names the file in errors.
     */
    public static LabelVolume of(String source, int[] shape, double[] spacing, int[] values) {
        int[] zyx = shape.length == 2 ? new int[] {1, shape[0], shape[1]} : shape.clone();
        double[] mm = spacing.length == 2 ? new double[] {1, spacing[0], spacing[1]} : spacing.clone();
        if (zyx.length != 3 || mm.length != 3) {
            throw new EngineException(source + ": a volume is 2-D or 3-D with one spacing per axis, got shape "
                    + Arrays.toString(shape) + " and spacing " + Arrays.toString(spacing));
        }
        for (double s : mm) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new EngineException(source + ": spacing " + Arrays.toString(spacing) + " mm is not positive and finite");
            }
        }
        if ((long) zyx[0] * zyx[1] * zyx[2] != values.length || zyx[0] < 1 || zyx[1] < 1 || zyx[2] < 1) {
            throw new EngineException(source + ": " + values.length + " labels for a shape of " + Arrays.toString(shape));
        }
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < 0 || v > MAX_LABEL) {
                throw new EngineException(source + ": label " + v + " is outside 0 .. " + MAX_LABEL
                        + " (a volume case holds byte labels)");
            }
            bytes[i] = (byte) v;
        }
        return new LabelVolume(zyx[0], zyx[1], zyx[2], mm, bytes);
    }

    /** {D, H, W}. */
    public int[] shape() {
        return new int[] {depth, height, width};
    }

    /** mm per axis {z, y, x}. */
    public double[] spacing() {
        return spacing.clone();
    }

    public int voxels() {
        return labels.length;
    }

    /** The label at (z, y, x). */
    public int label(int z, int y, int x) {
        return labels[(z * height + y) * width + x] & 0xFF;
    }

    /** The label at a flat C-order index. */
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The largest label below 255 (255 is "ignored", no class). */
    public int maxClass() {
        int max = 0;
        for (byte b : labels) {
            int v = b & 0xFF;
            if (v != MAX_LABEL && v > max) {
                max = v;
            }
        }
        return max;
    }

    /** The voxels of class k, in {@code reuse} when it has the volume's size. */
    public boolean[] mask(int k, boolean[] reuse) {
        boolean[] mask = reuse != null && reuse.length == labels.length ? reuse : new boolean[labels.length];
        byte b = (byte) k;
        for (int i = 0; i < labels.length; i++) {
            mask[i] = labels[i] == b;
        }
        return mask;
    }

    /** The labels of slice {@code index} along an axis, in the array's order (see {@link SliceAxis}). */
    public int[] slice(SliceAxis axis, int index) {
        return slice(SlicePlane.arrayOrder(axis), index);
    }

    /** The labels of slice {@code index} of a plane, rows x columns as the plane lays them out. */
    public int[] slice(SlicePlane plane, int index) {
        checkIndex(plane, index);
        int[] shape = shape();
        int rows = plane.rows(shape);
        int columns = plane.columns(shape);
        int[] out = new int[rows * columns];
        for (int r = 0, o = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[o++] = labels[plane.flat(shape, index, r, c)] & 0xFF;
            }
        }
        return out;
    }

    /** Writes a slice in the array's order back (see {@link #writeSlice(SlicePlane, int, int[])}). */
    public int writeSlice(SliceAxis axis, int index, int[] values) {
        return writeSlice(SlicePlane.arrayOrder(axis), index, values);
    }

    /**
     * Writes a slice's labels into the volume (the inverse of {@link #slice}); returns how many voxels changed.
     * A label outside 0 .. 255 is refused before anything is written.
     */
    public int writeSlice(SlicePlane plane, int index, int[] values) {
        checkIndex(plane, index);
        int[] shape = shape();
        int columns = plane.columns(shape);
        if (values.length != plane.rows(shape) * columns) {
            throw new EngineException("volume slice: " + values.length + " labels for a " + plane.rows(shape) + " x "
                    + columns + " slice");
        }
        for (int v : values) {
            if (v < 0 || v > MAX_LABEL) {
                throw new EngineException("volume slice: label " + v + " is outside 0 .. " + MAX_LABEL);
            }
        }
        int changed = 0;
        for (int i = 0; i < values.length; i++) {
            int voxel = plane.flat(shape, index, i / columns, i % columns);
            byte b = (byte) values[i];
            if (labels[voxel] != b) {
                labels[voxel] = b;
                changed++;
            }
        }
        return changed;
    }

    /** The flat index of pixel (row, column) of slice {@code index}. */
    public int flat(SliceAxis axis, int index, int row, int column) {
        return SlicePlane.arrayOrder(axis).flat(shape(), index, row, column);
    }

    /** A deep copy. */
    public LabelVolume copy() {
        return new LabelVolume(depth, height, width, spacing.clone(), labels.clone());
    }

    static void checkIndex(int[] shape, SlicePlane plane, int index) {
        if (index < 0 || index >= plane.count(shape)) {
            throw new EngineException("volume slice: slice " + index + " along array axis " + "zyx".charAt(plane.fixedAxis())
                    + " is outside 0 .. " + (plane.count(shape) - 1));
        }
    }

    private void checkIndex(SlicePlane plane, int index) {
        checkIndex(shape(), plane, index);
    }
}

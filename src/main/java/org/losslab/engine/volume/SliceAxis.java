package org.losslab.engine.volume;

import java.util.Locale;

/**
 * The three planes a {D, H, W} volume (C order: z slowest, x fastest) is cut along. The methods here are the array's
 * own planes, napari's way (a volume with an orientation is laid out by {@link Orientation#plane}): the array's
 * axes as they are, the first remaining axis down the rows and the second across the columns, no flip. A slice
 * of axis a keeps voxels with the coordinate {@link #fixedAxis()} equal to the slice index.
 */
public enum SliceAxis {
    /** z fixed: rows y, columns x (H x W). */
    AXIAL(0, 1, 2),
    /** y fixed: rows z, columns x (D x W). */
    CORONAL(1, 0, 2),
    /** x fixed: rows z, columns y (D x H). */
    SAGITTAL(2, 0, 1);

    private final int fixed;
    private final int rowAxis;
    private final int columnAxis;

    SliceAxis(int fixed, int rowAxis, int columnAxis) {
        this.fixed = fixed;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
    }

    /** The volume axis (0 = z, 1 = y, 2 = x) a slice holds constant. */
    public int fixedAxis() {
        return fixed;
    }

    /** The volume axis along the slice's rows. */
    public int rowAxis() {
        return rowAxis;
    }

    /** The volume axis along the slice's columns. */
    public int columnAxis() {
        return columnAxis;
    }

    /** How many slices a volume of this shape has along this axis. */
    public int count(int[] shape) {
        return SlicePlane.arrayOrder(this).count(shape);
    }

    /** The slice's height (rows) in a volume of this shape. */
    public int rows(int[] shape) {
        return SlicePlane.arrayOrder(this).rows(shape);
    }

    /** The slice's width (columns). */
    public int columns(int[] shape) {
        return SlicePlane.arrayOrder(this).columns(shape);
    }

    /** The slice's spacing {row mm, column mm} from the volume's {z, y, x} spacing. */
    public double[] spacing(double[] volumeSpacing) {
        return SlicePlane.arrayOrder(this).spacing(volumeSpacing);
    }

    /** The volume coordinates {z, y, x} of pixel (row, column) of slice {@code index}. */
    public int[] voxel(int index, int row, int column) {
        int[] zyx = new int[3];
        zyx[fixed] = index;
        zyx[rowAxis] = row;
        zyx[columnAxis] = column;
        return zyx;
    }

    /** The key saved in a workspace's state ("axial", ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

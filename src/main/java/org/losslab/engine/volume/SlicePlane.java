package org.losslab.engine.volume;

/**
 * How one plane of a {D, H, W} volume (C order over {z, y, x}, NIfTI's k, j, i) is laid out on the screen: the
 * array axis a slice holds fixed, the array axis down the rows and the one across the columns, each read forwards
 * or backwards, and the patient directions at the four edges (null when the volume's header has no orientation).
 * The slice index is always the voxel index along the fixed array axis, counted from 0 as nibabel and numpy count,
 * whichever way the screen shows the plane.
 *
 * @param fixedAxis     the array axis (0 = z, 1 = y, 2 = x) a slice holds constant
 * @param rowAxis       the array axis along the rows
 * @param rowsReversed  row 0 is the last voxel of the row axis
 * @param columnAxis    the array axis along the columns
 * @param columnsReversed column 0 is the last voxel of the column axis
 * @param edges         the patient directions at the top, bottom, left and right edges ("A", "P", "R", ...), or null
 */
public record SlicePlane(int fixedAxis, int rowAxis, boolean rowsReversed, int columnAxis, boolean columnsReversed,
                         String[] edges) {

    /** The plane as the array is stored, napari's way: {@link SliceAxis}'s axes, nothing reversed, no edges. */
    public static SlicePlane arrayOrder(SliceAxis axis) {
        return new SlicePlane(axis.fixedAxis(), axis.rowAxis(), false, axis.columnAxis(), false, null);
    }

    /** How many slices a volume of this shape has in this plane. */
    public int count(int[] shape) {
        return shape[fixedAxis];
    }

    public int rows(int[] shape) {
        return shape[rowAxis];
    }

    public int columns(int[] shape) {
        return shape[columnAxis];
    }

    /** The slice's spacing {row mm, column mm} from the volume's {z, y, x} spacing. */
    public double[] spacing(double[] volumeSpacing) {
        return new double[] {volumeSpacing[rowAxis], volumeSpacing[columnAxis]};
    }

    /** The voxel {z, y, x} under pixel (row, column) of slice {@code index}. */
    public int[] voxel(int[] shape, int index, int row, int column) {
        int[] zyx = new int[3];
        zyx[fixedAxis] = index;
        zyx[rowAxis] = rowsReversed ? shape[rowAxis] - 1 - row : row;
        zyx[columnAxis] = columnsReversed ? shape[columnAxis] - 1 - column : column;
        return zyx;
    }

    /** The pixel {row, column} where voxel {z, y, x} is drawn on its slice of this plane (the inverse of {@link #voxel}). */
    public int[] pixel(int[] shape, int[] zyx) {
        int row = zyx[rowAxis];
        int column = zyx[columnAxis];
        return new int[] {rowsReversed ? shape[rowAxis] - 1 - row : row,
                columnsReversed ? shape[columnAxis] - 1 - column : column};
    }

    /** The flat C-order index of pixel (row, column) of slice {@code index}. */
    public int flat(int[] shape, int index, int row, int column) {
        int[] zyx = voxel(shape, index, row, column);
        return (zyx[0] * shape[1] + zyx[1]) * shape[2] + zyx[2];
    }

    /** Whether the edges say where the patient is (the header had an orientation). */
    public boolean oriented() {
        return edges != null;
    }
}

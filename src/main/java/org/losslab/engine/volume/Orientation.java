package org.losslab.engine.volume;

import java.util.Arrays;

/**
 * Where a volume's voxel axes point in the patient, from its NIfTI affine (the sform when its code is set, else the
 * qform, as nibabel's {@code img.affine}), found as nibabel's {@code io_orientation} finds it: the affine's linear
 * part with unit columns, its closest rotation (the polar factor, so a small obliquity or shear does not matter),
 * then each voxel axis in turn takes the world axis it moves along most, which leaves the competition. World axes
 * are NIfTI's RAS+: x towards the patient's right, y anterior, z superior; {@link #codes()} is nibabel's
 * {@code aff2axcodes}.
 *
 * <p>The planes are shown in the radiological convention: axial with anterior up and the patient's right on the
 * screen's left (seen from the feet), coronal with superior up and the right on the left (seen from the front),
 * sagittal with superior up and anterior on the left. Without a usable orientation (qform and sform codes both 0,
 * or a singular affine) the planes are the array's own, as napari shows them, and {@link #problem()} says why.
 */
public final class Orientation {
    /** Positive direction of world axes x, y, z and their negative ones. */
    private static final String[] POSITIVE = {"R", "A", "S"};
    private static final String[] NEGATIVE = {"L", "P", "I"};
    private static final double TINY = 1e-8;

    /** World axis of voxel axis i, j, k (NIfTI order), or null when unknown. */
    private final int[] worldAxis;
    /** +1 when the voxel index grows towards the world axis' positive side (R, A, S), -1 otherwise. */
    private final int[] sign;
    private final String problem;

    private Orientation(int[] worldAxis, int[] sign, String problem) {
        this.worldAxis = worldAxis;
        this.sign = sign;
        this.problem = problem;
    }

    /** No orientation; {@code why} is shown to the user ("the header's qform_code and sform_code are 0"). */
    public static Orientation unknown(String why) {
        return new Orientation(null, null, why);
    }

    /**
     * The orientation of an affine given as its top three rows (12 numbers, row-major: world = A * (i, j, k, 1));
     * an affine whose linear part is singular has none.
     */
    public static Orientation of(double[] affine) {
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = affine[4 * r + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return unknown("the affine's column " + c + " is zero or not finite");
            }
            for (int r = 0; r < 3; r++) {
                m[r][c] /= norm;
            }
        }
        double[][] rotation = Matrices3.polar(m);
        if (rotation == null) {
            return unknown("the affine is singular (its voxel axes are not independent)");
        }
        int[] world = new int[3];
        int[] signs = new int[3];
        for (int voxelAxis = 0; voxelAxis < 3; voxelAxis++) {
            int best = -1;
            double bestSize = TINY;
            for (int w = 0; w < 3; w++) {
                if (Math.abs(rotation[w][voxelAxis]) > bestSize) {
                    best = w;
                    bestSize = Math.abs(rotation[w][voxelAxis]);
                }
            }
            if (best < 0) {
                return unknown("the affine's voxel axis " + voxelAxis + " points along no remaining world axis");
            }
            world[voxelAxis] = best;
            signs[voxelAxis] = rotation[best][voxelAxis] < 0 ? -1 : 1;
            Arrays.fill(rotation[best], 0); // that world axis is taken
        }
        return new Orientation(world, signs, null);
    }

    /** Whether the header gave an orientation. */
    public boolean known() {
        return worldAxis != null;
    }

    /** Why there is none (null when known). */
    public String problem() {
        return problem;
    }

    /** nibabel's axis codes, "RAS" for an identity affine, "LPS" for ITK's usual one; "" when unknown. */
    public String codes() {
        if (!known()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int v = 0; v < 3; v++) {
            out.append(sign[v] > 0 ? POSITIVE[worldAxis[v]] : NEGATIVE[worldAxis[v]]);
        }
        return out.toString();
    }

    /** nibabel's {@code io_orientation}: {world axis, sign} of voxel axes i, j, k; null when unknown. */
    public int[][] ioOrientation() {
        if (!known()) {
            return null;
        }
        return new int[][] {{worldAxis[0], sign[0]}, {worldAxis[1], sign[1]}, {worldAxis[2], sign[2]}};
    }

    /** How a plane is laid out on the screen (see the class comment); the array's own planes when unknown. */
    public SlicePlane plane(SliceAxis axis) {
        if (!known()) {
            return SlicePlane.arrayOrder(axis);
        }
        // world axis held fixed, world axis down the rows (top: its positive side), across the columns (left: positive)
        int fixedWorld = switch (axis) {
            case AXIAL -> 2;
            case CORONAL -> 1;
            case SAGITTAL -> 0;
        };
        int rowWorld = axis == SliceAxis.AXIAL ? 1 : 2;
        int columnWorld = axis == SliceAxis.SAGITTAL ? 1 : 0;
        int rowVoxel = voxelAxisOf(rowWorld);
        int columnVoxel = voxelAxisOf(columnWorld);
        // rows run from the positive side down, so they read the voxels backwards when the index grows towards it
        return new SlicePlane(arrayAxis(voxelAxisOf(fixedWorld)), arrayAxis(rowVoxel), sign[rowVoxel] > 0,
                arrayAxis(columnVoxel), sign[columnVoxel] > 0,
                new String[] {POSITIVE[rowWorld], NEGATIVE[rowWorld], POSITIVE[columnWorld], NEGATIVE[columnWorld]});
    }

    private int voxelAxisOf(int world) {
        for (int v = 0; v < 3; v++) {
            if (worldAxis[v] == world) {
                return v;
            }
        }
        throw new IllegalStateException("no voxel axis along world axis " + world);
    }

    /** NIfTI's voxel axis i, j, k is the array's axis 2, 1, 0 ({z, y, x}, C order). */
    private static int arrayAxis(int voxelAxis) {
        return 2 - voxelAxis;
    }
}

package org.losslab.scene;

import java.nio.ByteBuffer;
import org.losslab.engine.volume.Orientation;

/**
 * A NIfTI-1 header's voxel-to-world affine as nibabel's {@code img.affine} gives it: the sform ({@code srow_x..z} at
 * bytes 280..327) when {@code sform_code} (byte 254) is not 0, else the qform (quaternion b, c, d at 256..267,
 * offsets at 268..279, {@code qfac} = the sign of pixdim[0], zooms pixdim[1..3]) when {@code qform_code} (252) is
 * not 0, else none: the orientation is unknown (nibabel would then guess one from pixdim alone; LossLab says it has
 * none and shows the array as stored). The numbers do not depend on it (CONTRACTS_V3 section 1): only the view does.
 *
 * @param rows    the affine's top three rows, row-major (12 numbers), or null when the header gives none
 * @param problem why there is none (null when there is)
 */
public record NiftiAffine(double[] rows, String problem) {
    /** 1 - (b^2 + c^2 + d^2) may round below 0 by this much (nibabel's quaternion_threshold, 3 float32 epsilons). */
    private static final double QUATERNION_SLACK = 3 * Math.ulp(1f);

    /** Reads the affine of a header (already known to be a NIfTI-1 header in {@code header}'s byte order). */
    static NiftiAffine read(ByteBuffer header) {
        int qformCode = header.getShort(252);
        int sformCode = header.getShort(254);
        if (sformCode != 0) {
            double[] rows = new double[12];
            for (int i = 0; i < 12; i++) {
                rows[i] = header.getFloat(280 + 4 * i);
            }
            return new NiftiAffine(rows, null);
        }
        if (qformCode == 0) {
            return new NiftiAffine(null, "the header's qform_code and sform_code are both 0 (no orientation)");
        }
        double b = header.getFloat(256);
        double c = header.getFloat(260);
        double d = header.getFloat(264);
        double w2 = 1 - (b * b + c * c + d * d);
        if (w2 < -QUATERNION_SLACK || !Double.isFinite(w2)) {
            return new NiftiAffine(null, "the qform's quaternion (" + b + ", " + c + ", " + d + ") is longer than 1");
        }
        double a = Math.sqrt(Math.max(0, w2));
        double[][] r = rotation(a, b, c, d);
        double qfac = header.getFloat(76) < 0 ? -1 : 1;
        double[] zoom = {header.getFloat(80), header.getFloat(84), qfac * header.getFloat(88)};
        double[] rows = new double[12];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                rows[4 * row + col] = r[row][col] * zoom[col];
            }
            rows[4 * row + 3] = header.getFloat(268 + 4 * row);
        }
        return new NiftiAffine(rows, null);
    }

    /** nibabel's {@code quat2mat}: the rotation of the quaternion (a, b, c, d), normalised. */
    private static double[][] rotation(double w, double x, double y, double z) {
        double norm = w * w + x * x + y * y + z * z;
        if (norm < 1e-300) {
            return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        }
        double s = 2 / norm;
        double xs = x * s;
        double ys = y * s;
        double zs = z * s;
        return new double[][] {
            {1 - (y * ys + z * zs), x * ys - w * zs, x * zs + w * ys},
            {x * ys + w * zs, 1 - (x * xs + z * zs), y * zs - w * xs},
            {x * zs - w * ys, y * zs + w * xs, 1 - (x * xs + y * ys)}};
    }

    /** The orientation the view shows the volume in (unknown, saying why, when the header has none). */
    public Orientation orientation() {
        return rows == null ? Orientation.unknown(problem) : Orientation.of(rows);
    }
}

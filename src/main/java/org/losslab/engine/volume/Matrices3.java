package org.losslab.engine.volume;

/** The 3 x 3 matrix arithmetic an orientation needs. */
final class Matrices3 {
    private static final int MAX_ITERATIONS = 100;

    private Matrices3() {
    }

    /**
     * The orthogonal polar factor of a non-singular matrix (the rotation, or rotation with a reflection, closest to
     * it: what nibabel takes from the SVD, P * Q^T), by Newton's iteration X <- (X + X^-T) / 2, which converges
     * quadratically from any non-singular start; null when the matrix is singular.
     */
    static double[][] polar(double[][] m) {
        double[][] x = copy(m);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] inverseTransposed = inverseTransposed(x);
            if (inverseTransposed == null) {
                return null;
            }
            double change = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    double next = (x[r][c] + inverseTransposed[r][c]) / 2;
                    change = Math.max(change, Math.abs(next - x[r][c]));
                    x[r][c] = next;
                }
            }
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    /** (m^-1)^T = cofactor matrix / determinant; null when singular. */
    private static double[][] inverseTransposed(double[][] m) {
        double[][] cofactor = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (r + 1) % 3;
                int r2 = (r + 2) % 3;
                int c1 = (c + 1) % 3;
                int c2 = (c + 2) % 3;
                cofactor[r][c] = m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
            }
        }
        double determinant = m[0][0] * cofactor[0][0] + m[0][1] * cofactor[0][1] + m[0][2] * cofactor[0][2];
        if (!(Math.abs(determinant) > 1e-12) || !Double.isFinite(determinant)) {
            return null;
        }
        for (double[] row : cofactor) {
            for (int c = 0; c < 3; c++) {
                row[c] /= determinant;
            }
        }
        return cofactor;
    }

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }
}

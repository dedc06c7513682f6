package org.losslab.engine.box;

import org.losslab.engine.math.Atan;

/** Geometry of axis-aligned boxes stored flat as (x1, y1, x2, y2) at an offset of a double array. */
public final class Box {
    private Box() {
    }

    public static double area(double[] b, int i) {
        return (b[i + 2] - b[i]) * (b[i + 3] - b[i + 1]);
    }

    /** The intersection area of two boxes, 0 when they do not overlap. */
    public static double intersection(double[] a, int i, double[] b, int j) {
        double w = Math.min(a[i + 2], b[j + 2]) - Math.max(a[i], b[j]);
        double h = Math.min(a[i + 3], b[j + 3]) - Math.max(a[i + 1], b[j + 1]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Plain IoU (0 when both areas are 0). */
    public static double iou(double[] a, int i, double[] b, int j) {
        double inter = intersection(a, i, b, j);
        double union = area(a, i) + area(b, j) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** The N x M IoU matrix of two flat box lists, row-major. */
    public static double[] iouMatrix(double[] a, double[] b) {
        int n = a.length / 4;
        int m = b.length / 4;
        double[] out = new double[n * m];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                out[r * m + c] = iou(a, 4 * r, b, 4 * c);
            }
        }
        return out;
    }

    /** The smallest box enclosing both, written into {@code out} at 0. */
    public static void enclosing(double[] a, int i, double[] b, int j, double[] out) {
        out[0] = Math.min(a[i], b[j]);
        out[1] = Math.min(a[i + 1], b[j + 1]);
        out[2] = Math.max(a[i + 2], b[j + 2]);
        out[3] = Math.max(a[i + 3], b[j + 3]);
    }

    /** Squared distance of the two boxes' centres. */
    public static double centreDistanceSquared(double[] a, int i, double[] b, int j) {
        double dx = (a[i] + a[i + 2]) / 2 - (b[j] + b[j + 2]) / 2;
        double dy = (a[i + 1] + a[i + 3]) / 2 - (b[j + 1] + b[j + 3]) / 2;
        return dx * dx + dy * dy;
    }

    /** CIoU's aspect term v = 4/pi^2 (atan(wg/hg) - atan(w/h))^2. */
    public static double aspectTerm(double[] a, int i, double[] b, int j) {
        double d = Atan.atan((b[j + 2] - b[j]) / (b[j + 3] - b[j + 1])) - Atan.atan((a[i + 2] - a[i]) / (a[i + 3] - a[i + 1]));
        return 4 / (Math.PI * Math.PI) * d * d;
    }

    /** (x1, y1, x2, y2) to (cx, cy, w, h). */
    public static double[] toCentreSize(double[] corners) {
        double[] out = new double[corners.length];
        for (int i = 0; i < corners.length; i += 4) {
            out[i] = (corners[i] + corners[i + 2]) / 2;
            out[i + 1] = (corners[i + 1] + corners[i + 3]) / 2;
            out[i + 2] = corners[i + 2] - corners[i];
            out[i + 3] = corners[i + 3] - corners[i + 1];
        }
        return out;
    }

    /** (cx, cy, w, h) to (x1, y1, x2, y2). */
    public static double[] toCorners(double[] centreSize) {
        double[] out = new double[centreSize.length];
        for (int i = 0; i < centreSize.length; i += 4) {
            out[i] = centreSize[i] - centreSize[i + 2] / 2;
            out[i + 1] = centreSize[i + 1] - centreSize[i + 3] / 2;
            out[i + 2] = centreSize[i] + centreSize[i + 2] / 2;
            out[i + 3] = centreSize[i + 1] + centreSize[i + 3] / 2;
        }
        return out;
    }

    static String toString(double[] b, int i) {
        return "[" + b[i] + ", " + b[i + 1] + ", " + b[i + 2] + ", " + b[i + 3] + "]";
    }
}

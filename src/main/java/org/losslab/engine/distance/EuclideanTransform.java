package org.losslab.engine.distance;

import java.util.stream.IntStream;

/**
 * The exact Euclidean distance transform of Felzenszwalb and Huttenlocher (2012) in any number of
 * dimensions, with a spacing per axis: one pass of 1-D lower envelopes of parabolas per axis, each
 * pass a set of independent lines run over all cores when the grid is large.
 *
 * <p>Axes are passed from the last to the first, and each pass adds (delta * spacing)^2 to the value it
 * carries, so a squared distance is summed as ((dx sx)^2 + (dy sy)^2) + (dz sz)^2 over a C-order
 * {z, y, x} grid: the sum scipy's {@code distance_transform_edt(sampling=...)} forms on nibabel's
 * (x, y, z) array. For the same nearest seed the value is then bit for bit scipy's, which decides
 * ties with a tolerance such as NSD's {@code d <= 2 mm} the same way.
 */
public final class EuclideanTransform {
    /** Below this many voxels a pass runs on the calling thread: forking would cost more than it saves. */
    private static final int PARALLEL_VOXELS = 1 << 18;

    private EuclideanTransform() {
    }

    /**
     * Squared distances (in squared spacing units) from every cell of a C-order grid to the nearest
     * cell where {@code seed} is true; +infinity everywhere when there is none.
     */
    public static double[] squared(boolean[] seed, int[] shape, double[] spacing) {
        double[] field = new double[seed.length];
        for (int i = 0; i < field.length; i++) {
            field[i] = seed[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        squaredInPlace(field, shape, spacing, null);
        return field;
    }

    /** Distances (pixels) on a 2-D grid of unit spacing; +infinity everywhere when there is no seed. */
    public static double[] planarDistance(boolean[] seed, int height, int width) {
        double[] d = squared(seed, new int[] {height, width}, new double[] {1, 1});
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    /**
     * Transforms the grid at the start of {@code field} (as many cells as {@code shape} has; the array
     * may be longer) in place: on entry 0 at the seeds and +infinity elsewhere (or any non-negative
     * squared distances), on return the squared distance to the nearest seed.
     *
     * @param firstAxisLines null, or which lines of axis 0 (the last pass) are needed, indexed by their
     *                       offset {@code flat % (size / shape[0])}: the others are left unfinished
     */
    public static void squaredInPlace(double[] field, int[] shape, double[] spacing, boolean[] firstAxisLines) {
        int size = 1;
        for (int length : shape) {
            size *= length;
        }
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] > 1) {
                pass(field, size, shape, axis, spacing[axis], axis == 0 ? firstAxisLines : null);
            }
        }
    }

    /** One axis: every line along it replaced by its 1-D transform. */
    private static void pass(double[] field, int size, int[] shape, int axis, double spacing, boolean[] wanted) {
        int length = shape[axis];
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        int lines = size / length;
        int lineStride = stride;
        if (size < PARALLEL_VOXELS || lines < 2) {
            passLines(field, length, lineStride, spacing, wanted, 0, lines);
            return;
        }
        int chunks = Math.min(lines, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(c -> passLines(field, length, lineStride, spacing, wanted,
                (int) ((long) lines * c / chunks), (int) ((long) lines * (c + 1) / chunks)));
    }

    /** Lines {@code from..to-1} of one axis; line l starts at (l / stride) * length * stride + l % stride. */
    private static void passLines(double[] field, int length, int stride, double spacing, boolean[] wanted,
            int from, int to) {
        double[] line = new double[length];
        double[] out = new double[length];
        int[] apex = new int[length];
        double[] height = new double[length];
        double[] bound = new double[length + 1];
        for (int l = from; l < to; l++) {
            if (wanted != null && !wanted[l]) {
                continue;
            }
            int start = (l / stride) * length * stride + l % stride;
            for (int q = 0, i = start; q < length; q++, i += stride) {
                line[q] = field[i];
            }
            if (envelope(line, length, spacing, out, apex, height, bound)) {
                for (int q = 0, i = start; q < length; q++, i += stride) {
                    field[i] = out[q];
                }
            }
        }
    }

    /**
     * d(q) = min_p f(p) + ((q - p) s)^2 of one line over its finite entries (an infinite entry is no
     * parabola at all, which keeps the intersections finite); false when the line has none, and then it
     * is left as it is.
     */
    private static boolean envelope(double[] f, int n, double s, double[] d, int[] apex, double[] height,
            double[] bound) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double position = q * s;
            double h = f[q] + position * position;
            if (k < 0) {
                k = 0;
                apex[0] = q;
                height[0] = h;
                bound[0] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double cross = (h - height[k]) / (2 * (position - apex[k] * s));
            while (cross <= bound[k]) {
                k--;
                cross = (h - height[k]) / (2 * (position - apex[k] * s));
            }
            k++;
            apex[k] = q;
            height[k] = h;
            bound[k] = cross;
        }
        if (k < 0) {
            return false;
        }
        bound[k + 1] = Double.POSITIVE_INFINITY;
        int j = 0;
        for (int q = 0; q < n; q++) {
            double position = q * s;
            while (bound[j + 1] < position) {
                j++;
            }
            double delta = (q - apex[j]) * s;
            d[q] = f[apex[j]] + delta * delta;
        }
        return true;
    }
}

package org.losslab.engine.distance;

/**
 * The exact Euclidean distance transform of Felzenszwalb and Huttenlocher (2012): for every pixel, the
 * distance to the nearest seed pixel, in O(H W) by two passes of 1-D lower envelopes of parabolas.
 */
public final class DistanceTransform {
    private static final double INFINITY = 1e20;

    private DistanceTransform() {
    }

    /** Squared distances to the nearest pixel where {@code seed} is true (1e20 where there is none). */
    public static double[] squared(boolean[] seed, int height, int width) {
        double[] f = new double[height * width];
        for (int i = 0; i < f.length; i++) {
            f[i] = seed[i] ? 0 : INFINITY;
        }
        int longest = Math.max(height, width);
        double[] line = new double[longest];
        double[] out = new double[longest];
        int[] v = new int[longest];
        double[] z = new double[longest + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = f[y * width + x];
            }
            envelope(line, height, out, v, z);
            for (int y = 0; y < height; y++) {
                f[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(f, y * width, line, 0, width);
            envelope(line, width, out, v, z);
            System.arraycopy(out, 0, f, y * width, width);
        }
        return f;
    }

    /** Euclidean distances to the nearest seed (a large number where there is none). */
    public static double[] distance(boolean[] seed, int height, int width) {
        double[] d = squared(seed, height, width);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    /** The 1-D transform d(q) = min_p (q - p)^2 + f(p) of one line. */
    private static void envelope(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INFINITY;
        z[1] = INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}

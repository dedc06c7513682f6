package org.losslab.engine.distance;


/**
 * The exact Euclidean distance transform of a 2-D mask in pixel units: the 2-D case of the engine's
 * one transform ({@link EuclideanTransform}, Felzenszwalb and Huttenlocher with unit spacing), with the
 * large finite value the pixel maps have always used where there is no seed.
 */
public final class DistanceTransform {
    private static final double INFINITY = 1e20;
    private static final double[] UNIT = {1, 1};

    private DistanceTransform() {
    }

    /** Squared distances to the nearest pixel where {@code seed} is true (1e20 where there is none). */
    public static double[] squared(boolean[] seed, int height, int width) {
        double[] f = EuclideanTransform.squared(seed, new int[] {height, width}, UNIT);
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.min(f[i], INFINITY);
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
}

package org.losslab.engine.maps;

import java.util.Arrays;
import org.losslab.engine.distance.DistanceTransform;

/**
 * The U-Net weight map of Ronneberger et al. (2015): w(x) = w_c(x) + w0 exp(-(d1(x) + d2(x))^2 / (2
 * sigma^2)) on background pixels, where d1 and d2 are the distances to the nearest and second-nearest
 * object (8-connected component of the foreground), each from an exact Euclidean distance transform.
 * w_c balances class frequencies: n / (number of classes present x n_class). With fewer than two
 * objects the border term is 0, since d2 does not exist.
 */
public final class UnetWeights {
    private UnetWeights() {
    }

    /**
     * @param classOf per pixel the class index (0 background); negative values are ignored pixels
     *                (weight 0)
     */
    public static double[] compute(int[] classOf, int height, int width, double w0, double sigma) {
        int n = height * width;
        boolean[] foreground = new boolean[n];
        int maxClass = 0;
        for (int i = 0; i < n; i++) {
            foreground[i] = classOf[i] > 0;
            maxClass = Math.max(maxClass, classOf[i]);
        }
        long[] counts = new long[maxClass + 1];
        long valid = 0;
        for (int c : classOf) {
            if (c >= 0) {
                counts[c]++;
                valid++;
            }
        }
        int present = 0;
        for (long c : counts) {
            present += c > 0 ? 1 : 0;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = classOf[i] < 0 ? 0 : (double) valid / (present * counts[classOf[i]]);
        }
        int[] objects = ConnectedComponents.label(foreground, height, width);
        int k = ConnectedComponents.count(objects);
        if (k < 2) {
            return w;
        }
        double[] nearest = new double[n];
        double[] second = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        Arrays.fill(second, Double.POSITIVE_INFINITY);
        boolean[] seed = new boolean[n];
        for (int object = 1; object <= k; object++) {
            for (int i = 0; i < n; i++) {
                seed[i] = objects[i] == object;
            }
            double[] d = DistanceTransform.distance(seed, height, width);
            for (int i = 0; i < n; i++) {
                if (d[i] < nearest[i]) {
                    second[i] = nearest[i];
                    nearest[i] = d[i];
                } else if (d[i] < second[i]) {
                    second[i] = d[i];
                }
            }
        }
        double twoSigma2 = 2 * sigma * sigma;
        for (int i = 0; i < n; i++) {
            if (classOf[i] == 0) {
                double s = nearest[i] + second[i];
                w[i] += w0 * Math.exp(-s * s / twoSigma2);
            }
        }
        return w;
    }
}

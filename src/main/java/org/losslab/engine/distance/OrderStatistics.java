package org.losslab.engine.distance;

/** Order statistics of a double array in linear expected time, without sorting it all. */
final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * The k-th smallest value (k from 0), with the array reordered so that everything before k is no
     * larger and everything after k no smaller (Hoare's quickselect, middle-of-three pivots).
     */
    static double select(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double pivot = middleOfThree(values[lo], values[mid], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return values[k];
    }

    /** The smallest of values[from..]. */
    static double minFrom(double[] values, int from) {
        double min = values[from];
        for (int i = from + 1; i < values.length; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    private static double middleOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}

package org.losslab.engine;

import java.util.function.DoubleSupplier;

/** Central differences of a function of an array, perturbed in place one element at a time. */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** (f(x + h e_i) - f(x - h e_i)) / 2h for every i; x is restored. */
    public static double[] gradient(DoubleSupplier f, double[] x, double step) {
        double[] numeric = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + step;
            double plus = f.getAsDouble();
            x[i] = keep - step;
            double minus = f.getAsDouble();
            x[i] = keep;
            numeric[i] = (plus - minus) / (2 * step);
        }
        return numeric;
    }

    /** The largest magnitude, the scale of a gradient's tolerance. */
    public static double largest(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}

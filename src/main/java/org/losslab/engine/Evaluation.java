package org.losslab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a loss or metric computes: a scalar value, or one value per element for {@code reduction="none"},
 * and, when asked for, the gradient of the value (of the sum of the values for "none") with respect to
 * each differentiable input, keyed by the input's name in the scene file.
 */
public final class Evaluation {
    private final double[] values;
    private final boolean scalar;
    private final Map<String, double[]> gradient;

    private Evaluation(double[] values, boolean scalar, Map<String, double[]> gradient) {
        this.values = values;
        this.scalar = scalar;
        this.gradient = gradient;
    }

    public static Evaluation scalar(double value) {
        return new Evaluation(new double[] {value}, true, Map.of());
    }

    public static Evaluation scalar(double value, String input, double[] gradient) {
        return new Evaluation(new double[] {value}, true, gradient == null ? Map.of() : Map.of(input, gradient));
    }

    public static Evaluation elementwise(double[] values, String input, double[] gradient) {
        return new Evaluation(values, false, gradient == null ? Map.of() : Map.of(input, gradient));
    }

    /** A result with several gradient blocks (multibox: locs and scores). */
    public static Evaluation withGradients(double value, Map<String, double[]> gradients) {
        return new Evaluation(new double[] {value}, true, Collections.unmodifiableMap(new LinkedHashMap<>(gradients)));
    }

    public boolean isScalar() {
        return scalar;
    }

    /** The scalar value; for an element-wise result, the sum of its values. */
    public double value() {
        if (scalar) {
            return values[0];
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    public double[] values() {
        return values.clone();
    }

    public Map<String, double[]> gradient() {
        return gradient;
    }

    public boolean hasGradient() {
        return !gradient.isEmpty();
    }
}

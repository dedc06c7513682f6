package org.losslab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a loss or metric computes: a scalar value, or one value per element for {@code reduction="none"},
 * and, when asked for, the gradient of the value (of the sum of the values for "none") with respect to
 * each differentiable input, keyed by the input's name in the scene file.
 */
public final class Evaluation {
    private final double[] values;
    private final boolean scalar;
    private final Map<String, double[]> gradient;
    /** Why the gradient is not defined at this input (its value is), or null. */
    private final String gradientUndefined;

    private Evaluation(double[] values, boolean scalar, Map<String, double[]> gradient) {
        this(values, scalar, gradient, null);
    }

    private Evaluation(double[] values, boolean scalar, Map<String, double[]> gradient, String gradientUndefined) {
        this.values = values;
        this.scalar = scalar;
        this.gradient = gradient;
        this.gradientUndefined = gradientUndefined;
    }

    /**
     * This result, its gradient marked undefined for {@code reason} (the value is defined: PyTorch reports
     * it, and NaN for the gradient).
     */
    public Evaluation withUndefinedGradient(String reason) {
        return new Evaluation(values, scalar, gradient, reason);
    }

    /** Why the gradient is undefined at this input, if it is. */
    public Optional<String> gradientUndefined() {
        return Optional.ofNullable(gradientUndefined);
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

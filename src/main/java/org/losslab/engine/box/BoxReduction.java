package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.ParamSpec;

/**
 * torchvision's and mmdetection's reductions of element losses (per pair, per coordinate, per anchor):
 * none, mean, sum.
 */
public final class BoxReduction {
    public static final ParamSpec NONE_DEFAULT = ParamSpec.choice("reduction", "none", List.of("none", "mean", "sum"),
            "none: one loss per box pair; mean or sum over the pairs.");
    public static final ParamSpec MEAN_DEFAULT = NONE_DEFAULT.withDefault("mean");

    private BoxReduction() {
    }

    /**
     * Reduces element losses whose gradients (of each element, with respect to {@code input}) are
     * already in {@code gradient}; scales the gradient for "mean". An empty mean is 0, as torchvision's.
     */
    public static Evaluation reduce(String reduction, double[] elements, String input, double[] gradient) {
        if (reduction.equals("none")) {
            return Evaluation.elementwise(elements, input, gradient);
        }
        double sum = 0;
        for (double v : elements) {
            sum += v;
        }
        if (reduction.equals("mean") && elements.length > 0) {
            sum /= elements.length;
            if (gradient != null) {
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] /= elements.length;
                }
            }
        }
        return Evaluation.scalar(sum, input, gradient);
    }
}

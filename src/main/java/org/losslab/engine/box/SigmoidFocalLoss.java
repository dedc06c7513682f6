package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;

/**
 * torchvision.ops.sigmoid_focal_loss: BCE(z, t) (1 - p_t)^gamma with p_t = p t + (1 - p)(1 - t),
 * times alpha t + (1 - alpha)(1 - t) when alpha >= 0 (a negative alpha switches the weighting off).
 */
public final class SigmoidFocalLoss implements Evaluator<ClassificationData> {

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("alpha", 0.25, -1e12, 1, "Weight of positives (1 - alpha for negatives); negative: none."),
                ParamSpec.number("gamma", 2.0, 0, 1e12, "Focusing exponent."),
                BoxReduction.NONE_DEFAULT);
    }

    @Override
    public Evaluation evaluate(ClassificationData data, Params params, boolean withGradient) {
        double alpha = params.number("alpha");
        double gamma = params.number("gamma");
        double[] z = data.logits();
        double[] t = data.target();
        double[] losses = new double[z.length];
        double[] gradient = withGradient ? new double[z.length] : null;
        for (int i = 0; i < z.length; i++) {
            double p = Activations.sigmoid(z[i]);
            double q = Activations.sigmoid(-z[i]);
            double ce = Activations.binaryCrossEntropy(z[i], t[i]);
            double pt = p * t[i] + q * (1 - t[i]);
            double m = 1 - pt;
            double modulating = gamma == 0 ? 1 : Math.pow(m, gamma);
            double weight = alpha >= 0 ? alpha * t[i] + (1 - alpha) * (1 - t[i]) : 1;
            losses[i] = weight * ce * modulating;
            if (gradient != null) {
                // d(1 - p_t)/dz = -(2t - 1) p (1 - p); torch's pow has zero gradient for exponent 0
                double dModulating = gamma == 0 || m == 0 ? 0 : gamma * Math.pow(m, gamma - 1) * -(2 * t[i] - 1) * p * q;
                gradient[i] = weight * ((p - t[i]) * modulating + ce * dModulating);
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), losses, "logits", gradient);
    }
}

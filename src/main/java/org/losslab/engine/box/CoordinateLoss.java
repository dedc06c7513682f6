package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * torch.nn.functional's smooth_l1_loss and l1_loss on the box coordinates, element by element:
 * smooth L1 is 0.5 d^2 / beta where |d| < beta, else |d| - beta / 2 (plain L1 when beta = 0).
 * reduction "none" gives one value per coordinate (4 per pair).
 */
public final class CoordinateLoss implements Evaluator<BoxPairs> {
    private final boolean smooth;

    public CoordinateLoss(boolean smooth) {
        this.smooth = smooth;
    }

    public static List<ParamSpec> params(boolean smooth) {
        if (!smooth) {
            return List.of(BoxReduction.MEAN_DEFAULT);
        }
        return List.of(ParamSpec.number("beta", 1.0, 0, 1e12, "Below |d| = beta the loss is quadratic."),
                BoxReduction.MEAN_DEFAULT);
    }

    @Override
    public Evaluation evaluate(BoxPairs pairs, Params params, boolean withGradient) {
        double beta = smooth ? params.number("beta") : 0;
        double[] p = pairs.predicted();
        double[] t = pairs.target();
        double[] losses = new double[p.length];
        double[] gradient = withGradient ? new double[p.length] : null;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            losses[i] = value(d, beta);
            if (gradient != null) {
                gradient[i] = derivative(d, beta);
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), losses, "predicted", gradient);
    }

    /** Smooth L1 of a difference (L1 for beta = 0). */
    public static double value(double d, double beta) {
        double a = Math.abs(d);
        return a < beta ? 0.5 * d * d / beta : a - 0.5 * beta;
    }

    /** Its derivative; sign(0) = 0 as torch's. */
    public static double derivative(double d, double beta) {
        return Math.abs(d) < beta ? d / beta : Math.signum(d);
    }
}

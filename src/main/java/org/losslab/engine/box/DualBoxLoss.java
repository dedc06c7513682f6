package org.losslab.engine.box;

import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.Params;

/**
 * A box-pair loss written once as an expression of {@link Dual} numbers: the loss of each pair and its
 * exact gradient with respect to the predicted corners, then torchvision's reduction.
 */
abstract class DualBoxLoss implements Evaluator<BoxPairs> {

    /** The loss of one pair: {@code p} the predicted corners (variables), {@code t} the target's. */
    abstract Dual pair(Dual[] p, double[] t, Params params);

    @Override
    public final Evaluation evaluate(BoxPairs pairs, Params params, boolean withGradient) {
        int n = pairs.count();
        double[] losses = new double[n];
        double[] gradient = withGradient ? new double[4 * n] : null;
        double[] predicted = pairs.predicted();
        double[] target = pairs.target();
        double[] g = new double[4];
        int undefined = -1;
        for (int k = 0; k < n; k++) {
            Dual[] p = new Dual[4];
            for (int c = 0; c < 4; c++) {
                p[c] = Dual.variable(predicted[4 * k + c], c);
            }
            double[] t = {target[4 * k], target[4 * k + 1], target[4 * k + 2], target[4 * k + 3]};
            Dual loss = pair(p, t, params);
            losses[k] = loss.value();
            if (gradient != null) {
                loss.derivatives(g);
                System.arraycopy(g, 0, gradient, 4 * k, 4);
                if (undefined < 0 && Double.isFinite(losses[k]) && !(Double.isFinite(g[0]) && Double.isFinite(g[1])
                        && Double.isFinite(g[2]) && Double.isFinite(g[3]))) {
                    undefined = k;
                }
            }
        }
        Evaluation result = BoxReduction.reduce(params.choice("reduction"), losses, "predicted", gradient);
        return undefined < 0 ? result : result.withUndefinedGradient("the gradient is undefined at pair " + undefined
                + " (NaN, as in PyTorch; the value is defined): " + whyUndefined(params));
    }

    /** Why a pair's gradient can be undefined where its value is not, for this loss and these parameters. */
    String whyUndefined(Params params) {
        return "a derivative is infinite or 0 x infinity there";
    }

    /** The overlap area, torch's clamp(min(x2) - max(x1), 0) per side. */
    static Dual intersection(Dual[] p, double[] t) {
        Dual w = Dual.min(p[2], Dual.constant(t[2])).minus(Dual.max(p[0], Dual.constant(t[0]))).clampMin(0);
        Dual h = Dual.min(p[3], Dual.constant(t[3])).minus(Dual.max(p[1], Dual.constant(t[1]))).clampMin(0);
        return w.times(h);
    }

    /** Width and height of the smallest enclosing box. */
    static Dual[] enclosing(Dual[] p, double[] t) {
        Dual w = Dual.max(p[2], Dual.constant(t[2])).minus(Dual.min(p[0], Dual.constant(t[0])));
        Dual h = Dual.max(p[3], Dual.constant(t[3])).minus(Dual.min(p[1], Dual.constant(t[1])));
        return new Dual[] {w, h};
    }
}

package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.math.Atan;

/**
 * Alpha-IoU (He et al., NeurIPS 2021): the IoU and the penalty terms of GIoU, DIoU or CIoU raised to the
 * power alpha, exactly as the authors' {@code bbox_alpha_iou} (heights get +eps, iou = (I/U + eps)^alpha,
 * the distance term (rho^2 / c^2) as rho^2alpha / (c^2alpha + eps), the CIoU
 * trade-off weight held constant). alpha > 1 up-weights boxes that already overlap well.
 */
public final class AlphaIouLoss extends DualBoxLoss {

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.NONE_DEFAULT,
                ParamSpec.number("alpha", 3.0, 0, 1e6, "Power of the IoU and penalty terms (1: the plain loss)."),
                ParamSpec.choice("variant", "iou", List.of("iou", "giou", "diou", "ciou"), "Which IoU loss is powered."),
                ParamSpec.number("eps", 1e-9, 0, 1, "The authors' eps (heights, union, powers)."));
    }

    @Override
    Dual pair(Dual[] p, double[] t, Params params) {
        double alpha = params.number("alpha");
        double eps = params.number("eps");
        String variant = params.choice("variant");
        Dual inter = intersection(p, t);
        Dual w1 = p[2].minus(p[0]);
        Dual h1 = p[3].minus(p[1]).plus(eps);
        double w2 = t[2] - t[0];
        double h2 = t[3] - t[1] + eps;
        Dual union = w1.times(h1).plus(w2 * h2).minus(inter).plus(eps);
        Dual ratio = inter.dividedBy(union);
        Dual iou = ratio.plus(eps).pow(alpha);
        if (variant.equals("iou")) {
            return iou.negate().plus(1);
        }
        Dual[] c = enclosing(p, t);
        if (variant.equals("giou")) {
            Dual area = Dual.max(c[0].times(c[1]).plus(eps), union);
            return iou.minus(area.minus(union).dividedBy(area).plus(eps).pow(alpha)).negate().plus(1);
        }
        Dual c2 = c[0].square().plus(c[1].square()).pow(alpha).plus(eps);
        Dual dx = p[0].plus(p[2]).negate().plus(t[0] + t[2]);
        Dual dy = p[1].plus(p[3]).negate().plus(t[1] + t[3]);
        Dual rho2 = dx.square().plus(dy.square()).dividedBy(4).pow(alpha);
        Dual penalty = rho2.dividedBy(c2);
        if (variant.equals("ciou")) {
            double angle = Atan.atan(w2 / h2);
            Dual v = Dual.constant(angle).minus(w1.dividedBy(h1).atan()).square().times(4 / (Math.PI * Math.PI));
            // the trade-off weight, held constant, uses the plain (not powered) IoU as the authors' code does
            double weight = v.value() / ((1 + eps) - ratio.value() + v.value());
            penalty = penalty.plus(v.times(weight).plus(eps).pow(alpha));
        }
        return iou.minus(penalty).negate().plus(1);
    }

    @Override
    String whyUndefined(Params params) {
        double alpha = params.number("alpha");
        return alpha < 1 ? "alpha = " + alpha + " is below 1, so (rho^2)^alpha has an infinite slope where the centres "
                + "coincide (identical boxes: rho = 0), and 0 x infinity is NaN"
                : "a power " + alpha + " of a term at 0 has no finite slope there";
    }
}

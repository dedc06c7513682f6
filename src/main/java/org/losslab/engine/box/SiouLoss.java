package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * SIoU (Gevorgyan 2022) as mmdetection 3.x computes it with {@code neg_gamma=False}: IoU minus half of a
 * distance cost, whose weight depends on the angle of the centre line (smallest when it runs along an
 * axis), and a shape cost; clamped to [-1, 1] before 1 - SIoU.
 */
public final class SiouLoss extends DualBoxLoss {

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.NONE_DEFAULT,
                ParamSpec.number("eps", 1e-7, 0, 1, "Added to denominators and to the centre offsets (mmdetection's eps)."));
    }

    @Override
    Dual pair(Dual[] p, double[] t, Params params) {
        double eps = params.number("eps");
        Dual overlap = intersection(p, t);
        Dual areaP = p[2].minus(p[0]).times(p[3].minus(p[1]));
        double areaT = (t[2] - t[0]) * (t[3] - t[1]);
        Dual iou = overlap.dividedBy(areaP.plus(areaT).minus(overlap).plus(eps));
        Dual[] c = enclosing(p, t);
        Dual cw = c[0].clampMin(eps);
        Dual ch = c[1].clampMin(eps);
        Dual w1 = p[2].minus(p[0]);
        Dual h1 = p[3].minus(p[1]).plus(eps);
        Dual w2 = Dual.constant(t[2] - t[0]);
        Dual h2 = Dual.constant(t[3] - t[1] + eps);

        Dual sCw = p[0].plus(p[2]).negate().plus(t[0] + t[2]).times(0.5).plus(eps);
        Dual sCh = p[1].plus(p[3]).negate().plus(t[1] + t[3]).times(0.5).plus(eps);
        Dual sigma = sCw.square().plus(sCh.square()).pow(0.5);
        Dual sin1 = sCw.abs().dividedBy(sigma);
        Dual sin2 = sCh.abs().dividedBy(sigma);
        Dual sinAlpha = sin1.value() > Math.sqrt(2) / 2 ? sin2 : sin1;
        Dual angleCost = sinAlpha.asin().times(2).minus(Math.PI / 2).cos();

        Dual rhoX = sCw.dividedBy(cw).square();
        Dual rhoY = sCh.dividedBy(ch).square();
        Dual gamma = angleCost.negate().plus(2);
        Dual distanceCost = gamma.times(rhoX).exp().negate().minus(gamma.times(rhoY).exp()).plus(2);

        Dual omegaW = w1.minus(w2).abs().dividedBy(Dual.max(w1, w2));
        Dual omegaH = h1.minus(h2).abs().dividedBy(Dual.max(h1, h2));
        Dual shapeCost = omegaW.negate().exp().negate().plus(1).pow(4)
                .plus(omegaH.negate().exp().negate().plus(1).pow(4));

        Dual siou = iou.minus(distanceCost.plus(shapeCost).times(0.5));
        return siou.clamp(-1, 1).negate().plus(1);
    }
}

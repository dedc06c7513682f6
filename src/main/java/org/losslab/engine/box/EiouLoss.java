package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * EIoU (Zhang et al. 2021) with torchvision's eps placement: DIoU plus the width and height differences,
 * each over the enclosing box's side, so that the aspect term of CIoU becomes two terms that vanish only
 * at the target's size.
 */
public final class EiouLoss extends DualBoxLoss {

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.NONE_DEFAULT,
                ParamSpec.number("eps", 1e-7, 0, 1, "Added to denominators to avoid division by zero."));
    }

    @Override
    Dual pair(Dual[] p, double[] t, Params params) {
        double eps = params.number("eps");
        Dual inter = intersection(p, t);
        Dual w = p[2].minus(p[0]);
        Dual h = p[3].minus(p[1]);
        double tw = t[2] - t[0];
        double th = t[3] - t[1];
        Dual union = w.times(h).plus(tw * th).minus(inter);
        Dual iou = inter.dividedBy(union.plus(eps));
        Dual[] c = enclosing(p, t);
        Dual cw2 = c[0].square();
        Dual ch2 = c[1].square();
        Dual dx = p[0].plus(p[2]).dividedBy(2).minus((t[0] + t[2]) / 2);
        Dual dy = p[1].plus(p[3]).dividedBy(2).minus((t[1] + t[3]) / 2);
        Dual centre = dx.square().plus(dy.square()).dividedBy(cw2.plus(ch2).plus(eps));
        Dual width = w.minus(tw).square().dividedBy(cw2.plus(eps));
        Dual height = h.minus(th).square().dividedBy(ch2.plus(eps));
        return iou.negate().plus(1).plus(centre).plus(width).plus(height);
    }
}

package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * The normalized Wasserstein distance loss for tiny objects (Wang et al. 2021, mode "exp"): each box as a
 * 2-D Gaussian, W2 their Wasserstein distance, loss 1 - exp(-sqrt(W2) / constant). Unlike IoU it still
 * has a gradient when two tiny boxes do not overlap, and it does not jump when they shift by one pixel.
 */
public final class NwdLoss extends DualBoxLoss {

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.NONE_DEFAULT,
                ParamSpec.number("constant", 12.8, 1e-12, 1e12, "The dataset's typical object size C (AI-TOD: 12.8)."),
                ParamSpec.number("eps", 1e-6, 0, 1, "Added to the squared centre distance and to every width and height."));
    }

    @Override
    Dual pair(Dual[] p, double[] t, Params params) {
        double eps = params.number("eps");
        Dual dx = p[0].plus(p[2]).dividedBy(2).minus((t[0] + t[2]) / 2);
        Dual dy = p[1].plus(p[3]).dividedBy(2).minus((t[1] + t[3]) / 2);
        Dual centre = dx.square().plus(dy.square()).plus(eps);
        Dual w = p[2].minus(p[0]).plus(eps).minus(t[2] - t[0] + eps);
        Dual h = p[3].minus(p[1]).plus(eps).minus(t[3] - t[1] + eps);
        Dual shape = w.square().plus(h.square()).dividedBy(4);
        return centre.plus(shape).sqrt().negate().dividedBy(params.number("constant")).exp().negate().plus(1);
    }
}

package org.losslab.engine.ssd;

import org.losslab.engine.Params;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.CoordinateLoss;

/**
 * One predicted/target pair as SSD regresses it: both boxes encoded against a prior (a square of the target's
 * area at the target's centre) with MultiBox's default variances (0.1 for the centre, 0.2 for the size), and the
 * L1 and smooth L1 (beta 1) of the encoded offsets, each the mean over the four coordinates.
 */
public final class PairEncoding {
    private static final double[] VARIANCES = MultiboxLoss.variances(Params.defaults("multibox", MultiboxLoss.params()));

    /** The encoded coordinate losses of a pair. */
    public record Losses(double l1, double smoothL1) {
    }

    private PairEncoding() {
    }

    /** {encoded prediction (4), encoded target (4)} against the square prior at the target's centre. */
    public static double[] encode(BoxPairs pair) {
        double[] t = Box.toCentreSize(pair.target());
        double side = Math.sqrt(Math.max(1e-9, t[2] * t[3]));
        double[] prior = {t[0], t[1], side, side};
        double[] p = PriorMatching.encode(Box.toCentreSize(pair.predicted()), prior, VARIANCES);
        double[] q = PriorMatching.encode(t, prior, VARIANCES);
        return new double[] {p[0], p[1], p[2], p[3], q[0], q[1], q[2], q[3]};
    }

    public static Losses losses(BoxPairs pair) {
        double[] encoded = encode(pair);
        double l1 = 0;
        double smooth = 0;
        for (int c = 0; c < 4; c++) {
            double d = encoded[c] - encoded[4 + c];
            l1 += CoordinateLoss.value(d, 0) / 4;
            smooth += CoordinateLoss.value(d, 1) / 4;
        }
        return new Losses(l1, smooth);
    }
}

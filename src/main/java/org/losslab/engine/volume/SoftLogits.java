package org.losslab.engine.volume;

import org.losslab.engine.seg.Activations;

/**
 * A soft prediction's probabilities as the logits a binary slice scene holds, and back. p = 0 and p = 1 become
 * -110 and +110, beyond which sigmoid rounds to 0 and 1 in float32 (exp(-110) is below float32's smallest
 * positive value), so a slice shown and written back unedited gives every probability back exactly.
 */
final class SoftLogits {
    static final double BOUND = 110;

    private SoftLogits() {
    }

    static double logit(double p) {
        if (p <= 0) {
            return -BOUND;
        }
        if (p >= 1) {
            return BOUND;
        }
        return Math.max(-BOUND, Math.min(BOUND, Math.log(p / (1 - p))));
    }

    static double probability(double logit) {
        if (logit <= -BOUND) {
            return 0;
        }
        if (logit >= BOUND) {
            return 1;
        }
        return Activations.sigmoid(logit);
    }
}

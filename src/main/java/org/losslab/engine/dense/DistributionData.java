package org.losslab.engine.dense;

import org.losslab.engine.EngineException;

/**
 * Per-side discrete distributions of box distances (GFL, YOLOv8's DFL): for N boxes and each of the sides
 * left, top, right, bottom, R logits over the bins 0..R-1, and the target distance in bin units.
 */
public final class DistributionData {
    private final int bins;
    private final double[] logits;
    private final double[] target;

    public DistributionData(int bins, double[] logits, double[] target) {
        if (bins < 2) {
            throw new EngineException("distributions.bins: at least 2 bins are needed, got " + bins);
        }
        if (target.length % 4 != 0) {
            throw new EngineException("distributions.target: every box needs 4 distances (l, t, r, b)");
        }
        long expected = (long) target.length * bins;
        if (logits.length != expected) {
            throw new EngineException("distributions.logits: expected N*4*bins = " + expected + " numbers, got "
                    + logits.length);
        }
        for (int i = 0; i < target.length; i++) {
            if (!(target[i] >= 0 && target[i] < bins - 1)) {
                throw new EngineException("distributions.target[" + i / 4 + "][" + i % 4 + "]: " + target[i]
                        + " is outside [0, " + (bins - 1) + ") (bins - 1 = " + (bins - 1) + ")");
            }
        }
        this.bins = bins;
        this.logits = logits;
        this.target = target;
    }

    public int bins() {
        return bins;
    }

    /** The number of sides: 4 per box. */
    public int sides() {
        return target.length;
    }

    /** N*4*R logits, row-major (box, side, bin); not a copy. */
    public double[] logits() {
        return logits;
    }

    /** N*4 target distances in bin units, row-major (box, side). */
    public double[] target() {
        return target;
    }
}

package org.losslab.engine.race;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Regressions that advance in lock step, one per SIMD lane, as columns: the boxes (x, y, w, h), their
 * targets, and the direction and IoU of the step a {@link RaceLoss.Stepper} writes for them. Every
 * regression's numbers are exactly those it would have alone: the lanes only do the same operations side
 * by side.
 */
public final class Lanes {
    // the widest vector this processor has, as LaneAtan and IouFamilyLanes use
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** How many regressions advance together (8 with AVX-512, 4 with AVX2). */
    public static final int COUNT = SPECIES.length();

    final double[] x = new double[COUNT];
    final double[] y = new double[COUNT];
    final double[] w = new double[COUNT];
    final double[] h = new double[COUNT];
    final double[] tx = new double[COUNT];
    final double[] ty = new double[COUNT];
    final double[] tw = new double[COUNT];
    final double[] th = new double[COUNT];
    final double[] dx = new double[COUNT];
    final double[] dy = new double[COUNT];
    final double[] dw = new double[COUNT];
    final double[] dh = new double[COUNT];
    final double[] iou = new double[COUNT];

    /** Puts regression {start box, target box} (both x, y, w, h) in lane {@code lane}. */
    void load(int lane, double[] start, double[] target) {
        x[lane] = start[0];
        y[lane] = start[1];
        w[lane] = start[2];
        h[lane] = start[3];
        tx[lane] = target[0];
        ty[lane] = target[1];
        tw[lane] = target[2];
        th[lane] = target[3];
    }

    /** The box in lane {@code lane}, (x, y, w, h). */
    double[] box(int lane) {
        return new double[] {x[lane], y[lane], w[lane], h[lane]};
    }
}

package org.losslab.engine.box;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.losslab.engine.math.LaneAtan;

/**
 * The gradients of {@link IouFamilyLoss#pair} for {@link #LANES} box pairs at once, on SIMD lanes, for
 * the race's hundreds of millions of steps. Each lane performs exactly the operations of {@code pair} in
 * the same order (its branches become selections per lane), so the gradients are the same bits;
 * IouFamilyLanesTest checks that on random and tied boxes. A change to one must be made to the other.
 *
 * <p>Columns: four arrays (x1, y1, x2, y2) of {@link #LANES} entries each. Each part of the formula is a
 * method that reads and writes columns: a vector alive across a call the compiler does not inline, or
 * where two branches meet, would be copied to the heap.
 */
public final class IouFamilyLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** How many pairs one call takes. */
    public static final int LANES = S.length();
    private static final DoubleVector ZERO = DoubleVector.zero(S);
    private static final double K = 4 / (Math.PI * Math.PI);

    private final IouFamilyLoss.Variant variant;
    private final double eps;
    private final double[] iou = new double[LANES];
    private final double[] union = new double[LANES];
    private final double[] dUx1 = new double[LANES];
    private final double[] dUy1 = new double[LANES];
    private final double[] dUx2 = new double[LANES];
    private final double[] dUy2 = new double[LANES];
    private final double[] ratio = new double[LANES];
    private final double[] angle = new double[LANES];
    private final double[] targetAngle = new double[LANES];

    public IouFamilyLanes(IouFamilyLoss.Variant variant, double eps) {
        this.variant = variant;
        this.eps = eps;
    }

    /** d(loss)/d(x1, y1, x2, y2) of every predicted box into the four {@code gradient} columns. */
    public void gradient(double[][] predicted, double[][] target, double[][] gradient) {
        if (variant == IouFamilyLoss.Variant.CIOU) {
            angles(predicted, target);
        }
        overlap(predicted, target, gradient);
        if (variant == IouFamilyLoss.Variant.GIOU) {
            enclosingArea(predicted, target, gradient);
        } else if (variant != IouFamilyLoss.Variant.IOU) {
            enclosingDiagonal(predicted, target, gradient);
            if (variant == IouFamilyLoss.Variant.CIOU) {
                aspect(predicted, gradient);
            }
        }
    }

    /** d max(a, b) / da, ties split in half. */
    private static DoubleVector maxSide(DoubleVector a, DoubleVector b) {
        return ZERO.blend(0.5, a.compare(VectorOperators.EQ, b)).blend(1.0, a.compare(VectorOperators.GT, b));
    }

    /** CIoU's atan(wg / hg) - atan(w / h). */
    private void angles(double[][] p, double[][] t) {
        DoubleVector.fromArray(S, t[2], 0).sub(DoubleVector.fromArray(S, t[0], 0))
                .div(DoubleVector.fromArray(S, t[3], 0).sub(DoubleVector.fromArray(S, t[1], 0))).intoArray(ratio, 0);
        LaneAtan.atan(ratio, targetAngle);
        DoubleVector.fromArray(S, p[2], 0).sub(DoubleVector.fromArray(S, p[0], 0))
                .div(DoubleVector.fromArray(S, p[3], 0).sub(DoubleVector.fromArray(S, p[1], 0))).intoArray(ratio, 0);
        LaneAtan.atan(ratio, angle);
        DoubleVector.fromArray(S, targetAngle, 0).sub(DoubleVector.fromArray(S, angle, 0)).intoArray(angle, 0);
    }

    /** The IoU term: intersection, union and their derivatives; IoU's gradient into {@code g}. */
    private void overlap(double[][] p, double[][] t, double[][] g) {
        DoubleVector x1 = DoubleVector.fromArray(S, p[0], 0);
        DoubleVector y1 = DoubleVector.fromArray(S, p[1], 0);
        DoubleVector x2 = DoubleVector.fromArray(S, p[2], 0);
        DoubleVector y2 = DoubleVector.fromArray(S, p[3], 0);
        DoubleVector gx1 = DoubleVector.fromArray(S, t[0], 0);
        DoubleVector gy1 = DoubleVector.fromArray(S, t[1], 0);
        DoubleVector gx2 = DoubleVector.fromArray(S, t[2], 0);
        DoubleVector gy2 = DoubleVector.fromArray(S, t[3], 0);
        DoubleVector iw = x2.min(gx2).sub(x1.max(gx1));
        DoubleVector ih = y2.min(gy2).sub(y1.max(gy1));
        VectorMask<Double> overlap = iw.compare(VectorOperators.GT, 0.0).and(ih.compare(VectorOperators.GT, 0.0));
        DoubleVector inter = ZERO.blend(iw.mul(ih), overlap);
        DoubleVector dInterX1 = ZERO.blend(ih.neg().mul(maxSide(x1, gx1)), overlap);
        DoubleVector dInterY1 = ZERO.blend(iw.neg().mul(maxSide(y1, gy1)), overlap);
        DoubleVector dInterX2 = ZERO.blend(ih.mul(maxSide(x2.neg(), gx2.neg())), overlap);
        DoubleVector dInterY2 = ZERO.blend(iw.mul(maxSide(y2.neg(), gy2.neg())), overlap);
        DoubleVector w = x2.sub(x1);
        DoubleVector h = y2.sub(y1);
        DoubleVector u0 = w.mul(h).add(gx2.sub(gx1).mul(gy2.sub(gy1))).sub(inter);
        u0.intoArray(union, 0);
        DoubleVector ux1 = h.neg().sub(dInterX1);
        DoubleVector uy1 = w.neg().sub(dInterY1);
        DoubleVector ux2 = h.sub(dInterX2);
        DoubleVector uy2 = w.sub(dInterY2);
        ux1.intoArray(dUx1, 0);
        uy1.intoArray(dUy1, 0);
        ux2.intoArray(dUx2, 0);
        uy2.intoArray(dUy2, 0);
        DoubleVector u = u0.add(eps);
        inter.div(u).intoArray(iou, 0);
        DoubleVector u2 = u.mul(u);
        dInterX1.mul(u).sub(inter.mul(ux1)).neg().div(u2).intoArray(g[0], 0);
        dInterY1.mul(u).sub(inter.mul(uy1)).neg().div(u2).intoArray(g[1], 0);
        dInterX2.mul(u).sub(inter.mul(ux2)).neg().div(u2).intoArray(g[2], 0);
        dInterY2.mul(u).sub(inter.mul(uy2)).neg().div(u2).intoArray(g[3], 0);
    }

    /** GIoU's (C - U) / (C + eps), C the enclosing box's area. */
    private void enclosingArea(double[][] p, double[][] t, double[][] g) {
        DoubleVector x1 = DoubleVector.fromArray(S, p[0], 0);
        DoubleVector y1 = DoubleVector.fromArray(S, p[1], 0);
        DoubleVector x2 = DoubleVector.fromArray(S, p[2], 0);
        DoubleVector y2 = DoubleVector.fromArray(S, p[3], 0);
        DoubleVector gx1 = DoubleVector.fromArray(S, t[0], 0);
        DoubleVector gy1 = DoubleVector.fromArray(S, t[1], 0);
        DoubleVector gx2 = DoubleVector.fromArray(S, t[2], 0);
        DoubleVector gy2 = DoubleVector.fromArray(S, t[3], 0);
        DoubleVector cw = x2.max(gx2).sub(x1.min(gx1));
        DoubleVector ch = y2.max(gy2).sub(y1.min(gy1));
        DoubleVector area = cw.mul(ch);
        DoubleVector c = area.add(eps);
        DoubleVector c2 = c.mul(c);
        DoubleVector dAx1 = ch.neg().mul(maxSide(x1.neg(), gx1.neg()));
        DoubleVector dAy1 = cw.neg().mul(maxSide(y1.neg(), gy1.neg()));
        DoubleVector dAx2 = ch.mul(maxSide(x2, gx2));
        DoubleVector dAy2 = cw.mul(maxSide(y2, gy2));
        DoubleVector spare = area.sub(DoubleVector.fromArray(S, union, 0));
        DoubleVector.fromArray(S, g[0], 0).add(dAx1.sub(DoubleVector.fromArray(S, dUx1, 0)).mul(c).sub(spare.mul(dAx1)).div(c2))
                .intoArray(g[0], 0);
        DoubleVector.fromArray(S, g[1], 0).add(dAy1.sub(DoubleVector.fromArray(S, dUy1, 0)).mul(c).sub(spare.mul(dAy1)).div(c2))
                .intoArray(g[1], 0);
        DoubleVector.fromArray(S, g[2], 0).add(dAx2.sub(DoubleVector.fromArray(S, dUx2, 0)).mul(c).sub(spare.mul(dAx2)).div(c2))
                .intoArray(g[2], 0);
        DoubleVector.fromArray(S, g[3], 0).add(dAy2.sub(DoubleVector.fromArray(S, dUy2, 0)).mul(c).sub(spare.mul(dAy2)).div(c2))
                .intoArray(g[3], 0);
    }

    /** DIoU's d^2 / (c^2 + eps), d the centre distance, c the enclosing box's diagonal. */
    private void enclosingDiagonal(double[][] p, double[][] t, double[][] g) {
        DoubleVector x1 = DoubleVector.fromArray(S, p[0], 0);
        DoubleVector y1 = DoubleVector.fromArray(S, p[1], 0);
        DoubleVector x2 = DoubleVector.fromArray(S, p[2], 0);
        DoubleVector y2 = DoubleVector.fromArray(S, p[3], 0);
        DoubleVector gx1 = DoubleVector.fromArray(S, t[0], 0);
        DoubleVector gy1 = DoubleVector.fromArray(S, t[1], 0);
        DoubleVector gx2 = DoubleVector.fromArray(S, t[2], 0);
        DoubleVector gy2 = DoubleVector.fromArray(S, t[3], 0);
        DoubleVector cw = x2.max(gx2).sub(x1.min(gx1));
        DoubleVector ch = y2.max(gy2).sub(y1.min(gy1));
        DoubleVector diagonal = cw.mul(cw).add(ch.mul(ch)).add(eps);
        DoubleVector dDx1 = cw.mul(-2).mul(maxSide(x1.neg(), gx1.neg()));
        DoubleVector dDy1 = ch.mul(-2).mul(maxSide(y1.neg(), gy1.neg()));
        DoubleVector dDx2 = cw.mul(2).mul(maxSide(x2, gx2));
        DoubleVector dDy2 = ch.mul(2).mul(maxSide(y2, gy2));
        DoubleVector dx = x1.add(x2).div(2).sub(gx1.add(gx2).div(2));
        DoubleVector dy = y1.add(y2).div(2).sub(gy1.add(gy2).div(2));
        DoubleVector centre = dx.mul(dx).add(dy.mul(dy));
        DoubleVector d2 = diagonal.mul(diagonal);
        DoubleVector pullX = dx.mul(diagonal);
        DoubleVector pullY = dy.mul(diagonal);
        DoubleVector.fromArray(S, g[0], 0).add(pullX.sub(centre.mul(dDx1)).div(d2)).intoArray(g[0], 0);
        DoubleVector.fromArray(S, g[1], 0).add(pullY.sub(centre.mul(dDy1)).div(d2)).intoArray(g[1], 0);
        DoubleVector.fromArray(S, g[2], 0).add(pullX.sub(centre.mul(dDx2)).div(d2)).intoArray(g[2], 0);
        DoubleVector.fromArray(S, g[3], 0).add(pullY.sub(centre.mul(dDy2)).div(d2)).intoArray(g[3], 0);
    }

    /** CIoU's alpha v, alpha held constant (no_grad). */
    private void aspect(double[][] p, double[][] g) {
        DoubleVector w = DoubleVector.fromArray(S, p[2], 0).sub(DoubleVector.fromArray(S, p[0], 0));
        DoubleVector h = DoubleVector.fromArray(S, p[3], 0).sub(DoubleVector.fromArray(S, p[1], 0));
        DoubleVector a = DoubleVector.fromArray(S, angle, 0);
        DoubleVector v = a.mul(K).mul(a);
        DoubleVector alpha = v.div(DoubleVector.broadcast(S, 1).sub(DoubleVector.fromArray(S, iou, 0)).add(v).add(eps));
        DoubleVector r = w.mul(w).add(h.mul(h));
        DoubleVector slope = a.mul(-2 * K);
        DoubleVector dVdw = slope.mul(h.div(r));
        DoubleVector dVdh = slope.mul(w.neg().div(r));
        DoubleVector.fromArray(S, g[0], 0).add(alpha.mul(dVdw.neg())).intoArray(g[0], 0);
        DoubleVector.fromArray(S, g[2], 0).add(alpha.mul(dVdw)).intoArray(g[2], 0);
        DoubleVector.fromArray(S, g[1], 0).add(alpha.mul(dVdh.neg())).intoArray(g[1], 0);
        DoubleVector.fromArray(S, g[3], 0).add(alpha.mul(dVdh)).intoArray(g[3], 0);
    }
}

package org.losslab.engine.race;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.losslab.engine.math.Atan;
import org.losslab.engine.math.LaneAtan;

/**
 * The ascent directions of the DIoU paper's simulation code (Zzh-tju/DIoU, "simulation experiment",
 * dIOU.m, dGIOU.m, dDIOU.m, dCIOU.m), operation for operation, so that a run reproduces the authors'
 * trajectories bit for bit, quirks included: IoU and GIoU gradients for w and h are twice the true ones
 * (the conversion from top/bottom/left/right has no 1/2), GIoU's branch for disjoint boxes uses the signed
 * intersection, the enclosing box's derivatives of DIoU and CIoU share one vector for width and height and
 * have the opposite sign in x and y, a box straddling the target gets -1, and CIoU's aspect gradient drops
 * 1/(w^2 + h^2). Boxes are (x, y, w, h); every comparison is strict, as in the MATLAB code.
 *
 * <p>The code runs on all {@link Lanes} at once: each branch of the MATLAB code becomes a selection per
 * lane, and each lane does exactly the operations the code does for its box (the simulation calls this
 * 1.4 billion times per run). One instance per thread; each step of the code is a method that reads and
 * writes columns, so no vector outlives a method. Nothing allocates.
 */
final class PaperGradients implements RaceLoss.Stepper {
    /** The four metrics of the paper's figure. */
    enum Metric {
        IOU, GIOU, DIOU, CIOU
    }

    private static final int N = Lanes.COUNT;
    private final Metric metric;
    // the predicted box's and the target's sides (top, bottom, left, right)
    private final double[] pt = new double[N];
    private final double[] pb = new double[N];
    private final double[] pl = new double[N];
    private final double[] pr = new double[N];
    private final double[] gt = new double[N];
    private final double[] gb = new double[N];
    private final double[] gl = new double[N];
    private final double[] gr = new double[N];
    // intersection (In.m), its area and the union, and their derivatives (dIbox.m, dUbox.m)
    private final double[] it = new double[N];
    private final double[] ib = new double[N];
    private final double[] il = new double[N];
    private final double[] ir = new double[N];
    private final double[] inter = new double[N];
    private final double[] union = new double[N];
    private final double[] dUt = new double[N];
    private final double[] dUb = new double[N];
    private final double[] dUl = new double[N];
    private final double[] dUr = new double[N];
    private final double[] dIt = new double[N];
    private final double[] dIb = new double[N];
    private final double[] dIl = new double[N];
    private final double[] dIr = new double[N];
    // the IoU part of the direction in top/bottom/left/right (dIOU.m, dGIOU.m)
    private final double[] dt = new double[N];
    private final double[] db = new double[N];
    private final double[] dl = new double[N];
    private final double[] dr = new double[N];
    // the enclosing box (cover.m): its height and width, and where the box sticks out of the target
    private final double[] enclosingH = new double[N];
    private final double[] enclosingW = new double[N];
    private final double[] outTop = new double[N];
    private final double[] outBottom = new double[N];
    private final double[] outLeft = new double[N];
    private final double[] outRight = new double[N];
    // CIoU: the aspect ratios and their angles
    private final double[] ratio = new double[N];
    private final double[] angle = new double[N];
    private final double[] targetAngle = new double[N];
    private final double[] angleW = new double[N];
    private final double[] angleH = new double[N];

    PaperGradients(Metric metric) {
        this.metric = metric;
        Arrays.fill(angleW, Double.NaN);
    }

    /** The code's direction (dx, dy, dw, dh) of every lane's box towards its target, and the code's IoU (iou.m). */
    @Override
    public void direction(Lanes lanes) {
        sides(lanes);
        overlapTerms();
        if (metric != Metric.IOU) {
            enclosing();
        }
        if (metric == Metric.GIOU) {
            giou(lanes);
        } else {
            iouPart(lanes);
        }
        if (metric == Metric.IOU || metric == Metric.GIOU) {
            toXywh(lanes);
        } else {
            distance(lanes);
        }
    }

    // Columns are loaded with the vector API's own calls, not through a helper: once a method is large the
    // compiler stops inlining ordinary methods, and a helper left as a call returns its vector on the heap.
    private static final VectorSpecies<Double> S = Lanes.SPECIES;
    private static final DoubleVector ZERO = DoubleVector.zero(S);

    /** Only the code's IoU of every lane (iou.m), into {@code lanes.iou}. */
    void iou(Lanes lanes) {
        sides(lanes);
        overlapTerms();
        iouPart(lanes);
    }

    /** to_tblr.m of both boxes. */
    private void sides(Lanes l) {
        DoubleVector halfH = DoubleVector.fromArray(S, l.h, 0).div(2);
        DoubleVector halfW = DoubleVector.fromArray(S, l.w, 0).div(2);
        DoubleVector.fromArray(S, l.y, 0).sub(halfH).intoArray(pt, 0);
        DoubleVector.fromArray(S, l.y, 0).add(halfH).intoArray(pb, 0);
        DoubleVector.fromArray(S, l.x, 0).sub(halfW).intoArray(pl, 0);
        DoubleVector.fromArray(S, l.x, 0).add(halfW).intoArray(pr, 0);
        DoubleVector targetHalfH = DoubleVector.fromArray(S, l.th, 0).div(2);
        DoubleVector targetHalfW = DoubleVector.fromArray(S, l.tw, 0).div(2);
        DoubleVector.fromArray(S, l.ty, 0).sub(targetHalfH).intoArray(gt, 0);
        DoubleVector.fromArray(S, l.ty, 0).add(targetHalfH).intoArray(gb, 0);
        DoubleVector.fromArray(S, l.tx, 0).sub(targetHalfW).intoArray(gl, 0);
        DoubleVector.fromArray(S, l.tx, 0).add(targetHalfW).intoArray(gr, 0);
    }

    /** In.m, the signed intersection area, the union, dIbox.m and dUbox.m (= dXbox.m - dIbox.m). */
    private void overlapTerms() {
        DoubleVector t = DoubleVector.fromArray(S, pt, 0);
        DoubleVector b = DoubleVector.fromArray(S, pb, 0);
        DoubleVector l = DoubleVector.fromArray(S, pl, 0);
        DoubleVector r = DoubleVector.fromArray(S, pr, 0);
        DoubleVector tt = DoubleVector.fromArray(S, gt, 0);
        DoubleVector tb = DoubleVector.fromArray(S, gb, 0);
        DoubleVector tl = DoubleVector.fromArray(S, gl, 0);
        DoubleVector tr = DoubleVector.fromArray(S, gr, 0);
        DoubleVector top = t.max(tt);
        DoubleVector bottom = b.min(tb);
        DoubleVector left = l.max(tl);
        DoubleVector right = r.min(tr);
        top.intoArray(it, 0);
        bottom.intoArray(ib, 0);
        left.intoArray(il, 0);
        right.intoArray(ir, 0);
        DoubleVector across = right.sub(left);
        DoubleVector down = bottom.sub(top);
        DoubleVector area = down.mul(across);
        area.intoArray(inter, 0);
        DoubleVector height = b.sub(t);
        DoubleVector width = r.sub(l);
        height.mul(width).add(tb.sub(tt).mul(tr.sub(tl))).sub(area).intoArray(union, 0);
        DoubleVector iTop = ZERO.blend(across.neg(), t.compare(VectorOperators.GT, tt));
        DoubleVector iBottom = ZERO.blend(across, b.compare(VectorOperators.LT, tb));
        DoubleVector iLeft = ZERO.blend(down.neg(), l.compare(VectorOperators.GT, tl));
        DoubleVector iRight = ZERO.blend(down, r.compare(VectorOperators.LT, tr));
        iTop.intoArray(dIt, 0);
        iBottom.intoArray(dIb, 0);
        iLeft.intoArray(dIl, 0);
        iRight.intoArray(dIr, 0);
        width.neg().sub(iTop).intoArray(dUt, 0);
        width.sub(iBottom).intoArray(dUb, 0);
        height.neg().sub(iLeft).intoArray(dUl, 0);
        height.sub(iRight).intoArray(dUr, 0);
    }

    private VectorMask<Double> overlap() {
        return DoubleVector.fromArray(S, it, 0).compare(VectorOperators.LT, DoubleVector.fromArray(S, ib, 0)).and(DoubleVector.fromArray(S, il, 0).compare(VectorOperators.LT, DoubleVector.fromArray(S, ir, 0)));
    }

    /** dIOU.m (the IoU's derivative by each side) and iou.m. */
    private void iouPart(Lanes l) {
        VectorMask<Double> overlap = overlap();
        DoubleVector u = DoubleVector.fromArray(S, union, 0);
        DoubleVector i = DoubleVector.fromArray(S, inter, 0);
        VectorMask<Double> used = overlap.and(u.compare(VectorOperators.GT, 0.0));
        DoubleVector u2 = u.mul(u);
        DoubleVector top = ZERO.blend(u.mul(DoubleVector.fromArray(S, dIt, 0)).sub(i.mul(DoubleVector.fromArray(S, dUt, 0))).div(u2), used);
        DoubleVector bottom = ZERO.blend(u.mul(DoubleVector.fromArray(S, dIb, 0)).sub(i.mul(DoubleVector.fromArray(S, dUb, 0))).div(u2), used);
        DoubleVector left = ZERO.blend(u.mul(DoubleVector.fromArray(S, dIl, 0)).sub(i.mul(DoubleVector.fromArray(S, dUl, 0))).div(u2), used);
        DoubleVector right = ZERO.blend(u.mul(DoubleVector.fromArray(S, dIr, 0)).sub(i.mul(DoubleVector.fromArray(S, dUr, 0))).div(u2), used);
        // the code's "swap" assigns sequentially: both sides end up with the second one's value
        top = top.blend(bottom, DoubleVector.fromArray(S, pt, 0).compare(VectorOperators.LT, DoubleVector.fromArray(S, pb, 0)).not());
        left = left.blend(right, DoubleVector.fromArray(S, pl, 0).compare(VectorOperators.LT, DoubleVector.fromArray(S, pr, 0)).not());
        top.intoArray(dt, 0);
        bottom.intoArray(db, 0);
        left.intoArray(dl, 0);
        right.intoArray(dr, 0);
        ZERO.blend(i.div(u), overlap).intoArray(l.iou, 0);
    }

    /** cover.m: the enclosing box's height and width, and on which sides the box reaches beyond the target. */
    private void enclosing() {
        DoubleVector t = DoubleVector.fromArray(S, pt, 0);
        DoubleVector b = DoubleVector.fromArray(S, pb, 0);
        DoubleVector l = DoubleVector.fromArray(S, pl, 0);
        DoubleVector r = DoubleVector.fromArray(S, pr, 0);
        DoubleVector tt = DoubleVector.fromArray(S, gt, 0);
        DoubleVector tb = DoubleVector.fromArray(S, gb, 0);
        DoubleVector tl = DoubleVector.fromArray(S, gl, 0);
        DoubleVector tr = DoubleVector.fromArray(S, gr, 0);
        b.max(tb).sub(t.min(tt)).intoArray(enclosingH, 0);
        r.max(tr).sub(l.min(tl)).intoArray(enclosingW, 0);
        // (as 1 or 0: masks kept in boolean arrays are slower to load here)
        ZERO.blend(1.0, t.compare(VectorOperators.LT, tt)).intoArray(outTop, 0);
        ZERO.blend(1.0, b.compare(VectorOperators.GT, tb)).intoArray(outBottom, 0);
        ZERO.blend(1.0, l.compare(VectorOperators.LT, tl)).intoArray(outLeft, 0);
        ZERO.blend(1.0, r.compare(VectorOperators.GT, tr)).intoArray(outRight, 0);
    }

    /** dGIOU.m: the IoU part where the boxes overlap, plus the enclosing area's term (cover.m, dCbox.m). */
    private void giou(Lanes lanes) {
        iouPart(lanes);
        DoubleVector height = DoubleVector.fromArray(S, enclosingH, 0);
        DoubleVector width = DoubleVector.fromArray(S, enclosingW, 0);
        DoubleVector cTop = ZERO.blend(width.neg(), DoubleVector.fromArray(S, outTop, 0).compare(VectorOperators.NE, 0.0));
        DoubleVector cBottom = ZERO.blend(width, DoubleVector.fromArray(S, outBottom, 0).compare(VectorOperators.NE, 0.0));
        DoubleVector cLeft = ZERO.blend(height.neg(), DoubleVector.fromArray(S, outLeft, 0).compare(VectorOperators.NE, 0.0));
        DoubleVector cRight = ZERO.blend(height, DoubleVector.fromArray(S, outRight, 0).compare(VectorOperators.NE, 0.0));
        DoubleVector c = height.mul(width);
        DoubleVector c2 = c.mul(c);
        DoubleVector u = DoubleVector.fromArray(S, union, 0);
        DoubleVector eTop = c.mul(DoubleVector.fromArray(S, dUt, 0)).sub(u.mul(cTop)).div(c2);
        DoubleVector eBottom = c.mul(DoubleVector.fromArray(S, dUb, 0)).sub(u.mul(cBottom)).div(c2);
        DoubleVector eLeft = c.mul(DoubleVector.fromArray(S, dUl, 0)).sub(u.mul(cLeft)).div(c2);
        DoubleVector eRight = c.mul(DoubleVector.fromArray(S, dUr, 0)).sub(u.mul(cRight)).div(c2);
        // overlapping: the IoU part plus 1 * (...), where the enclosing box has an area; apart: the term alone
        VectorMask<Double> overlap = overlap();
        VectorMask<Double> added = overlap.and(c.compare(VectorOperators.GT, 0.0));
        VectorMask<Double> apart = overlap.not();
        DoubleVector.fromArray(S, dt, 0).blend(DoubleVector.fromArray(S, dt, 0).add(eTop), added).blend(eTop, apart).intoArray(dt, 0);
        DoubleVector.fromArray(S, db, 0).blend(DoubleVector.fromArray(S, db, 0).add(eBottom), added).blend(eBottom, apart).intoArray(db, 0);
        DoubleVector.fromArray(S, dl, 0).blend(DoubleVector.fromArray(S, dl, 0).add(eLeft), added).blend(eLeft, apart).intoArray(dl, 0);
        DoubleVector.fromArray(S, dr, 0).blend(DoubleVector.fromArray(S, dr, 0).add(eRight), added).blend(eRight, apart).intoArray(dr, 0);
    }

    /** to_xywh.m. */
    private void toXywh(Lanes l) {
        DoubleVector.fromArray(S, dl, 0).add(DoubleVector.fromArray(S, dr, 0)).intoArray(l.dx, 0);
        DoubleVector.fromArray(S, dt, 0).add(DoubleVector.fromArray(S, db, 0)).intoArray(l.dy, 0);
        DoubleVector.fromArray(S, dr, 0).sub(DoubleVector.fromArray(S, dl, 0)).intoArray(l.dw, 0);
        DoubleVector.fromArray(S, db, 0).sub(DoubleVector.fromArray(S, dt, 0)).intoArray(l.dh, 0);
    }

    /**
     * dDIOU.m and dCIOU.m: the enclosing-diagonal term in xywh plus the IoU part converted by to_xywh. The
     * enclosing box's Cw and Ch are one vector (dx, dy, dw, dh) except where the box straddles the target.
     */
    private void distance(Lanes lanes) {
        if (metric == Metric.CIOU) {
            // first: a vector alive across a call the compiler does not inline is copied to the heap
            aspectAngles(lanes);
        }
        DoubleVector cch = DoubleVector.fromArray(S, enclosingH, 0);
        DoubleVector ccw = DoubleVector.fromArray(S, enclosingW, 0);
        DoubleVector c = cch.mul(cch).add(ccw.mul(ccw));
        VectorMask<Double> top = DoubleVector.fromArray(S, outTop, 0).compare(VectorOperators.NE, 0.0);
        VectorMask<Double> bottom = DoubleVector.fromArray(S, outBottom, 0).compare(VectorOperators.NE, 0.0);
        VectorMask<Double> left = DoubleVector.fromArray(S, outLeft, 0).compare(VectorOperators.NE, 0.0);
        VectorMask<Double> right = DoubleVector.fromArray(S, outRight, 0).compare(VectorOperators.NE, 0.0);
        DoubleVector vx = ZERO.blend(1, right).sub(ZERO.blend(1, left));
        DoubleVector vy = ZERO.blend(1, bottom).sub(ZERO.blend(1, top));
        DoubleVector vw = ZERO.blend(0.5, right).sub(ZERO.blend(-0.5, left));
        DoubleVector vh = ZERO.blend(0.5, bottom).sub(ZERO.blend(-0.5, top));
        DoubleVector cwdw = vw.blend(-1, left.and(right));
        DoubleVector chdh = vh.blend(-1, top.and(bottom));
        DoubleVector ax = DoubleVector.fromArray(S, lanes.x, 0);
        DoubleVector ay = DoubleVector.fromArray(S, lanes.y, 0);
        DoubleVector bx = DoubleVector.fromArray(S, lanes.tx, 0);
        DoubleVector by = DoubleVector.fromArray(S, lanes.ty, 0);
        DoubleVector d = ax.sub(bx).mul(ax.sub(bx)).add(ay.sub(by).mul(ay.sub(by)));
        DoubleVector c2 = c.mul(c);
        DoubleVector twoW = ccw.mul(2);
        DoubleVector twoH = cch.mul(2);
        // dDIOU.m writes 1 * (...) / (C * C), dCIOU.m (...) / (C * C): the same numbers
        DoubleVector sx = bx.sub(ax).mul(2).mul(c).sub(twoW.mul(vx).add(twoH.mul(vx)).mul(d)).div(c2);
        DoubleVector sy = by.sub(ay).mul(2).mul(c).sub(twoW.mul(vy).add(twoH.mul(vy)).mul(d)).div(c2);
        DoubleVector sw = twoW.mul(cwdw).add(twoH.mul(vw)).mul(d).div(c2);
        DoubleVector sh = twoW.mul(vh).add(twoH.mul(chdh)).mul(d).div(c2);
        DoubleVector.fromArray(S, dl, 0).add(DoubleVector.fromArray(S, dr, 0)).add(sx).intoArray(lanes.dx, 0);
        DoubleVector.fromArray(S, dt, 0).add(DoubleVector.fromArray(S, db, 0)).add(sy).intoArray(lanes.dy, 0);
        sw.intoArray(lanes.dw, 0);
        sh.intoArray(lanes.dh, 0);
        if (metric == Metric.CIOU) {
            addAspectTerms(lanes);
        }
        // (a vector alive where two branches meet would be copied to the heap: these read the columns again)
        DoubleVector.fromArray(S, dr, 0).sub(DoubleVector.fromArray(S, dl, 0)).add(DoubleVector.fromArray(S, lanes.dw, 0)).intoArray(lanes.dw, 0);
        DoubleVector.fromArray(S, db, 0).sub(DoubleVector.fromArray(S, dt, 0)).add(DoubleVector.fromArray(S, lanes.dh, 0)).intoArray(lanes.dh, 0);
    }

    /** dCIOU.m's alpha l.dw and alpha l.dh, alpha from the code's IoU, added to the enclosing term's dw and dh. */
    private void addAspectTerms(Lanes lanes) {
        DoubleVector difference = DoubleVector.fromArray(S, angle, 0);
        DoubleVector lLoss = difference.mul(4 / (Math.PI * Math.PI)).mul(difference);
        DoubleVector lw = difference.mul(8 / (Math.PI * Math.PI)).mul(DoubleVector.fromArray(S, lanes.h, 0));
        DoubleVector lh = difference.mul(-8 / (Math.PI * Math.PI)).mul(DoubleVector.fromArray(S, lanes.w, 0));
        DoubleVector alpha = lLoss.div(DoubleVector.broadcast(S, 1).sub(DoubleVector.fromArray(S, lanes.iou, 0)).add(lLoss).add(0.0000001));
        DoubleVector.fromArray(S, lanes.dw, 0).add(alpha.mul(lw)).intoArray(lanes.dw, 0);
        DoubleVector.fromArray(S, lanes.dh, 0).add(alpha.mul(lh)).intoArray(lanes.dh, 0);
    }

    /** CIoU's angle difference atan(w_gt / h_gt) - atan(w / h), the target's angle computed once per target. */
    private void aspectAngles(Lanes lanes) {
        for (int i = 0; i < N; i++) {
            if (angleW[i] != lanes.tw[i] || angleH[i] != lanes.th[i]) {
                angleW[i] = lanes.tw[i];
                angleH[i] = lanes.th[i];
                targetAngle[i] = Atan.atan(lanes.tw[i] / lanes.th[i]);
            }
        }
        DoubleVector.fromArray(S, lanes.w, 0).div(DoubleVector.fromArray(S, lanes.h, 0)).intoArray(ratio, 0);
        LaneAtan.atan(ratio, angle);
        DoubleVector.fromArray(S, targetAngle, 0).sub(DoubleVector.fromArray(S, angle, 0)).intoArray(angle, 0);
    }
}

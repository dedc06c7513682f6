package org.losslab.engine.race;

/**
 * The ascent directions of the DIoU paper's simulation code (Zzh-tju/DIoU, "simulation experiment",
 * dIOU.m, dGIOU.m, dDIOU.m, dCIOU.m), operation for operation, so that a run reproduces the authors'
 * trajectories bit for bit, quirks included: IoU and GIoU gradients for w and h are twice the true ones
 * (the conversion from top/bottom/left/right has no 1/2), GIoU's branch for disjoint boxes uses the signed
 * intersection, the enclosing box's derivatives of DIoU and CIoU share one vector for width and height and
 * have the opposite sign in x and y, a box straddling the target gets -1, and CIoU's aspect gradient drops
 * 1/(w^2 + h^2). Boxes are (x, y, w, h); every comparison is strict, as in the MATLAB code.
 *
 * <p>One instance per thread holds the intermediate values in fields, and each step of the code is a small
 * method: the simulation calls this 1.4 billion times, and methods the compiler inlines run it in
 * three quarters of the time. Nothing allocates.
 */
public final class PaperGradients {
    /** The four metrics of the paper's figure. */
    public enum Metric {
        IOU, GIOU, DIOU, CIOU
    }

    // the predicted box's and the target's sides (top, bottom, left, right)
    private double pt;
    private double pb;
    private double pl;
    private double pr;
    private double gt;
    private double gb;
    private double gl;
    private double gr;
    // intersection (In.m), its area, the union, and their derivatives (dIbox.m, dUbox.m)
    private double it;
    private double ib;
    private double il;
    private double ir;
    private double inter;
    private double union;
    private double dIt;
    private double dIb;
    private double dIl;
    private double dIr;
    private double dUt;
    private double dUb;
    private double dUl;
    private double dUr;
    // the IoU part of the direction in top/bottom/left/right (dIOU.m, dGIOU.m) and the code's IoU
    private double dt;
    private double db;
    private double dl;
    private double dr;
    private double iou;
    // the target's angle atan(w/h), computed once per target
    private double angleW = Double.NaN;
    private double angleH = Double.NaN;
    private double targetAngle;

    /** The code's IoU of two (x, y, w, h) boxes: 0 unless they overlap strictly. */
    public static double iou(double[] a, double[] b) {
        double pt = a[1] - a[3] / 2;
        double pb = a[1] + a[3] / 2;
        double pl = a[0] - a[2] / 2;
        double pr = a[0] + a[2] / 2;
        double gt = b[1] - b[3] / 2;
        double gb = b[1] + b[3] / 2;
        double gl = b[0] - b[2] / 2;
        double gr = b[0] + b[2] / 2;
        double top = Math.max(pt, gt);
        double bottom = Math.min(pb, gb);
        double left = Math.max(pl, gl);
        double right = Math.min(pr, gr);
        if (!(top < bottom && left < right)) {
            return 0;
        }
        double inter = (bottom - top) * (right - left);
        return inter / ((pb - pt) * (pr - pl) + (gb - gt) * (gr - gl) - inter);
    }

    /**
     * Writes the code's direction (dx, dy, dw, dh) for box {@code a} towards target {@code b} into
     * {@code out} and returns the code's IoU of the two (iou.m), which scales the step.
     */
    public double direction(Metric metric, double[] a, double[] b, double[] out) {
        sides(a, b);
        overlapTerms();
        if (metric == Metric.GIOU) {
            giou();
        } else {
            iouPart();
        }
        if (metric == Metric.IOU || metric == Metric.GIOU) {
            // to_xywh.m
            out[0] = dl + dr;
            out[1] = dt + db;
            out[2] = dr - dl;
            out[3] = db - dt;
        } else {
            distance(metric == Metric.CIOU, a, b, out);
        }
        return iou;
    }

    /** to_tblr.m of both boxes. */
    private void sides(double[] a, double[] b) {
        pt = a[1] - a[3] / 2;
        pb = a[1] + a[3] / 2;
        pl = a[0] - a[2] / 2;
        pr = a[0] + a[2] / 2;
        gt = b[1] - b[3] / 2;
        gb = b[1] + b[3] / 2;
        gl = b[0] - b[2] / 2;
        gr = b[0] + b[2] / 2;
    }

    /** In.m, the signed intersection area, the union, dIbox.m and dUbox.m (= dXbox.m - dIbox.m). */
    private void overlapTerms() {
        it = Math.max(pt, gt);
        ib = Math.min(pb, gb);
        il = Math.max(pl, gl);
        ir = Math.min(pr, gr);
        inter = (ib - it) * (ir - il);
        union = (pb - pt) * (pr - pl) + (gb - gt) * (gr - gl) - inter;
        dIt = pt > gt ? -(ir - il) : 0;
        dIb = pb < gb ? ir - il : 0;
        dIl = pl > gl ? -(ib - it) : 0;
        dIr = pr < gr ? ib - it : 0;
        dUt = -(pr - pl) - dIt;
        dUb = (pr - pl) - dIb;
        dUl = -(pb - pt) - dIl;
        dUr = (pb - pt) - dIr;
    }

    /** dIOU.m (the IoU's derivative by each side) and iou.m. */
    private void iouPart() {
        boolean overlap = it < ib && il < ir;
        dt = 0;
        db = 0;
        dl = 0;
        dr = 0;
        if (overlap && union > 0) {
            double u2 = union * union;
            dt = (union * dIt - inter * dUt) / u2;
            db = (union * dIb - inter * dUb) / u2;
            dl = (union * dIl - inter * dUl) / u2;
            dr = (union * dIr - inter * dUr) / u2;
        }
        // the code's "swap" assigns sequentially: both sides end up with the second one's value
        if (!(pt < pb)) {
            dt = db;
        }
        if (!(pl < pr)) {
            dl = dr;
        }
        iou = overlap ? inter / union : 0;
    }

    /** dGIOU.m: the IoU part where the boxes overlap, plus the enclosing area's term. */
    private void giou() {
        enclosingArea();
        double c = area;
        double c2 = c * c;
        if (it < ib && il < ir) {
            iouPart();
            if (c > 0) {
                dt = dt + 1 * (c * dUt - union * dCt) / c2;
                db = db + 1 * (c * dUb - union * dCb) / c2;
                dl = dl + 1 * (c * dUl - union * dCl) / c2;
                dr = dr + 1 * (c * dUr - union * dCr) / c2;
            }
        } else {
            dt = (c * dUt - union * dCt) / c2;
            db = (c * dUb - union * dCb) / c2;
            dl = (c * dUl - union * dCl) / c2;
            dr = (c * dUr - union * dCr) / c2;
            iou = 0;
        }
    }

    // the enclosing box (cover.m): its area and the area's derivatives (dCbox.m) for GIoU; its squared
    // diagonal, width, height and the code's derivative vectors for DIoU and CIoU
    private double area;
    private double dCt;
    private double dCb;
    private double dCl;
    private double dCr;
    private double diagonal;
    private double enclosingW;
    private double enclosingH;
    private double vx;
    private double vy;
    private double vw;
    private double vh;
    private double cwdw;
    private double chdh;

    private void enclosingArea() {
        double ct = Math.min(pt, gt);
        double cb = Math.max(pb, gb);
        double cl = Math.min(pl, gl);
        double cr = Math.max(pr, gr);
        dCt = pt < gt ? -(cr - cl) : 0;
        dCb = pb > gb ? cr - cl : 0;
        dCl = pl < gl ? -(cb - ct) : 0;
        dCr = pr > gr ? cb - ct : 0;
        area = (cb - ct) * (cr - cl);
    }

    /** dDIOU.m's enclosing box: Cw and Ch are one vector (dx, dy, dw, dh) except where the box straddles the target. */
    private void enclosingDiagonal() {
        double ct = Math.min(pt, gt);
        double cb = Math.max(pb, gb);
        double cl = Math.min(pl, gl);
        double cr = Math.max(pr, gr);
        diagonal = (cb - ct) * (cb - ct) + (cr - cl) * (cr - cl);
        enclosingW = cr - cl;
        enclosingH = cb - ct;
        boolean top = pt < gt;
        boolean bottom = pb > gb;
        boolean left = pl < gl;
        boolean right = pr > gr;
        vx = (right ? 1 : 0) - (left ? 1 : 0);
        vy = (bottom ? 1 : 0) - (top ? 1 : 0);
        vw = (right ? 0.5 : 0) - (left ? -0.5 : 0);
        vh = (bottom ? 0.5 : 0) - (top ? -0.5 : 0);
        cwdw = left && right ? -1 : vw;
        chdh = top && bottom ? -1 : vh;
    }

    /** dDIOU.m and dCIOU.m: the enclosing-diagonal term in xywh plus the IoU part converted by to_xywh. */
    private void distance(boolean complete, double[] a, double[] b, double[] out) {
        enclosingDiagonal();
        double c = diagonal;
        double ccw = enclosingW;
        double cch = enclosingH;
        double d = (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
        double c2 = c * c;
        // dDIOU.m writes 1 * (...) / (C * C), dCIOU.m (...) / (C * C): the same numbers
        double sx = (2 * (b[0] - a[0]) * c - (2 * ccw * vx + 2 * cch * vx) * d) / c2;
        double sy = (2 * (b[1] - a[1]) * c - (2 * ccw * vy + 2 * cch * vy) * d) / c2;
        double sw = (2 * ccw * cwdw + 2 * cch * vw) * d / c2;
        double sh = (2 * ccw * vh + 2 * cch * chdh) * d / c2;
        if (complete) {
            double[] aspectTerm = aspectTerms(a, b);
            sw = sw + aspectTerm[0];
            sh = sh + aspectTerm[1];
        }
        out[0] = (dl + dr) + sx;
        out[1] = (dt + db) + sy;
        out[2] = (dr - dl) + sw;
        out[3] = (db - dt) + sh;
    }

    private final double[] aspect = new double[2];

    /** CIoU's alpha l.dw and alpha l.dh, alpha from the code's IoU. */
    private double[] aspectTerms(double[] a, double[] b) {
        if (angleW != b[2] || angleH != b[3]) {
            angleW = b[2];
            angleH = b[3];
            targetAngle = Atan.atan(b[2] / b[3]);
        }
        double angle = targetAngle - Atan.atan(a[2] / a[3]);
        double lLoss = 4 / (Math.PI * Math.PI) * angle * angle;
        double lw = 8 / (Math.PI * Math.PI) * angle * a[3];
        double lh = -8 / (Math.PI * Math.PI) * angle * a[2];
        double alpha = lLoss / (1 - iou + lLoss + 0.0000001);
        aspect[0] = alpha * lw;
        aspect[1] = alpha * lh;
        return aspect;
    }
}

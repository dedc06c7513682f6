package org.losslab.engine.box;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.math.Atan;

/**
 * The IoU losses of torchvision.ops on box pairs, with analytic gradients with respect to the
 * predicted corners.
 * <ul>
 *   <li>iou: 1 - I / (U + eps)</li>
 *   <li>giou: 1 - IoU + (C - U) / (C + eps), C the enclosing box's area</li>
 *   <li>diou: 1 - IoU + d^2 / (c^2 + eps), d the centre distance, c the enclosing diagonal</li>
 *   <li>ciou: DIoU + alpha v, v = 4/pi^2 (atan(wg/hg) - atan(w/h))^2, alpha = v / (1 - IoU + v + eps)
 *       held constant in the gradient as torchvision does (no_grad)</li>
 * </ul>
 * Where two coordinates tie in a max or min, the gradient is split in half between them, as torch's
 * maximum and minimum do.
 */
public final class IouFamilyLoss implements Evaluator<BoxPairs> {
    /** The four registry entries this class serves. */
    public enum Variant {
        IOU, GIOU, DIOU, CIOU
    }

    private final Variant variant;

    public IouFamilyLoss(Variant variant) {
        this.variant = variant;
    }

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.NONE_DEFAULT,
                ParamSpec.number("eps", 1e-7, 0, 1, "Added to denominators to avoid division by zero."));
    }

    @Override
    public Evaluation evaluate(BoxPairs pairs, Params params, boolean withGradient) {
        double eps = params.number("eps");
        int n = pairs.count();
        double[] losses = new double[n];
        double[] gradient = withGradient ? new double[4 * n] : null;
        double[] g = new double[4];
        for (int k = 0; k < n; k++) {
            losses[k] = pair(variant, pairs.predicted(), pairs.target(), 4 * k, eps, g);
            if (gradient != null) {
                System.arraycopy(g, 0, gradient, 4 * k, 4);
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), losses, "predicted", gradient);
    }

    /** d max(a, b) / da, with ties split as torch does. */
    private static double maxSide(double a, double b) {
        return a > b ? 1 : a == b ? 0.5 : 0;
    }

    /**
     * The loss of one pair at offset {@code i}; writes d(loss)/d(x1, y1, x2, y2) of the predicted box
     * into {@code grad}.
     */
    public static double pair(Variant variant, double[] p, double[] t, int i, double eps, double[] grad) {
        double x1 = p[i];
        double y1 = p[i + 1];
        double x2 = p[i + 2];
        double y2 = p[i + 3];
        double gx1 = t[i];
        double gy1 = t[i + 1];
        double gx2 = t[i + 2];
        double gy2 = t[i + 3];

        // intersection
        double iw = Math.min(x2, gx2) - Math.max(x1, gx1);
        double ih = Math.min(y2, gy2) - Math.max(y1, gy1);
        boolean overlap = iw > 0 && ih > 0;
        double inter = overlap ? iw * ih : 0;
        double dInterX1 = overlap ? -ih * maxSide(x1, gx1) : 0;
        double dInterY1 = overlap ? -iw * maxSide(y1, gy1) : 0;
        double dInterX2 = overlap ? ih * maxSide(-x2, -gx2) : 0;
        double dInterY2 = overlap ? iw * maxSide(-y2, -gy2) : 0;

        // union
        double w = x2 - x1;
        double h = y2 - y1;
        double union = w * h + (gx2 - gx1) * (gy2 - gy1) - inter;
        double dUx1 = -h - dInterX1;
        double dUy1 = -w - dInterY1;
        double dUx2 = h - dInterX2;
        double dUy2 = w - dInterY2;

        double u = union + eps;
        double iou = inter / u;
        double u2 = u * u;
        double gX1 = -(dInterX1 * u - inter * dUx1) / u2;
        double gY1 = -(dInterY1 * u - inter * dUy1) / u2;
        double gX2 = -(dInterX2 * u - inter * dUx2) / u2;
        double gY2 = -(dInterY2 * u - inter * dUy2) / u2;
        double loss = 1 - iou;

        if (variant != Variant.IOU) {
            double cx1 = Math.min(x1, gx1);
            double cy1 = Math.min(y1, gy1);
            double cx2 = Math.max(x2, gx2);
            double cy2 = Math.max(y2, gy2);
            double cw = cx2 - cx1;
            double ch = cy2 - cy1;
            double dCx1 = maxSide(-x1, -gx1);
            double dCy1 = maxSide(-y1, -gy1);
            double dCx2 = maxSide(x2, gx2);
            double dCy2 = maxSide(y2, gy2);
            if (variant == Variant.GIOU) {
                double area = cw * ch;
                double c = area + eps;
                double c2 = c * c;
                // d/dq of (area - U) / c = ((dA - dU) c - (area - U) dA) / c^2
                double dAx1 = -ch * dCx1;
                double dAy1 = -cw * dCy1;
                double dAx2 = ch * dCx2;
                double dAy2 = cw * dCy2;
                loss += (area - union) / c;
                gX1 += ((dAx1 - dUx1) * c - (area - union) * dAx1) / c2;
                gY1 += ((dAy1 - dUy1) * c - (area - union) * dAy1) / c2;
                gX2 += ((dAx2 - dUx2) * c - (area - union) * dAx2) / c2;
                gY2 += ((dAy2 - dUy2) * c - (area - union) * dAy2) / c2;
            } else {
                double diagonal = cw * cw + ch * ch + eps;
                double dDx1 = -2 * cw * dCx1;
                double dDy1 = -2 * ch * dCy1;
                double dDx2 = 2 * cw * dCx2;
                double dDy2 = 2 * ch * dCy2;
                double dx = (x1 + x2) / 2 - (gx1 + gx2) / 2;
                double dy = (y1 + y2) / 2 - (gy1 + gy2) / 2;
                double centre = dx * dx + dy * dy;
                double d2 = diagonal * diagonal;
                // d(centre)/dx1 = d(centre)/dx2 = dx, likewise dy for y
                loss += centre / diagonal;
                gX1 += (dx * diagonal - centre * dDx1) / d2;
                gY1 += (dy * diagonal - centre * dDy1) / d2;
                gX2 += (dx * diagonal - centre * dDx2) / d2;
                gY2 += (dy * diagonal - centre * dDy2) / d2;
                if (variant == Variant.CIOU) {
                    double gw = gx2 - gx1;
                    double gh = gy2 - gy1;
                    double angle = Atan.atan(gw / gh) - Atan.atan(w / h);
                    double k = 4 / (Math.PI * Math.PI);
                    double v = k * angle * angle;
                    double alpha = v / (1 - iou + v + eps);
                    loss += alpha * v;
                    // d atan(w/h)/dw = h / (w^2 + h^2), /dh = -w / (w^2 + h^2); dv = -2 k angle d atan
                    double r = w * w + h * h;
                    double dVdw = -2 * k * angle * (h / r);
                    double dVdh = -2 * k * angle * (-w / r);
                    gX1 += alpha * -dVdw;
                    gX2 += alpha * dVdw;
                    gY1 += alpha * -dVdh;
                    gY2 += alpha * dVdh;
                }
            }
        }
        grad[0] = gX1;
        grad[1] = gY1;
        grad[2] = gX2;
        grad[3] = gY2;
        return loss;
    }
}

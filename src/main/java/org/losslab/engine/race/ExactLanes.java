package org.losslab.engine.race;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Minus the true gradient of a registry box loss for every lane, converted from corners to (x, y, w, h),
 * with the paper's IoU to scale the step.
 */
final class ExactLanes implements RaceLoss.Stepper {
    /** d(loss)/d(x1, y1, x2, y2) of every lane's box: four columns each of boxes, targets and gradients. */
    interface CornerGradients {
        void gradient(double[][] predicted, double[][] target, double[][] gradient);
    }

    private static final VectorSpecies<Double> S = Lanes.SPECIES;
    private final CornerGradients loss;
    private final PaperGradients paperIou = new PaperGradients(PaperGradients.Metric.IOU);
    private final double[][] corners = new double[4][Lanes.COUNT];
    private final double[][] targetCorners = new double[4][Lanes.COUNT];
    private final double[][] gradient = new double[4][Lanes.COUNT];

    ExactLanes(CornerGradients loss) {
        this.loss = loss;
    }

    @Override
    public void direction(Lanes lanes) {
        toCorners(lanes.x, lanes.y, lanes.w, lanes.h, corners);
        toCorners(lanes.tx, lanes.ty, lanes.tw, lanes.th, targetCorners);
        loss.gradient(corners, targetCorners, gradient);
        DoubleVector gx1 = DoubleVector.fromArray(S, gradient[0], 0);
        DoubleVector gy1 = DoubleVector.fromArray(S, gradient[1], 0);
        DoubleVector gx2 = DoubleVector.fromArray(S, gradient[2], 0);
        DoubleVector gy2 = DoubleVector.fromArray(S, gradient[3], 0);
        // dL/dx = dL/dx1 + dL/dx2, dL/dw = (dL/dx2 - dL/dx1) / 2; the step goes downhill
        gx1.add(gx2).neg().intoArray(lanes.dx, 0);
        gy1.add(gy2).neg().intoArray(lanes.dy, 0);
        gx2.sub(gx1).neg().div(2).intoArray(lanes.dw, 0);
        gy2.sub(gy1).neg().div(2).intoArray(lanes.dh, 0);
        paperIou.iou(lanes);
    }

    private static void toCorners(double[] x, double[] y, double[] w, double[] h, double[][] out) {
        DoubleVector cx = DoubleVector.fromArray(S, x, 0);
        DoubleVector cy = DoubleVector.fromArray(S, y, 0);
        DoubleVector halfW = DoubleVector.fromArray(S, w, 0).div(2);
        DoubleVector halfH = DoubleVector.fromArray(S, h, 0).div(2);
        cx.sub(halfW).intoArray(out[0], 0);
        cy.sub(halfH).intoArray(out[1], 0);
        cx.add(halfW).intoArray(out[2], 0);
        cy.add(halfH).intoArray(out[3], 0);
    }
}

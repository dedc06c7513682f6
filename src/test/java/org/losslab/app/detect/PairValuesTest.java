package org.losslab.app.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The detection table's numbers against the torchvision formulas, worked out here from the coordinates. */
class PairValuesTest {
    private static final double EPS = 1e-7;

    @Test
    void theTableShowsTheTorchvisionFormulasOfThePair() {
        double[][][] pairs = {
            {{25, 20, 70, 80}, {20, 30, 60, 90}},   // overlapping
            {{100, 100, 120, 110}, {20, 30, 60, 90}}, // disjoint
            {{30, 40, 50, 70}, {20, 30, 60, 90}},   // nested
        };
        for (double[][] pq : pairs) {
            double[] p = pq[0];
            double[] t = pq[1];
            var shown = PairValues.of(new org.losslab.engine.box.BoxPairs(p.clone(), t.clone()));
            double iw = Math.max(0, Math.min(p[2], t[2]) - Math.max(p[0], t[0]));
            double ih = Math.max(0, Math.min(p[3], t[3]) - Math.max(p[1], t[1]));
            double inter = iw * ih;
            double union = (p[2] - p[0]) * (p[3] - p[1]) + (t[2] - t[0]) * (t[3] - t[1]) - inter;
            double iou = inter / (union + EPS);
            double cw = Math.max(p[2], t[2]) - Math.min(p[0], t[0]);
            double ch = Math.max(p[3], t[3]) - Math.min(p[1], t[1]);
            double enclosing = cw * ch;
            double giou = 1 - iou + (enclosing - union) / (enclosing + EPS);
            double rho2 = Math.pow((p[0] + p[2] - t[0] - t[2]) / 2, 2) + Math.pow((p[1] + p[3] - t[1] - t[3]) / 2, 2);
            double diou = 1 - iou + rho2 / (cw * cw + ch * ch + EPS);
            double v = 4 / (Math.PI * Math.PI) * Math.pow(Math.atan((t[2] - t[0]) / (t[3] - t[1]))
                    - Math.atan((p[2] - p[0]) / (p[3] - p[1])), 2);
            double ciou = diou + v * v / (1 - iou + v + EPS);
            double l1 = 0;
            double smooth = 0;
            for (int c = 0; c < 4; c++) {
                double d = Math.abs(p[c] - t[c]);
                l1 += d / 4;
                smooth += (d < 1 ? 0.5 * d * d : d - 0.5) / 4;
            }
            String where = java.util.Arrays.toString(p);
            assertEquals(inter / union, shown.get("IoU"), 1e-12, where);
            assertEquals(1 - iou, shown.get("iou"), 1e-12, where);
            assertEquals(giou, shown.get("giou"), 1e-12, where);
            assertEquals(diou, shown.get("diou"), 1e-12, where);
            assertEquals(ciou, shown.get("ciou"), 1e-12, where);
            assertEquals(l1, shown.get("l1"), 1e-12, where);
            assertEquals(smooth, shown.get("smooth_l1"), 1e-12, where);
        }
    }
}

package org.losslab.engine.ssd;

import org.losslab.engine.box.Box;

/**
 * SSD's matching of priors to objects: each prior takes the object it overlaps most (Jaccard); each
 * object then claims the prior it overlaps most (best-prior forcing: that prior counts as overlap 1,
 * a later object winning a shared prior); a prior whose overlap is below the threshold is background.
 */
public final class PriorMatching {
    /** The matched object of each prior (meaningful where the label is not 0). */
    public final int[] object;
    /** The class each prior is trained towards: the object's label, or 0 for background. */
    public final int[] label;
    /** Each prior's overlap with its object after forcing (1 for forced priors). */
    public final double[] overlap;
    /** Whether the prior was forced onto an object it might not otherwise reach. */
    public final boolean[] forced;
    /** The encoded regression target of each prior (P x 4). */
    public final double[] encodedTargets;

    private PriorMatching(int priors) {
        object = new int[priors];
        label = new int[priors];
        overlap = new double[priors];
        forced = new boolean[priors];
        encodedTargets = new double[4 * priors];
    }

    public static PriorMatching match(MultiboxData data, double threshold, double[] variances) {
        int p = data.priorCount();
        int n = data.objectCount();
        double[] priorCorners = Box.toCorners(data.priors());
        double[] iou = Box.iouMatrix(data.truthBoxes(), priorCorners); // n x p
        PriorMatching m = new PriorMatching(p);
        for (int j = 0; j < p; j++) {
            int best = 0;
            for (int o = 1; o < n; o++) {
                if (iou[o * p + j] > iou[best * p + j]) {
                    best = o;
                }
            }
            m.object[j] = best;
            m.overlap[j] = iou[best * p + j];
        }
        for (int o = 0; o < n; o++) {
            int best = 0;
            for (int j = 1; j < p; j++) {
                if (iou[o * p + j] > iou[o * p + best]) {
                    best = j;
                }
            }
            m.object[best] = o;
            m.overlap[best] = 1.0;
            m.forced[best] = true;
        }
        double[] truthCentre = Box.toCentreSize(data.truthBoxes());
        for (int j = 0; j < p; j++) {
            m.label[j] = m.overlap[j] < threshold ? 0 : data.truthLabels()[m.object[j]];
            encode(truthCentre, 4 * m.object[j], data.priors(), 4 * j, variances, m.encodedTargets);
        }
        return m;
    }

    /** Centre/size encoding: ((cx - pcx) / (v0 pw), (cy - pcy) / (v0 ph), log(w / pw) / v1, log(h / ph) / v1). */
    static void encode(double[] box, int b, double[] priors, int j, double[] variances, double[] out) {
        out[j] = (box[b] - priors[j]) / (variances[0] * priors[j + 2]);
        out[j + 1] = (box[b + 1] - priors[j + 1]) / (variances[0] * priors[j + 3]);
        out[j + 2] = Math.log(box[b + 2] / priors[j + 2]) / variances[1];
        out[j + 3] = Math.log(box[b + 3] / priors[j + 3]) / variances[1];
    }

    /** The inverse of the encoding: offsets against priors back to (cx, cy, w, h). */
    public static double[] decode(double[] offsets, double[] priors, double[] variances) {
        double[] out = new double[offsets.length];
        for (int j = 0; j < offsets.length; j += 4) {
            out[j] = offsets[j] * variances[0] * priors[j + 2] + priors[j];
            out[j + 1] = offsets[j + 1] * variances[0] * priors[j + 3] + priors[j + 1];
            out[j + 2] = Math.exp(offsets[j + 2] * variances[1]) * priors[j + 2];
            out[j + 3] = Math.exp(offsets[j + 3] * variances[1]) * priors[j + 3];
        }
        return out;
    }

    /** Encodes boxes (cx, cy, w, h) against priors. */
    public static double[] encode(double[] centreSize, double[] priors, double[] variances) {
        double[] out = new double[centreSize.length];
        for (int j = 0; j < centreSize.length; j += 4) {
            encode(centreSize, j, priors, j, variances, out);
        }
        return out;
    }

    public int positives() {
        int count = 0;
        for (int l : label) {
            count += l != 0 ? 1 : 0;
        }
        return count;
    }
}

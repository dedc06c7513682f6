package org.losslab.engine.ssd;

import org.losslab.engine.seg.IndexSort;

/**
 * How the classification loss of the negatives (background priors) is spread over them, as the focal loss
 * paper draws it (Lin et al. 2017, Figure 4): the negatives sorted from the hardest (lowest probability of
 * background) to the easiest, and the cumulative share of their summed loss carried by the hardest k. The
 * focal loss of a negative is (1 - alpha) (1 - p)^gamma (-log p), p its probability of background; its
 * order does not depend on gamma (the loss falls as p rises for every gamma >= 0), so one sorting serves
 * every curve, and alpha, the same for every negative, cancels in the shares.
 */
public final class NegativeLossShares {
    private final double[] background;
    private final int[] hardestFirst;
    private final int mined;

    private NegativeLossShares(double[] background, int[] hardestFirst, int mined) {
        this.background = background;
        this.hardestFirst = hardestFirst;
        this.mined = mined;
    }

    /** The negatives of an analysis: their probabilities of background and how many the mining kept. */
    public static NegativeLossShares of(MultiboxAnalysis analysis) {
        int priors = analysis.matching().label.length;
        int negatives = 0;
        int mined = 0;
        for (int j = 0; j < priors; j++) {
            if (analysis.role(j) != MultiboxAnalysis.Role.POSITIVE) {
                negatives++;
                mined += analysis.role(j) == MultiboxAnalysis.Role.HARD_NEGATIVE ? 1 : 0;
            }
        }
        double[] background = new double[negatives];
        int n = 0;
        for (int j = 0; j < priors; j++) {
            if (analysis.role(j) != MultiboxAnalysis.Role.POSITIVE) {
                // a negative's cross-entropy is -log p(background)
                background[n++] = Math.exp(-analysis.crossEntropy(j));
            }
        }
        return of(background, mined);
    }

    /** Negatives given by their probabilities of background; {@code mined}: how many the mining keeps. */
    public static NegativeLossShares of(double[] background, int mined) {
        double[] loss = new double[background.length];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = -Math.log(background[i]);
        }
        return new NegativeLossShares(background.clone(), IndexSort.descending(loss, loss.length), mined);
    }

    public int negatives() {
        return background.length;
    }

    /** How many negatives hard negative mining keeps (neg_pos_ratio x positives, at most all of them). */
    public int mined() {
        return mined;
    }

    /** How many negatives mining drops: the easy ones. */
    public int dropped() {
        return Math.max(0, background.length - mined);
    }

    /** A negative's focal loss up to the factor (1 - alpha): (1 - p)^gamma (-log p). */
    static double focal(double background, double gamma) {
        double ce = -Math.log(background);
        return gamma == 0 ? ce : Math.pow(1 - background, gamma) * ce;
    }

    /**
     * Entry k: the share of the negatives' focal loss at this gamma carried by the k + 1 hardest negatives
     * (gamma 0: plain cross-entropy). The last entry is 1 (or NaN when every negative's loss is 0).
     */
    public double[] cumulativeShares(double gamma) {
        int n = hardestFirst.length;
        double[] out = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += focal(background[hardestFirst[k]], gamma);
            out[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /**
     * Hard negative mining drawn the same way: entry k is the share of mining's negative loss (the cross-entropy
     * of the negatives it keeps) carried by the k + 1 hardest; 1 from the last kept negative on, since the
     * dropped ones add nothing. All 0 when mining keeps none.
     */
    public double[] miningCumulativeShares() {
        int n = hardestFirst.length;
        double[] out = new double[n];
        double kept = 0;
        for (int k = 0; k < mined && k < n; k++) {
            kept += focal(background[hardestFirst[k]], 0);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (k < mined) {
                sum += focal(background[hardestFirst[k]], 0);
            }
            out[k] = mined == 0 ? 0 : kept == 0 ? (k + 1 >= mined ? 1 : 0) : sum / kept;
        }
        return out;
    }

    /**
     * The share of the negatives' focal loss carried by the hardest {@code fraction} of them (rounded up to
     * whole negatives, at least one).
     */
    public double shareOfHardestFraction(double fraction, double gamma) {
        return shareOfHardest(countOf(fraction), gamma);
    }

    /** How many negatives the hardest {@code fraction} of them are (rounded up, at least one). */
    public int countOf(double fraction) {
        int n = hardestFirst.length;
        return Math.max(1, Math.min(n, (int) Math.ceil(fraction * n - 1e-9)));
    }

    /** The share of the negatives' focal loss at this gamma carried by the {@code count} hardest (0 for none). */
    public double shareOfHardest(int count, double gamma) {
        if (count <= 0 || hardestFirst.length == 0) {
            return 0;
        }
        return cumulativeShares(gamma)[Math.min(count, hardestFirst.length) - 1];
    }

    /** The share of the focal loss at this gamma that falls on the negatives mining drops (the easy ones). */
    public double easyShare(double gamma) {
        return mined >= hardestFirst.length ? 0 : 1 - shareOfHardest(mined, gamma);
    }

    /**
     * The least probability of background among the negatives mining drops: "easy" means a negative at
     * least this sure of background (NaN when mining drops none).
     */
    public double easyThreshold() {
        return mined >= hardestFirst.length ? Double.NaN : background[hardestFirst[mined]];
    }

    /** The probability of background of the k-th hardest negative (k from 0). */
    public double backgroundOfHardest(int k) {
        return background[hardestFirst[k]];
    }
}

package org.losslab.engine.ssd;

import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;

/**
 * Everything the MultiBox loss decides for one image, prior by prior: the matching, each prior's role
 * (positive, hard negative kept by the mining, easy negative dropped), its cross-entropy, the loss and
 * its gradients; and, for the "hard negative mining versus focal loss" comparison, what a softmax focal
 * loss over all priors (RetinaNet style, normalised by the positives) would weigh each prior.
 */
public final class MultiboxAnalysis {
    /** What the loss does with a prior. */
    public enum Role {
        POSITIVE, HARD_NEGATIVE, EASY_NEGATIVE
    }

    private final MultiboxData data;
    private final PriorMatching matching;
    private final Role[] roles;
    private final double[] crossEntropy;
    private final double[] probabilities;
    private final double locLoss;
    private final double confLoss;
    private final double alpha;
    private final int positives;
    private final double[] locGradient;
    private final double[] scoreGradient;

    private MultiboxAnalysis(MultiboxData data, PriorMatching matching, Role[] roles, double[] crossEntropy,
                             double[] probabilities, double locLoss, double confLoss, double alpha, int positives,
                             double[] locGradient, double[] scoreGradient) {
        this.data = data;
        this.matching = matching;
        this.roles = roles;
        this.crossEntropy = crossEntropy;
        this.probabilities = probabilities;
        this.locLoss = locLoss;
        this.confLoss = confLoss;
        this.alpha = alpha;
        this.positives = positives;
        this.locGradient = locGradient;
        this.scoreGradient = scoreGradient;
    }

    public static MultiboxAnalysis of(MultiboxData data, Params params) {
        double[] variances = MultiboxLoss.variances(params);
        boolean smooth = params.choice("loc_loss").equals("smooth_l1");
        double alpha = params.number("alpha");
        long ratio = params.integer("neg_pos_ratio");
        PriorMatching m = PriorMatching.match(data, params.number("threshold"), variances);
        int p = data.priorCount();
        int k = data.classes();
        int positives = m.positives();

        // cross-entropy of every prior against its class, and softmax probabilities for the gradient
        double[] scores = data.scores();
        double[] ce = new double[p];
        double[] prob = new double[p * k];
        for (int j = 0; j < p; j++) {
            double logZ = Activations.logSumExp(scores, j * k, 1, k);
            for (int c = 0; c < k; c++) {
                prob[j * k + c] = Math.exp(scores[j * k + c] - logZ);
            }
            ce[j] = logZ - scores[j * k + m.label[j]];
        }

        // hard negative mining: the neg_pos_ratio x positives negatives of highest loss
        Role[] roles = new Role[p];
        double[] negativeLoss = new double[p];
        for (int j = 0; j < p; j++) {
            roles[j] = m.label[j] != 0 ? Role.POSITIVE : Role.EASY_NEGATIVE;
            negativeLoss[j] = m.label[j] != 0 ? 0 : ce[j];
        }
        int[] order = MultiboxLoss.hardestFirst(negativeLoss);
        long keep = Math.min(ratio * positives, p);
        for (int r = 0; r < keep; r++) {
            if (roles[order[r]] == Role.EASY_NEGATIVE) {
                roles[order[r]] = Role.HARD_NEGATIVE;
            }
        }

        double confSum = 0;
        double locSum = 0;
        double[] locGradient = new double[4 * p];
        double[] scoreGradient = new double[p * k];
        double[] locs = data.locs();
        for (int j = 0; j < p; j++) {
            if (roles[j] == Role.EASY_NEGATIVE) {
                continue;
            }
            confSum += ce[j];
            for (int c = 0; c < k; c++) {
                scoreGradient[j * k + c] = (prob[j * k + c] - (c == m.label[j] ? 1 : 0)) / positives;
            }
            if (roles[j] == Role.POSITIVE) {
                for (int c = 0; c < 4; c++) {
                    double d = locs[4 * j + c] - m.encodedTargets[4 * j + c];
                    locSum += MultiboxLoss.locLoss(d, smooth);
                    locGradient[4 * j + c] = alpha * MultiboxLoss.locDerivative(d, smooth) / (4.0 * positives);
                }
            }
        }
        double locLoss = locSum / (4.0 * positives);
        return new MultiboxAnalysis(data, m, roles, ce, prob, locLoss, confSum / positives, alpha, positives,
                locGradient, scoreGradient);
    }

    /** The MultiBox loss: confidence loss + alpha x localisation loss. */
    public double total() {
        return confLoss + alpha * locLoss;
    }

    public double localisationLoss() {
        return locLoss;
    }

    public double confidenceLoss() {
        return confLoss;
    }

    public int positives() {
        return positives;
    }

    public PriorMatching matching() {
        return matching;
    }

    public Role role(int prior) {
        return roles[prior];
    }

    /** The cross-entropy of a prior against its assigned class. */
    public double crossEntropy(int prior) {
        return crossEntropy[prior];
    }

    public double[] locGradient() {
        return locGradient.clone();
    }

    public double[] scoreGradient() {
        return scoreGradient.clone();
    }

    /**
     * The weight a softmax focal loss would put on each prior if every prior were used:
     * alpha_t (1 - p_t)^gamma / positives, alpha_t = alpha for positives and 1 - alpha for background.
     * Multiplied by the prior's cross-entropy it is the prior's focal loss.
     */
    public double[] focalWeights(double focalAlpha, double gamma) {
        int p = data.priorCount();
        int k = data.classes();
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            double pt = probabilities[j * k + matching.label[j]];
            double alphaT = matching.label[j] != 0 ? focalAlpha : 1 - focalAlpha;
            w[j] = alphaT * Math.pow(1 - pt, gamma) / positives;
        }
        return w;
    }

    /**
     * The classification loss by role, normalised by the positives: {positives, hard negatives, easy
     * negatives}, under hard negative mining (easy negatives contribute 0) or under the focal loss.
     */
    public double[] lossByRole(boolean focal, double focalAlpha, double gamma) {
        double[] weights = focal ? focalWeights(focalAlpha, gamma) : null;
        double[] totals = new double[3];
        for (int j = 0; j < roles.length; j++) {
            double contribution = focal ? weights[j] * crossEntropy[j]
                    : roles[j] == Role.EASY_NEGATIVE ? 0 : crossEntropy[j] / positives;
            totals[roles[j].ordinal()] += contribution;
        }
        return totals;
    }
}

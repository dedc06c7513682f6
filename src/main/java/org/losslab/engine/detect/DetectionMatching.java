package org.losslab.engine.detect;

import org.losslab.engine.box.Box;
import org.losslab.engine.seg.IndexSort;

/**
 * Greedy matching of one class's detections to its ground truth, as COCO does it: detections in
 * order of decreasing score (ties by position); each takes the unmatched truth of highest IoU if that
 * IoU reaches the threshold (a true positive), else it is a false positive (a miss or a duplicate).
 */
public final class DetectionMatching {
    /** Detection indices in ranking order (this class only). */
    public final int[] ranked;
    /** Whether the detection at each rank is a true positive. */
    public final boolean[] truePositive;
    /** The truth matched at each rank, or -1. */
    public final int[] matchedTruth;
    /** The number of truths of this class. */
    public final int truthCount;

    private DetectionMatching(int[] ranked, boolean[] truePositive, int[] matchedTruth, int truthCount) {
        this.ranked = ranked;
        this.truePositive = truePositive;
        this.matchedTruth = matchedTruth;
        this.truthCount = truthCount;
    }

    public static DetectionMatching match(DetectionsData data, int label, double iouThreshold) {
        int n = 0;
        for (int l : data.labels()) {
            n += l == label ? 1 : 0;
        }
        int[] own = new int[n];
        double[] ownScores = new double[n];
        int k = 0;
        for (int i = 0; i < data.count(); i++) {
            if (data.labels()[i] == label) {
                own[k] = i;
                ownScores[k++] = data.scores()[i];
            }
        }
        int[] order = IndexSort.descending(ownScores, n);
        int truths = 0;
        for (int l : data.truthLabels()) {
            truths += l == label ? 1 : 0;
        }
        boolean[] taken = new boolean[data.truthLabels().length];
        int[] ranked = new int[n];
        boolean[] tp = new boolean[n];
        int[] matched = new int[n];
        for (int r = 0; r < n; r++) {
            int d = own[order[r]];
            ranked[r] = d;
            int best = -1;
            double bestIou = iouThreshold;
            for (int t = 0; t < data.truthLabels().length; t++) {
                if (data.truthLabels()[t] != label || taken[t]) {
                    continue;
                }
                double iou = Box.iou(data.boxes(), 4 * d, data.truthBoxes(), 4 * t);
                if (iou >= bestIou) {
                    best = t;
                    bestIou = iou;
                }
            }
            matched[r] = best;
            tp[r] = best >= 0;
            if (best >= 0) {
                taken[best] = true;
            }
        }
        return new DetectionMatching(ranked, tp, matched, truths);
    }

    /** Precision after each rank: TP / (TP + FP). */
    public double[] precision() {
        double[] out = new double[ranked.length];
        int tp = 0;
        for (int r = 0; r < out.length; r++) {
            tp += truePositive[r] ? 1 : 0;
            out[r] = (double) tp / (r + 1);
        }
        return out;
    }

    /** Recall after each rank: TP / truths (0 when the class has no truth). */
    public double[] recall() {
        double[] out = new double[ranked.length];
        int tp = 0;
        for (int r = 0; r < out.length; r++) {
            tp += truePositive[r] ? 1 : 0;
            out[r] = truthCount == 0 ? 0 : (double) tp / truthCount;
        }
        return out;
    }
}

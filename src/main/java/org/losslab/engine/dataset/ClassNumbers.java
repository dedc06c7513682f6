package org.losslab.engine.dataset;

/**
 * The numbers of one case and one class (CONTRACTS_V3 section 2), with G = ground truth == c and
 * P = prediction == c: the voxel counts, Dice and IoU (NaN when both are empty, nnU-Net's rule) and MONAI's
 * surface distances in mm (NaN when both are empty; HD, HD95 and ASSD infinite and NSD 0 when exactly one is).
 */
public record ClassNumbers(long tp, long fp, long fn, long tn, double dice, double iou,
        double hd, double hd95, double assd, double nsd) {

    /** A class absent from both masks of a case of {@code voxels} voxels. */
    public static ClassNumbers absent(long voxels) {
        return new ClassNumbers(0, 0, 0, voxels, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** |G|. */
    public long nRef() {
        return tp + fn;
    }

    /** |P|. */
    public long nPred() {
        return tp + fp;
    }

    /**
     * Dice as MONAI's {@code DiceMetric(ignore_empty=True)} gives it: NaN whenever the ground truth is empty, so
     * that false positives on an empty case count for nothing in MONAI's mean.
     */
    public double monaiDice() {
        return nRef() == 0 ? Double.NaN : dice;
    }

    /**
     * HD95 as MONAI's {@code compute_hausdorff_distance(percentile=95)} gives it: NaN when either mask is empty
     * (the 95th percentile of no distances), so a missed structure leaves MONAI's mean (MONAI issue 9095).
     */
    public double monaiHd95() {
        return nRef() == 0 || nPred() == 0 ? Double.NaN : hd95;
    }

    /** Why the distances are not finite numbers, in words, or null when both masks have voxels. */
    public String emptiness() {
        if (nRef() > 0 && nPred() > 0) {
            return null;
        }
        return nRef() == 0 && nPred() == 0 ? "absent from both" : nPred() == 0 ? "missed: no prediction"
                : "false positive: nothing in the ground truth";
    }

    /**
     * A value as the audit shows one that is not a finite number: "none" or "inf" with why ("inf (missed: no
     * prediction)"); null for a finite value.
     */
    public String whyNot(double v) {
        if (Double.isFinite(v)) {
            return null;
        }
        String why = emptiness();
        return (Double.isNaN(v) ? "none" : "inf") + (why == null ? "" : " (" + why + ")");
    }

    /** NSD as MONAI's {@code compute_surface_dice}: the same as section 2's. */
    public double monaiNsd() {
        return nsd;
    }
}

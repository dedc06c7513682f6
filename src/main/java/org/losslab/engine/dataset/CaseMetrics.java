package org.losslab.engine.dataset;

import org.losslab.engine.EngineException;
import org.losslab.engine.distance.SurfaceMetrics;

/** Computes one case's numbers per class (CONTRACTS_V3 section 2): counts in one pass, then each class's distances. */
public final class CaseMetrics {
    /** The largest class index taken (a 16-bit PNG's): the counts are arrays indexed by class. */
    public static final int MAX_CLASS = 65_535;

    private CaseMetrics() {
    }

    /**
     * The case's numbers for classes 1 .. {@code classes} - 1, or, when {@code classes} is 0, for classes 1 up to
     * the largest in either of its files. A label at or above a given {@code classes} is refused naming the file.
     */
    public static CaseResult compute(Case c, int classes, double toleranceMm) {
        int[] reference = c.reference().labels();
        int[] prediction = c.prediction().labels();
        int top = Math.max(check(c.reference(), classes), check(c.prediction(), classes));
        int last = classes > 0 ? classes - 1 : top;
        long[] both = new long[top + 1];
        long[] inReference = new long[top + 1];
        long[] inPrediction = new long[top + 1];
        for (int i = 0; i < reference.length; i++) {
            int g = reference[i];
            int p = prediction[i];
            inReference[g]++;
            inPrediction[p]++;
            if (g == p) {
                both[g]++;
            }
        }
        long voxels = reference.length;
        ClassNumbers absent = ClassNumbers.absent(voxels);
        ClassNumbers[] numbers = new ClassNumbers[last];
        boolean[][] masks = new boolean[2][]; // one pair for every class of the case: less garbage per case
        for (int k = 1; k <= last; k++) {
            boolean present = k <= top && inReference[k] + inPrediction[k] > 0;
            numbers[k - 1] = present ? numbers(c, k, both[k], inReference[k], inPrediction[k], toleranceMm, masks) : absent;
        }
        return new CaseResult(c.name(), c.spacing(), voxels, numbers);
    }

    /** The largest label of the map, refusing one outside 0 .. classes - 1 when the class count is given. */
    private static int check(LabelMap map, int classes) {
        int max = 0;
        for (int label : map.labels()) {
            if (label < 0) {
                throw new EngineException(map.source() + ": label " + label + " is negative (a class index is 0 or more)");
            }
            max = Math.max(max, label);
        }
        if (max > MAX_CLASS) {
            throw new EngineException(map.source() + ": label " + max + " is above " + MAX_CLASS + ", the largest class index taken");
        }
        if (classes > 0 && max >= classes) {
            throw new EngineException(map.source() + ": holds class " + max + ", but there are " + classes
                    + " classes (0 .. " + (classes - 1) + ")");
        }
        return max;
    }

    private static ClassNumbers numbers(Case c, int k, long tp, long nRef, long nPred, double toleranceMm, boolean[][] masks) {
        long fp = nPred - tp;
        long fn = nRef - tp;
        long tn = c.voxels() - tp - fp - fn;
        double dice = (double) (2 * tp) / (2 * tp + fp + fn);
        double iou = (double) tp / (tp + fp + fn);
        masks[0] = mask(c.reference().labels(), k, masks[0]);
        masks[1] = mask(c.prediction().labels(), k, masks[1]);
        SurfaceMetrics surface = SurfaceMetrics.compute(masks[0], masks[1], c.reference().shape(), c.spacing());
        return new ClassNumbers(tp, fp, fn, tn, dice, iou, surface.hd(), surface.hd95(), surface.assd(),
                surface.nsd(toleranceMm));
    }

    /** The surface distances of class k of a case (the audit's, with the case's spacing), for checks against a reference. */
    public static SurfaceMetrics surface(Case c, int k) {
        return SurfaceMetrics.compute(mask(c.reference().labels(), k, null), mask(c.prediction().labels(), k, null),
                c.reference().shape(), c.spacing());
    }

    /** The voxels of class k of a label map. */
    public static boolean[] mask(LabelMap map, int k) {
        return mask(map.labels(), k, null);
    }

    /** The voxels of class k, in {@code reuse} when it is not null. */
    private static boolean[] mask(int[] labels, int k, boolean[] reuse) {
        boolean[] mask = reuse != null ? reuse : new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            mask[i] = labels[i] == k;
        }
        return mask;
    }
}

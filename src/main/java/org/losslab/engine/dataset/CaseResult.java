package org.losslab.engine.dataset;

/**
 * The numbers of one case: its name, the spacing its distances used (mm per axis, in the order of its shape),
 * its voxel count and, for classes 1, 2, ..., its {@link ClassNumbers}. A class beyond those computed is absent
 * from both masks (the audit's class count comes from the whole folder, known only at its end).
 */
public record CaseResult(String name, double[] spacing, long voxels, ClassNumbers[] classes) {
    /** The numbers of class {@code c} (1-based). */
    public ClassNumbers of(int c) {
        return c <= classes.length ? classes[c - 1] : ClassNumbers.absent(voxels);
    }

    /** The largest class with a voxel in either mask (0: none). */
    public int maxClass() {
        for (int c = classes.length; c >= 1; c--) {
            if (classes[c - 1].nRef() + classes[c - 1].nPred() > 0) {
                return c;
            }
        }
        return 0;
    }
}

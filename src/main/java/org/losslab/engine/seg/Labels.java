package org.losslab.engine.seg;

import org.losslab.engine.EngineException;

/**
 * The target of a scene as one-hot truth and validity per element (C x H x W), for one loss's
 * {@code ignore_index}. Multiclass targets become one channel per class; an ignored pixel is invalid in
 * every channel.
 */
public final class Labels {
    private final byte[] truth;
    private final byte[] valid;
    private final int validCount;

    private Labels(byte[] truth, byte[] valid, int validCount) {
        this.truth = truth;
        this.valid = valid;
        this.validCount = validCount;
    }

    /**
     * @param ignoreIndex the loss's ignore_index, or null
     * @param owner       the loss name, for error messages
     * @throws EngineException for a target value that is neither a label of the mode nor ignored
     */
    public static Labels of(SegmentationData data, Long ignoreIndex, String owner) {
        int c = data.channels();
        int n = data.pixels();
        int[] target = data.target();
        byte[] truth = new byte[c * n];
        byte[] valid = new byte[c * n];
        int validCount = 0;
        if (data.mode() == SegMode.MULTICLASS) {
            for (int i = 0; i < n; i++) {
                int label = target[i];
                if (ignoreIndex != null && label == ignoreIndex) {
                    continue;
                }
                if (label < 0 || label >= c) {
                    throw new EngineException(owner + ": segmentation.target[" + i + "] = " + label
                            + " is not a class index in 0.." + (c - 1) + ignoredHint(ignoreIndex));
                }
                truth[label * n + i] = 1;
                for (int k = 0; k < c; k++) {
                    valid[k * n + i] = 1;
                }
                validCount += c;
            }
        } else {
            for (int i = 0; i < c * n; i++) {
                int label = target[i];
                if (ignoreIndex != null && label == ignoreIndex) {
                    continue;
                }
                if (label != 0 && label != 1) {
                    throw new EngineException(owner + ": segmentation.target[" + i + "] = " + label
                            + " is neither 0 nor 1" + ignoredHint(ignoreIndex));
                }
                truth[i] = (byte) label;
                valid[i] = 1;
                validCount++;
            }
        }
        return new Labels(truth, valid, validCount);
    }

    private static String ignoredHint(Long ignoreIndex) {
        return ignoreIndex == null ? " (set ignore_index to ignore it)" : " nor ignore_index " + ignoreIndex;
    }

    /** 1 where element (c, y, x) belongs to channel c's foreground, else 0. */
    public int truth(int index) {
        return truth[index];
    }

    /** 1 where the element counts, 0 where ignored. */
    public int valid(int index) {
        return valid[index];
    }

    /** The number of valid elements over all channels. */
    public int validCount() {
        return validCount;
    }

    public byte[] truthArray() {
        return truth;
    }

    public byte[] validArray() {
        return valid;
    }
}

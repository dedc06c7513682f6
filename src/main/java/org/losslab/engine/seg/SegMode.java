package org.losslab.engine.seg;

import org.losslab.engine.EngineException;

/** The three segmentation modes of smp: one foreground channel, exclusive classes, independent labels. */
public enum SegMode {
    BINARY("binary"), MULTICLASS("multiclass"), MULTILABEL("multilabel");

    private final String key;

    SegMode(String key) {
        this.key = key;
    }

    /** The name used in scene files. */
    public String key() {
        return key;
    }

    public static SegMode parse(String key) {
        for (SegMode mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        throw new EngineException("segmentation.mode: expected \"binary\", \"multiclass\" or \"multilabel\", got \"" + key + "\"");
    }

    /** Whether each channel goes through its own sigmoid (binary, multilabel) rather than a softmax. */
    public boolean sigmoid() {
        return this != MULTICLASS;
    }
}

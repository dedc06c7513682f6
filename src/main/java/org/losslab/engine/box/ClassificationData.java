package org.losslab.engine.box;

import org.losslab.engine.EngineException;

/** Per-anchor binary classification: logits and targets in [0, 1] (usually 0 or 1). */
public final class ClassificationData {
    private final double[] logits;
    private final double[] target;

    public ClassificationData(double[] logits, double[] target) {
        if (logits.length != target.length) {
            throw new EngineException("classification.target: expected " + logits.length
                    + " values (as many as classification.logits), got " + target.length);
        }
        for (int i = 0; i < target.length; i++) {
            if (target[i] < 0 || target[i] > 1) {
                throw new EngineException("classification.target[" + i + "]: " + target[i] + " is outside [0, 1]");
            }
        }
        this.logits = logits;
        this.target = target;
    }

    public double[] logits() {
        return logits;
    }

    public double[] target() {
        return target;
    }
}

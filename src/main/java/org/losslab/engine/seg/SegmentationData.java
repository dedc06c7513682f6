package org.losslab.engine.seg;

import org.losslab.engine.EngineException;

/**
 * A segmentation scene for one image: C x H x W predictions (logits, or probabilities for losses with
 * {@code from_logits=false}) in row-major (c, y, x) order, and the target (H x W class indices or 0/1
 * values; C x H x W 0/1 values in multilabel mode). The arrays are shared, not copied: callers that
 * edit them (the painting workspace) own the synchronisation.
 */
public final class SegmentationData {
    private final SegMode mode;
    private final int channels;
    private final int height;
    private final int width;
    private final double[] prediction;
    private final int[] target;

    public SegmentationData(SegMode mode, int channels, int height, int width, double[] prediction, int[] target) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new EngineException("segmentation.shape: every dimension must be at least 1, got ["
                    + channels + ", " + height + ", " + width + "]");
        }
        if (mode == SegMode.BINARY && channels != 1) {
            throw new EngineException("segmentation.shape: binary mode needs C = 1, got C = " + channels);
        }
        if (mode == SegMode.MULTICLASS && channels < 2) {
            throw new EngineException("segmentation.shape: multiclass mode needs C >= 2, got C = " + channels);
        }
        long n = (long) channels * height * width;
        if (n > 64L * 1024 * 1024) {
            throw new EngineException("segmentation.shape: " + n + " values is more than LossLab handles");
        }
        if (prediction.length != n) {
            throw new EngineException("segmentation.prediction: expected C*H*W = " + n + " numbers, got " + prediction.length);
        }
        long targetLength = mode == SegMode.MULTILABEL ? n : (long) height * width;
        if (target.length != targetLength) {
            throw new EngineException("segmentation.target: expected " + (mode == SegMode.MULTILABEL ? "C*H*W" : "H*W")
                    + " = " + targetLength + " values, got " + target.length);
        }
        this.mode = mode;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.prediction = prediction;
        this.target = target;
    }

    public SegMode mode() {
        return mode;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** H x W. */
    public int pixels() {
        return height * width;
    }

    /** The prediction array itself (not a copy). */
    public double[] prediction() {
        return prediction;
    }

    /** The target array itself (not a copy). */
    public int[] target() {
        return target;
    }

    /** A deep copy, for undo snapshots and sweeps that rescale the prediction. */
    public SegmentationData copy() {
        return new SegmentationData(mode, channels, height, width, prediction.clone(), target.clone());
    }

    /** The same target with another prediction of the same shape. */
    public SegmentationData withPrediction(double[] newPrediction) {
        return new SegmentationData(mode, channels, height, width, newPrediction, target);
    }
}

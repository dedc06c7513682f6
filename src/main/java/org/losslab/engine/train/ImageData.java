package org.losslab.engine.train;

import org.losslab.engine.EngineException;

/**
 * The scene's optional {@code image} block: K feature planes of H x W (intensities, or any per-pixel
 * features), the inputs of the {@code pixel} model.
 */
public record ImageData(int features, int height, int width, double[] data) {
    public ImageData {
        if (features < 1 || height < 1 || width < 1) {
            throw new EngineException("image.shape: every dimension must be at least 1, got [" + features + ", " + height
                    + ", " + width + "]");
        }
        long n = (long) features * height * width;
        if (n > 64L * 1024 * 1024) {
            throw new EngineException("image.shape: " + n + " values is more than LossLab handles");
        }
        if (data.length != n) {
            throw new EngineException("image.data: expected K*H*W = " + n + " numbers, got " + data.length);
        }
    }

    /** The pixel model over these features, checked against the segmentation block's size. */
    public PixelModel model(int sceneHeight, int sceneWidth) {
        if (height != sceneHeight || width != sceneWidth) {
            throw new EngineException("image.shape: H x W = " + height + " x " + width + " must equal the segmentation's "
                    + sceneHeight + " x " + sceneWidth);
        }
        return new PixelModel(features, height * width, data);
    }
}

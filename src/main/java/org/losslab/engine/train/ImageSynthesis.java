package org.losslab.engine.train;

import java.util.Random;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegmentationData;

/**
 * An image for the pixel model made from a painted ground truth: one intensity inside the object, another
 * outside, Gaussian noise, then a few passes of a 3 x 3 box blur (which softens the boundary the model
 * must find). Deterministic for a seed.
 */
public final class ImageSynthesis {
    private ImageSynthesis() {
    }

    public static ImageData fromTarget(SegmentationData scene, double object, double background, double noise, int blur,
                                       long seed) {
        if (!(noise >= 0) || blur < 0 || blur > 20) {
            throw new EngineException("image: noise must be at least 0 and blur between 0 and 20 passes");
        }
        int h = scene.height();
        int w = scene.width();
        Random random = new Random(seed);
        double[] data = new double[h * w];
        for (int i = 0; i < data.length; i++) {
            data[i] = (scene.target()[i] == 1 ? object : background) + noise * random.nextGaussian();
        }
        double[] scratch = new double[data.length];
        for (int pass = 0; pass < blur; pass++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int count = 0;
                    for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
                        for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
                            sum += data[dy * w + dx];
                            count++;
                        }
                    }
                    scratch[y * w + x] = sum / count;
                }
            }
            System.arraycopy(scratch, 0, data, 0, data.length);
        }
        return new ImageData(1, h, w, data);
    }
}

package org.losslab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The pixel model's image from a painted mask: intensities, noise, blur, seed. */
class ImageSynthesisTest {
    private static SegmentationData halfAndHalf() {
        int[] t = new int[8 * 8];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 8 < 4 ? 1 : 0;
        }
        return new SegmentationData(SegMode.BINARY, 1, 8, 8, new double[64], t);
    }

    @Test
    void withoutNoiseOrBlurTheImageIsTheMaskInTwoIntensities() {
        ImageData image = ImageSynthesis.fromTarget(halfAndHalf(), 0.8, 0.2, 0, 0, 1);
        assertEquals(0.8, image.data()[0], 0.0);
        assertEquals(0.2, image.data()[7], 0.0);
    }

    @Test
    void blurSoftensTheEdgeAndTheSeedMakesItRepeatable() {
        double[] blurred = ImageSynthesis.fromTarget(halfAndHalf(), 1, 0, 0, 1, 1).data();
        // the 3 x 3 mean at the last column inside sees 2 of its 3 columns inside, at the first outside 1 of 3
        assertEquals(2.0 / 3, blurred[3 * 8 + 3], 1e-12);
        assertEquals(1.0 / 3, blurred[3 * 8 + 4], 1e-12);
        assertArrayEquals(ImageSynthesis.fromTarget(halfAndHalf(), 0.6, 0.4, 0.1, 2, 7).data(),
                ImageSynthesis.fromTarget(halfAndHalf(), 0.6, 0.4, 0.1, 2, 7).data(), 0.0);
    }
}

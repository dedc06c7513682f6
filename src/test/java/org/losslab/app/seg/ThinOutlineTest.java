package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The ground truth's outline of a structure one or two pixels thick is translucent (it is the whole structure, and an
 * opaque one hid a thin vessel's map entirely, issue 22), while a thick object's outline stays opaque.
 */
class ThinOutlineTest {
    private static int alpha(int argb) {
        return argb >>> 24;
    }

    @Test
    void aTwoPixelVesselShowsThroughAndAThickBlockDoesNot() {
        int w = 16;
        int h = 12;
        int[] target = new int[w * h];
        for (int x = 1; x < 15; x++) { // a vessel 2 pixels thick on rows 1 and 2
            target[w + x] = 1;
            target[2 * w + x] = 1;
        }
        for (int y = 5; y < 11; y++) { // a 6 x 6 block
            for (int x = 5; x < 11; x++) {
                target[y * w + x] = 1;
            }
        }
        SegmentationData d = new SegmentationData(SegMode.BINARY, 1, h, w, new double[w * h], target);
        int[] out = Overlays.target(d, 0);
        for (int x = 1; x < 15; x++) {
            assertEquals(Overlays.THIN_ALPHA, alpha(out[w + x]), "vessel pixel " + x);
            assertEquals(Overlays.THIN_ALPHA, alpha(out[2 * w + x]), "vessel pixel " + x);
        }
        // the block's border (20 pixels) is outlined opaque; its inside (4 x 4) is not outlined
        int opaque = 0;
        int inside = 0;
        for (int y = 5; y < 11; y++) {
            for (int x = 5; x < 11; x++) {
                int a = alpha(out[y * w + x]);
                opaque += a == 0xFF ? 1 : 0;
                inside += a == 0 ? 1 : 0;
            }
        }
        assertEquals(20, opaque);
        assertEquals(16, inside);
        assertEquals(0, alpha(out[0]), "background is not outlined");
    }
}

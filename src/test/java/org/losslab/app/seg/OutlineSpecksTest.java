package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The prediction's dashed outline leaves out specks of noise, which would otherwise hide the map (issue 22 item 11). */
class OutlineSpecksTest {
    @Test
    void regionsBelowTheSizeLoseTheirLabelAndOthersKeepIt() {
        int w = 10;
        int h = 6;
        String[] rows = {
            "1100000222",
            "0000000222",
            "0110000222",
            "0110300000",
            "0000300001",
            "0000000001"};
        int[] label = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                label[y * w + x] = rows[y].charAt(x) - '0';
            }
        }
        Overlays.dropSpecks(label, w, h, 4);
        // kept: the 2 x 2 block of 1 (4 pixels) and the 3 x 3 block of 2; gone: the pair at the top left, the
        // vertical pair of 3 and the pair of 1 at the right edge (2 pixels each)
        String[] expected = {
            "0000000222",
            "0000000222",
            "0110000222",
            "0110000000",
            "0000000000",
            "0000000000"};
        int[] want = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                want[y * w + x] = expected[y].charAt(x) - '0';
            }
        }
        assertArrayEquals(want, label);
    }

    @Test
    void theThresholdGrowsWithTheScene() {
        assertEquals(9, Overlays.minOutlined(256 * 256 / 10));
        assertEquals(1024 * 1024 / 4000, Overlays.minOutlined(1024 * 1024));
    }
}

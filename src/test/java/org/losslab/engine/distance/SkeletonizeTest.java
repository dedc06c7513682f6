package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.losslab.scene.Json;

/**
 * The hard skeleton is scikit-image 0.19.3's, pixel for pixel: 60 masks (noise, blobs, discs, rings,
 * crossing lines) skeletonised by scikit-image itself (test resource skeletons/skimage-0.19.3.json).
 */
class SkeletonizeTest {

    @Test
    void everySkeletonIsScikitImages() throws Exception {
        JsonNode cases;
        try (InputStream in = SkeletonizeTest.class.getResourceAsStream("/skeletons/skimage-0.19.3.json")) {
            cases = Json.MAPPER.readTree(in).get("cases");
        }
        assertTrue(cases.size() >= 60);
        int k = 0;
        for (JsonNode c : cases) {
            int h = c.get("height").asInt();
            int w = c.get("width").asInt();
            boolean[] mask = bits(c.get("mask").asText());
            boolean[] expected = bits(c.get("skeleton").asText());
            assertArrayEquals(expected, Skeletonize.skeleton(mask, h, w), "case " + k++ + " (" + h + " x " + w + ")");
        }
    }

    @Test
    void aOnePixelLineIsItsOwnSkeletonAndAFilledSquareShrinksToFewPixels() {
        int h = 7;
        int w = 12;
        boolean[] line = new boolean[h * w];
        for (int x = 1; x < 11; x++) {
            line[3 * w + x] = true;
        }
        assertArrayEquals(line, Skeletonize.skeleton(line, h, w));
        boolean[] square = new boolean[h * w];
        for (int y = 1; y < 6; y++) {
            for (int x = 3; x < 8; x++) {
                square[y * w + x] = true;
            }
        }
        int kept = 0;
        for (boolean b : Skeletonize.skeleton(square, h, w)) {
            kept += b ? 1 : 0;
        }
        assertTrue(kept >= 1 && kept <= 5, "a 5 x 5 square thins to a point or a short line, kept " + kept);
    }

    private static boolean[] bits(String s) {
        boolean[] out = new boolean[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.charAt(i) == '1';
        }
        return out;
    }
}

package org.losslab.engine.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Polygon rasterisation and rleToBbox against maskApi on random cases recorded with the official pycocotools
 * (coco/raster.json, bench/coco/make_raster_cases.py): 1,200 polygons anywhere on small images, many with
 * crossings that tie on the half-pixel or the 5x grid (where the column test and the row's ceiling must decide as
 * maskApi's doubles do), and 600 run lists with empty runs and runs over several columns.
 */
class PolygonRasterTest {
    private static JsonNode cases() throws Exception {
        try (InputStream in = PolygonRasterTest.class.getResourceAsStream("/coco/raster.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void polygonsGiveMaskApisRuns() throws Exception {
        PolygonRaster raster = new PolygonRaster();
        int k = 0;
        for (JsonNode c : cases().get("polygons")) {
            double[] xy = new double[c.get("xy").size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = c.get("xy").get(i).asDouble();
            }
            IntList runs = new IntList(16);
            int m = raster.polygon(xy, 0, xy.length / 2, c.get("h").asInt(), c.get("w").asInt(), runs);
            assertEquals(c.get("counts").asText(), Rle.toCompressedString(runs.array(), 0, m), "polygon " + k);
            k++;
        }
        assertEquals(1200, k);
    }

    @Test
    void boxesOfRunListsAreMaskApis() throws Exception {
        int k = 0;
        for (JsonNode c : cases().get("rles")) {
            int[] counts = new int[c.get("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = c.get("counts").get(i).asInt();
            }
            double[] box = new double[4];
            Rle.toBbox(counts, 0, counts.length, c.get("h").asInt(), c.get("w").asInt(), box, 0);
            double[] expected = new double[4];
            for (int i = 0; i < 4; i++) {
                expected[i] = c.get("bbox").get(i).asDouble();
            }
            assertArrayEquals(expected, box, 0, "run list " + k);
            k++;
        }
        assertEquals(600, k);
    }
}

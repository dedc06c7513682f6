package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The surface metrics of CONTRACTS_V3 section 2 on 40 random 2-D and 3-D mask pairs with anisotropic spacing
 * (blobs, single voxels, masks on the border, empty ones), against scipy's EDT in float64 whose numbers were
 * checked against MONAI's own functions (src/test/python/record_surface_metrics.py).
 */
class SurfaceMetricsRecordedTest {
    @Test
    void everyRecordedPairGivesScipysNumbers() throws Exception {
        JsonNode root;
        try (InputStream in = SurfaceMetricsTest.class.getResourceAsStream("/audit/surface-metrics.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            int[] shape = ints(c.get("shape"));
            double[] spacing = new double[shape.length];
            for (int a = 0; a < spacing.length; a++) {
                spacing[a] = c.get("spacing").get(a).doubleValue();
            }
            int voxels = 1;
            for (int s : shape) {
                voxels *= s;
            }
            SurfaceMetrics m = SurfaceMetrics.compute(mask(c.get("reference"), voxels), mask(c.get("prediction"), voxels), shape, spacing);
            String where = "case " + checked + " " + c.get("shape") + " " + c.get("spacing");
            // float64 to the last bit but for the order of ASSD's sum, which is the implementation's choice
            // a 3-D sum of squared steps is added in the reference array's axis order: the last bit may differ
            assertEquals(expected(c.get("hd")), m.hd(), 2 * Math.ulp(expected(c.get("hd"))), where + " hd");
            assertEquals(expected(c.get("hd95")), m.hd95(), 1e-12, where + " hd95");
            assertEquals(expected(c.get("assd")), m.assd(), 1e-12, where + " assd");
            assertEquals(expected(c.get("nsd")), m.nsd(c.get("tolerance").doubleValue()), 0, where + " nsd");
            checked++;
        }
        assertEquals(40, checked);
    }

    private static boolean[] mask(JsonNode indices, int voxels) {
        boolean[] mask = new boolean[voxels];
        for (JsonNode i : indices) {
            mask[i.intValue()] = true;
        }
        return mask;
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).intValue();
        }
        return out;
    }

    static double expected(JsonNode v) {
        return v.isNull() ? Double.NaN : v.isTextual() ? Double.POSITIVE_INFINITY : v.doubleValue();
    }
}

package org.losslab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Sums and means bit for bit as numpy's, recorded by numpy 1.24 for lengths 0 to 4099 (record_surface_metrics.py). */
class PairwiseSumTest {
    @Test
    void sumsAndMeansAreNumpysToTheLastBit() throws Exception {
        JsonNode root;
        try (InputStream in = PairwiseSumTest.class.getResourceAsStream("/audit/surface-metrics.json")) {
            root = new ObjectMapper().readTree(in);
        }
        boolean differsFromALoop = false;
        for (JsonNode s : root.get("sums")) {
            double[] values = new double[s.get("values").size()];
            double loop = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = s.get("values").get(i).doubleValue();
                loop += values[i];
            }
            assertEquals(s.get("sum").doubleValue(), PairwiseSum.sum(values, 0, values.length), 0, values.length + " values");
            if (values.length > 0) {
                assertEquals(s.get("mean").doubleValue(), PairwiseSum.mean(values, values.length), 0, values.length + " values");
            }
            differsFromALoop |= loop != s.get("sum").doubleValue();
        }
        // the test could fail: a plain loop does not give numpy's sums
        assertEquals(true, differsFromALoop);
    }

    @Test
    void nanMeanLeavesNansOutOfTheCountAndIsNanWhenAllAre() {
        assertEquals(2.0, PairwiseSum.nanMean(new double[] {1, Double.NaN, 3}), 0);
        assertEquals(Double.NaN, PairwiseSum.nanMean(new double[] {Double.NaN, Double.NaN}), 0);
    }
}

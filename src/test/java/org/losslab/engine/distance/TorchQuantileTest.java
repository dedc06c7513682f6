package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link TorchQuantile} against torch.quantile(float32, 0.95) as Debian's PyTorch 1.13 computed it
 * (src/test/python/record_torch_quantile.py), and numpy's float64 percentile, the audit's convention, beside it.
 */
class TorchQuantileTest {
    private static JsonNode recorded() throws Exception {
        try (InputStream in = TorchQuantileTest.class.getResourceAsStream("/volumes/torch_quantile.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The recording's array of n distances (see the script). */
    static double[] distances(int n) {
        double[] d = new double[n];
        for (int m = 0; m < n; m++) {
            double i = (7L * m + n) % 40 * 0.8;
            double j = (13L * m) % 41 * 0.8;
            double k = m % 6 * 5.0;
            d[m] = Math.sqrt(i * i + j * j + k * k);
        }
        return d;
    }

    @Test
    void equalsTorchToTheBitAndNumpyInItsOwnConvention() throws Exception {
        int differFromNumpy = 0;
        for (JsonNode c : recorded().get("cases")) {
            int n = c.get("n").asInt();
            float torch = (float) c.get("torch").asDouble();
            assertEquals(torch, TorchQuantile.quantile(distances(n), 0.95), 0f, "n = " + n);
            double numpy = c.get("numpy").asDouble();
            assertEquals(numpy, SurfaceMetrics.percentile95(distances(n)), 1e-12 * numpy, "numpy, n = " + n);
            differFromNumpy += torch != (float) numpy ? 1 : 0;
        }
        // the float32 rank and lerp move the result off numpy's value rounded to float32: the reason for the emulation
        assertTrue(differFromNumpy > 0, differFromNumpy + " arrays where torch's float32 quantile is not numpy's");
    }

    @Test
    void noValuesGiveNaN() {
        assertTrue(Float.isNaN(TorchQuantile.quantile(new double[0], 0.95)));
    }
}

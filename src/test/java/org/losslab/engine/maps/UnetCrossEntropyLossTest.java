package org.losslab.engine.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Evaluation;
import org.losslab.engine.FiniteDifferences;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * unet_ce (U-Net's weighted cross-entropy) against torch float64 values and autograd gradients with weight maps built
 * by scipy from the paper's definition ({@code unet_ce/reference.py}), and against finite differences at logits of
 * +-1000, on one pixel and on an empty target.
 */
class UnetCrossEntropyLossTest {
    @SuppressWarnings("unchecked")
    private static final LossSpec<SegmentationData> UNET = (LossSpec<SegmentationData>) LossRegistry.get("unet_ce");

    static Stream<JsonNode> torchCases() throws Exception {
        Path file = Path.of(UnetCrossEntropyLossTest.class.getResource("/unet_ce/torch-float64.json").toURI());
        return StreamSupport.stream(new ObjectMapper().readTree(file.toFile()).get("cases").spliterator(), false);
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("torchCases")
    void equalsTorchWithScipysWeightMap(JsonNode c) {
        JsonNode shape = c.get("shape");
        SegmentationData data = new SegmentationData(SegMode.parse(c.get("mode").asText()), shape.get(0).asInt(),
                shape.get(1).asInt(), shape.get(2).asInt(), doubles(c.get("logits")), ints(c.get("target")));
        Map<String, Object> raw = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().isIntegralNumber() ? (Object) e.getValue().asLong() : (Object) e.getValue().asDouble()));
        Evaluation e = UNET.evaluate(data, UNET.bind(raw), true);
        double value = c.get("value").asDouble();
        assertEquals(value, e.value(), 1e-12 * Math.max(1, Math.abs(value)));
        double[] expected = doubles(c.get("gradient"));
        double[] got = e.gradient().get("prediction");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 + 1e-10 * Math.abs(expected[i]), "gradient " + i);
        }
    }

    @Test
    void finiteDifferencesOnTheEdgeCases() {
        SegmentationData[] scenes = {
            new SegmentationData(SegMode.BINARY, 1, 2, 3, new double[] {1000, -1000, 0.4, -3, 2, 0}, new int[] {1, 0, 0, 0, 0, 1}),
            new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {-0.3}, new int[] {1}),
            new SegmentationData(SegMode.BINARY, 1, 2, 2, new double[] {0.1, -2, 3, 0}, new int[4]),
            new SegmentationData(SegMode.MULTICLASS, 3, 1, 3, new double[] {1000, 0.2, -1, 1.5, 0, 1000, 0.3, -0.2, 2},
                    new int[] {0, 2, 1}),
        };
        for (String reduction : new String[] {"mean", "sum"}) {
            Params p = UNET.bind(Map.of("reduction", reduction, "sigma", 2.0));
            for (SegmentationData data : scenes) {
                double[] analytic = UNET.evaluate(data, p, true).gradient().get("prediction");
                double[] numeric = FiniteDifferences.gradient(() -> UNET.evaluate(data, p, false).value(), data.prediction(), 1e-6);
                for (int i = 0; i < analytic.length; i++) {
                    if (Math.abs(data.prediction()[i]) >= 1000) {
                        continue; // finite differences of a saturated logit say nothing; torch's cases hold those
                    }
                    assertEquals(numeric[i], analytic[i], 1e-6, reduction + " element " + i);
                }
            }
        }
    }

    @Test
    void theMapsFollowTheEntrysW0AndSigma() {
        Map<String, Params> params = new LinkedHashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.of(org.losslab.engine.Domains.SEGMENTATION)) {
            params.put(spec.name(), spec.defaults());
        }
        params.put("unet_ce", UNET.bind(Map.of("w0", 30.0, "sigma", 2.0)));
        MapSettings s = MapSettings.fromParams(params);
        assertEquals(30.0, s.unetW0(), 0);
        assertEquals(2.0, s.unetSigma(), 0);
        assertFalse(UNET.appliesTo(new SegmentationData(SegMode.MULTILABEL, 2, 1, 1, new double[2], new int[2])));
    }
}

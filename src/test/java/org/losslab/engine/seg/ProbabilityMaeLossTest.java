package org.losslab.engine.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.FiniteDifferences;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMap;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.Trainer;

/**
 * mae_prob (cross-entropy without the log) against torch's float64 values and autograd gradients recorded by
 * {@code mae_prob/reference.py}, against values worked out by hand, and against finite differences on
 * the edge cases (empty masks, one pixel, logits of +-1000).
 */
class ProbabilityMaeLossTest {
    @SuppressWarnings("unchecked")
    private static final LossSpec<SegmentationData> MAE = (LossSpec<SegmentationData>) LossRegistry.get("mae_prob");

    static Stream<JsonNode> torchCases() throws Exception {
        Path file = Path.of(ProbabilityMaeLossTest.class.getResource("/mae_prob/torch-float64.json").toURI());
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        return StreamSupport.stream(root.get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("torchCases")
    void equalsTorchValuesAndAutogradGradients(JsonNode c) {
        SegMode mode = SegMode.parse(c.get("mode").asText());
        int channels = c.get("shape").get(0).asInt();
        SegmentationData data = new SegmentationData(mode, channels, c.get("shape").get(1).asInt(), c.get("shape").get(2).asInt(),
                doubles(c.get("logits")), ints(c.get("target")));
        Map<String, Object> raw = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> raw.put(e.getKey(),
                e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asText()));
        Evaluation e = MAE.evaluate(data, MAE.bind(raw), true);
        double[] values = doubles(c.get("values"));
        double[] got = e.values();
        assertEquals(values.length, got.length, "number of values");
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], got[i], 1e-12 + 1e-12 * Math.abs(values[i]), "value " + i);
        }
        double[] gradient = doubles(c.get("gradient"));
        double[] analytic = e.gradient().get("prediction");
        for (int i = 0; i < gradient.length; i++) {
            assertEquals(gradient[i], analytic[i], 1e-12 + 1e-10 * Math.abs(gradient[i]), "gradient " + i);
        }
    }

    @Test
    void onePixelIsOneMinusTheProbabilityOfItsLabel() {
        // binary: z = ln 3, p = 0.75; a positive loses 0.25, a negative 0.75; |d/dz| = p (1 - p) = 0.1875
        double z = Math.log(3);
        Evaluation positive = evaluate(new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {z}, new int[] {1}));
        assertEquals(0.25, positive.value(), 1e-15);
        assertEquals(-0.1875, positive.gradient().get("prediction")[0], 1e-15);
        Evaluation negative = evaluate(new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {z}, new int[] {0}));
        assertEquals(0.75, negative.value(), 1e-15);
        assertEquals(0.1875, negative.gradient().get("prediction")[0], 1e-15);
        // multiclass, logits (ln 2, 0, ln 1) -> p = (1/2, 1/4, 1/4), true class 1: 1 - p_t = 3/4 = (1/4 + 3/4 + 1/4) / 2
        double[] logits = {Math.log(2), 0, 0};
        Evaluation three = evaluate(new SegmentationData(SegMode.MULTICLASS, 3, 1, 1, logits, new int[] {1}));
        assertEquals(0.75, three.value(), 1e-15);
        // d/dz_c = p_t (p_c - [c = t]) = 1/4 (1/2, 1/4 - 1, 1/4)
        double[] g = three.gradient().get("prediction");
        assertEquals(0.125, g[0], 1e-15);
        assertEquals(-0.1875, g[1], 1e-15);
        assertEquals(0.0625, g[2], 1e-15);
    }

    @Test
    void ignoredPixelsDoNotCountAndNoneValidGivesZero() {
        double[] x = {0.3, -2, 1};
        SegmentationData data = new SegmentationData(SegMode.BINARY, 1, 1, 3, x, new int[] {1, 255, 0});
        Evaluation e = MAE.evaluate(data, MAE.bind(Map.of("ignore_index", 255L)), true);
        double expected = (Activations.sigmoid(-0.3) + Activations.sigmoid(1)) / 2;
        assertEquals(expected, e.value(), 1e-15);
        assertEquals(0.0, e.gradient().get("prediction")[1], 0.0);
        SegmentationData none = new SegmentationData(SegMode.BINARY, 1, 1, 2, new double[] {1, 2}, new int[] {255, 255});
        Evaluation empty = MAE.evaluate(none, MAE.bind(Map.of("ignore_index", 255L)), true);
        assertEquals(0.0, empty.value(), 0.0);
        assertEquals(0.0, empty.gradient().get("prediction")[0], 0.0);
        EngineException error = assertThrows(EngineException.class, () -> MAE.evaluate(data, MAE.defaults(), false));
        assertTrue(error.getMessage().startsWith("mae_prob: segmentation.target[1] = 255"), error.getMessage());
    }

    @Test
    void edgeCasesMatchFiniteDifferencesInEveryMode() {
        SegmentationData[] scenes = {
            new SegmentationData(SegMode.BINARY, 1, 2, 2, new double[] {1000, -1000, 0.4, -3}, new int[4]),
            new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {-1000}, new int[] {1}),
            new SegmentationData(SegMode.MULTILABEL, 2, 1, 2, new double[] {2, -1000, 1000, 0.1}, new int[] {0, 1, 1, 0}),
            new SegmentationData(SegMode.MULTICLASS, 3, 1, 2, new double[] {1000, 0.2, -1000, 1.5, 0, 1000}, new int[] {0, 0}),
            new SegmentationData(SegMode.MULTICLASS, 2, 1, 1, new double[] {-0.7, 0.9}, new int[] {1}),
        };
        for (String reduction : new String[] {"mean", "sum"}) {
            Params p = MAE.bind(Map.of("reduction", reduction));
            for (SegmentationData data : scenes) {
                double[] analytic = MAE.evaluate(data, p, true).gradient().get("prediction");
                double[] numeric = FiniteDifferences.gradient(() -> MAE.evaluate(data, p, false).value(), data.prediction(), 1e-6);
                for (int i = 0; i < analytic.length; i++) {
                    assertTrue(Double.isFinite(analytic[i]));
                    assertEquals(numeric[i], analytic[i], 1e-8, data.mode() + " " + reduction + " element " + i);
                }
            }
        }
    }

    @Test
    void theValueIsBoundedByOneWhereCrossEntropyIsNot() {
        // a confident mistake: -log p_t is 1000, this loss 1, and its gradient 0 (the mistake no longer pulls)
        SegmentationData miss = new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {-1000}, new int[] {1});
        Evaluation e = evaluate(miss);
        assertEquals(1.0, e.value(), 0.0);
        assertEquals(0.0, e.gradient().get("prediction")[0], 0.0);
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> bce = (LossSpec<SegmentationData>) LossRegistry.get("bce");
        assertEquals(1000.0, bce.evaluate(miss, bce.defaults(), false).value(), 1e-9);
    }

    @Test
    void itsMapsComeFromTheRegistryAndItTrains() {
        // a scene with ignored pixels, as painted in the app: the maps leave the ignore label out by themselves
        double[] x = {0.5, -1, 2, 0.1, -0.3, 1.5};
        int[] target = {1, 0, 255, 1, 0, 0};
        SegmentationData data = new SegmentationData(SegMode.BINARY, 1, 2, 3, x, target);
        PixelMap values = PixelMaps.compute(MapKind.parse("value-mae-prob"), data, MapSettings.defaults());
        PixelMap gradient = PixelMaps.compute(MapKind.parse("grad-mae-prob"), data, MapSettings.defaults());
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-x[i]));
            double pt = target[i] == 1 ? p : 1 - p;
            assertEquals(target[i] == 255 ? 0 : 1 - pt, values.values()[i], 1e-15, "value at " + i);
            double expected = target[i] == 255 ? 0 : (target[i] == 1 ? -1 : 1) * p * (1 - p) / 5;
            assertEquals(expected, gradient.values()[i], 1e-15, "gradient at " + i);
        }
        // plain gradient descent on the logits lowers it step after step
        SegmentationData clean = new SegmentationData(SegMode.BINARY, 1, 2, 3, x.clone(), new int[] {1, 0, 1, 1, 0, 0});
        Trainer trainer = new Trainer(clean, new LogitsModel(clean.prediction()), Optimizer.of("sgd", 5), MAE, MAE.defaults());
        double before = trainer.loss();
        double last = before;
        for (int s = 0; s < 20; s++) {
            trainer.step();
            assertTrue(trainer.loss() < last, "step " + s + ": " + trainer.loss() + " after " + last);
            last = trainer.loss();
        }
        assertTrue(last < before / 2, before + " -> " + last);
    }

    private static Evaluation evaluate(SegmentationData data) {
        return MAE.evaluate(data, MAE.defaults(), true);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}

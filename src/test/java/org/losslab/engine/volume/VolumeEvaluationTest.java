package org.losslab.engine.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.GridEvaluator;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * The registry's entries on whole volumes against torch (smp's formulas over every voxel) and MONAI's 3-D distances
 * with spacing, recorded by {@code volume_registry/record.py} on small cases: anisotropic spacing, binary and
 * 3-class, an empty prediction, single voxels in opposite corners, masks on the border, a missed class; MONAI's
 * HausdorffDTLoss on the 3-D input for the entries with a definition on the voxel grid.
 */
class VolumeEvaluationTest {
    /** The recording's keys: the entry and the parameters it was computed with. */
    private static final Map<String, Object[]> KEYS = Map.of(
            "tversky_a0.3_b0.7_g1.5", new Object[] {"tversky", Map.of("alpha", 0.3, "beta", 0.7, "gamma", 1.5)},
            "hausdorff_distance_p95", new Object[] {"hausdorff_distance", Map.of("percentile", 95.0)},
            "surface_dice_2mm", new Object[] {"surface_dice", Map.of("tolerance", 2.0)});

    static Stream<JsonNode> cases() throws Exception {
        Path file = Path.of(VolumeEvaluationTest.class.getResource("/volume_registry/volume_cases.json").toURI());
        return StreamSupport.stream(JSON.readTree(file.toFile()).get("cases").spliterator(), false);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int[] ints(JsonNode array) {
        return JSON.convertValue(array, int[].class);
    }

    private static VolumePair pair(JsonNode c) {
        int[] shape = ints(c.get("shape"));
        double[] spacing = JSON.convertValue(c.get("spacing"), double[].class);
        return new VolumePair(LabelVolume.of("truth", shape, spacing, ints(c.get("truth"))),
                LabelVolume.of("prediction", shape, spacing, ints(c.get("prediction"))));
    }

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRecordedValueIsTheReferences(JsonNode c) {
        VolumePair pair = pair(c);
        assertEquals(c.get("classes").asInt(), pair.classes(), "the case's classes");
        VolumeEvaluation evaluation = VolumeEvaluation.of(pair);
        var fields = c.get("values").fields();
        int checked = 0;
        while (fields.hasNext()) {
            var field = fields.next();
            Object[] key = KEYS.getOrDefault(field.getKey(), new Object[] {field.getKey(), Map.of()});
            LossSpec<SegmentationData> spec = spec((String) key[0]);
            Params params = spec.bind((Map<String, ?>) key[1]);
            VolumeEvaluation.Value v = evaluation.value(spec, params);
            String where = c.get("name").asText() + " " + field.getKey();
            if (field.getValue().isNull()) {
                // MONAI's infinite distance (a side empty): the entry says why instead of a number
                assertTrue(Double.isNaN(v.value()), where + ": " + v.value());
                assertTrue(v.message().contains("empty"), where + ": " + v.message());
            } else {
                double expected = field.getValue().asDouble();
                // MONAI computes distances in float32 (its HausdorffDTLoss's fields too); torch's losses are float64
                double tolerance = spec.has(Role.SURFACE_3D) ? 2e-6 * Math.max(1, Math.abs(expected))
                        : spec.evaluator() instanceof GridEvaluator<?> ? 1e-7 * Math.max(1, Math.abs(expected)) : 1e-12;
                assertEquals(expected, v.value(), tolerance, where + " (" + v.message() + ")");
                assertEquals(spec.has(Role.SURFACE_3D) && !spec.name().equals("surface_dice") ? "mm" : "", v.unit(), where);
            }
            checked++;
        }
        assertTrue(checked >= 16, "values checked: " + checked);
    }

    /** Stacks a volume's axial slice scenes into one 2-D scene, as a brute force of "the same formula over every voxel". */
    private static SegmentationData stacked(VolumePair pair) {
        int[] shape = pair.labels().shape();
        int n = shape[0] * shape[1] * shape[2];
        int per = shape[1] * shape[2];
        SegmentationData first = pair.sliceScene(SliceAxis.AXIAL, 0);
        int channels = first.channels();
        double[] logits = new double[channels * n];
        int[] target = new int[n];
        for (int z = 0; z < shape[0]; z++) {
            SegmentationData s = pair.sliceScene(SliceAxis.AXIAL, z);
            System.arraycopy(s.target(), 0, target, z * per, per);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(s.prediction(), c * per, logits, c * n + z * per, per);
            }
        }
        return new SegmentationData(first.mode(), channels, shape[0] * shape[1], shape[2], logits, target);
    }

    @Test
    void voxelwiseEntriesEqualTheirValueOnTheStackedSlicesWithNonDefaultParameters() {
        Random random = new Random(26);
        for (int trial = 0; trial < 6; trial++) {
            int[] shape = {1 + random.nextInt(4), 2 + random.nextInt(6), 2 + random.nextInt(6)};
            int classes = trial % 2 == 0 ? 2 : 4;
            int n = shape[0] * shape[1] * shape[2];
            int[] truth = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(classes);
                predicted[i] = random.nextDouble() < 0.7 ? truth[i] : random.nextInt(classes);
            }
            truth[0] = classes - 1; // every class present, so the pair's mode is the one meant
            double[] spacing = {4, 0.7, 0.8};
            VolumePair pair = new VolumePair(LabelVolume.of("t", shape, spacing, truth), LabelVolume.of("p", shape, spacing, predicted));
            SegmentationData flat = stacked(pair);
            VolumeEvaluation evaluation = VolumeEvaluation.of(pair);
            for (LossSpec<SegmentationData> spec : LossRegistry.withRole(Role.VOXELWISE, Domains.SEGMENTATION)) {
                List<Map<String, Object>> settings = new ArrayList<>(List.of(Map.of()));
                if (spec.params().stream().anyMatch(p -> p.name().equals("reduction"))
                        && spec.params().stream().anyMatch(p -> p.name().equals("zero_division"))) {
                    settings.add(Map.of("reduction", "macro", "threshold", 0.3));
                    settings.add(Map.of("reduction", "none", "ignore_index", 1L));
                }
                if (spec.params().stream().anyMatch(p -> p.name().equals("smooth"))) {
                    settings.add(Map.of("smooth", 1.5, "ignore_index", 0L));
                }
                for (Map<String, Object> raw : settings) {
                    Params params = spec.bind(raw);
                    VolumeEvaluation.Value v = evaluation.value(spec, params);
                    if (!spec.appliesTo(flat)) {
                        assertTrue(v.message().contains(spec.requirement()), spec.name());
                        continue;
                    }
                    double expected = spec.evaluate(flat, params, false).value();
                    assertEquals(expected, v.value(), 1e-12 * Math.max(1, Math.abs(expected)), spec.name() + " " + raw + " trial " + trial);
                }
            }
        }
    }

    @Test
    void aSoftPredictionsMetricsThresholdItsProbabilitiesAtTheEntrysThreshold() {
        // 2 x 3 x 4 voxels, probabilities spread over (0, 1) away from the thresholds; recall counted by hand
        int[] shape = {2, 3, 4};
        int n = 24;
        int[] truth = new int[n];
        float[] probability = new float[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3 == 0 ? 1 : 0;
            probability[i] = (i * 7 % n + 0.5f) / n;
        }
        double[] spacing = {3, 1, 1};
        VolumePair pair = VolumePair.soft(LabelVolume.of("t", shape, spacing, truth),
                new ProbabilityVolume("p", shape, probability), spacing, Orientation.unknown("test"));
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> recall = (LossSpec<SegmentationData>) LossRegistry.get("recall");
        for (double threshold : new double[] {0.3, 0.5, 0.8}) {
            int tp = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                if (truth[i] == 1) {
                    if (probability[i] >= threshold) {
                        tp++;
                    } else {
                        fn++;
                    }
                }
            }
            double value = VolumeEvaluation.of(pair).value(recall, recall.bind(Map.of("threshold", threshold))).value();
            assertEquals((double) tp / (tp + fn), value, 1e-12, "recall at threshold " + threshold);
        }
    }

    @Test
    void entriesWithoutAThreeDReadingSayTheyAreTwoDOnlyAndTheTableOrderIsTheRegistrys() {
        int[] shape = {3, 4, 5};
        int[] labels = new int[60];
        for (int i = 20; i < 40; i++) {
            labels[i] = 1;
        }
        VolumePair pair = new VolumePair(LabelVolume.of("t", shape, new double[] {2, 1, 1}, labels),
                LabelVolume.of("p", shape, new double[] {2, 1, 1}, labels));
        List<VolumeEvaluation.Value> all = VolumeEvaluation.of(pair).all(Map.of(), () -> false);
        List<LossSpec<SegmentationData>> specs = LossRegistry.of(Domains.SEGMENTATION);
        assertEquals(specs.size(), all.size());
        int planar = 0;
        for (int i = 0; i < specs.size(); i++) {
            LossSpec<SegmentationData> spec = specs.get(i);
            VolumeEvaluation.Value v = all.get(i);
            assertEquals(spec.name(), v.name());
            boolean threeD = spec.has(Role.VOXELWISE) || spec.has(Role.SURFACE_3D) || spec.evaluator() instanceof GridEvaluator<?>;
            if (!threeD && spec.appliesTo(pair.sliceScene(SliceAxis.AXIAL, 0))) {
                assertTrue(Double.isNaN(v.value()) && v.message().equals(VolumeEvaluation.PLANAR_ONLY), spec.name());
                planar++;
            }
            assertFalse(threeD && spec.appliesTo(pair.sliceScene(SliceAxis.AXIAL, 0)) && Double.isNaN(v.value()),
                    spec.name() + ": " + v.message());
        }
        assertTrue(planar >= 5, "2-D only entries: " + planar);
        // a cancelled request stops before computing anything
        assertTrue(VolumeEvaluation.of(pair).all(Map.of(), () -> true).isEmpty());
    }
}

package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.losslab.engine.distance.VolumeHd95;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.sweep.VolumePlots;

/**
 * The bundled volume case's numbers (the volume plots and the "volume:" claims) against an independent computation
 * (src/test/python/record_mm_lesson.py): scipy's distance_transform_edt with sampling = spacing on edges made by
 * scipy's erosion, MONAI's HD95 as its source defines it and from MONAI itself, medpy's pooled percentile written in
 * numpy, the axial slices' 2-D HD95 from MONAI.
 */
class VolumeValuesTest {
    private static final VolumeValues VALUES = new VolumeValues();

    private static JsonNode expected() throws Exception {
        try (InputStream in = VolumeValuesTest.class.getResourceAsStream("/volumes/mm_lesson_expected.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static double value(String name) {
        return VALUES.value(null, name);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void theOrgansNumbersInMillimetresAndVoxelsAreScipysMonaisAndMedpys() throws Exception {
        JsonNode e = expected();
        for (String unit : new String[] {"mm", "voxels"}) {
            JsonNode x = e.get(unit);
            String suffix = unit.equals("mm") ? "" : "_voxels";
            close(x.get("hd95_monai").asDouble(), value("hd95_monai" + suffix), unit + " MONAI");
            close(x.get("hd95_medpy").asDouble(), value("hd95_medpy" + suffix), unit + " medpy");
            close(x.get("p95_pred_to_truth").asDouble(), value("p95_pred_to_truth" + suffix), unit + " p95 ->");
            close(x.get("p95_truth_to_pred").asDouble(), value("p95_truth_to_pred" + suffix), unit + " p95 <-");
            close(x.get("max").asDouble(), value("hd_max" + suffix), unit + " max");
            // MONAI's own float32 result
            assertEquals(x.get("hd95_monai_itself").asDouble(), value("hd95_monai" + suffix), 1e-6 * x.get("hd95_monai").asDouble());
            VolumePlots.Numbers n = VolumePlots.numbers(BundledVolumes.predicted(), BundledVolumes.missed(), unit.equals("voxels"));
            VolumeHd95 organ = n.organ();
            assertEquals(x.get("n_pred_edges").asInt(), organ.predictionToReference().length, unit + " prediction's edge voxels");
            assertEquals(x.get("n_truth_edges").asInt(), organ.referenceToPrediction().length, unit + " truth's edge voxels");
            close(x.get("sum_pred_to_truth").asDouble(), Arrays.stream(organ.predictionToReference()).sum(), unit + " sum ->");
            close(x.get("sum_truth_to_pred").asDouble(), Arrays.stream(organ.referenceToPrediction()).sum(), unit + " sum <-");
        }
        // the lesson's point: the conventions differ here, and so do mm and voxels
        assertTrue(value("hd95_monai") > value("hd95_medpy") + 1);
    }

    @Test
    void theLesionMissedLeavesMonaisMean() throws Exception {
        JsonNode e = expected();
        close(e.get("lesion").get("hd95_monai").asDouble(), value("lesion_hd95"), "lesion");
        assertEquals(e.get("lesion").get("hd95_monai_itself").asDouble(), value("lesion_hd95"), 1e-6 * value("lesion_hd95"));
        assertEquals("nan", e.get("lesion_missed_monai_itself").asText(), "MONAI has no HD95 for a missed structure");
        VolumePlots.Numbers n = VolumePlots.numbers(BundledVolumes.predicted(), BundledVolumes.missed(), false);
        assertEquals(Double.POSITIVE_INFINITY, n.lesionMissedHd95(), "a missed structure is infinitely far");
        assertEquals(2, value("monai_mean_count"));
        assertEquals(1, value("monai_mean_count_missed"));
        close(e.get("monai_mean_hd95").asDouble(), value("monai_mean_hd95"), "MONAI's mean");
        close(e.get("monai_mean_hd95_missed").asDouble(), value("monai_mean_hd95_missed"), "MONAI's mean, missed");
        assertTrue(value("monai_mean_hd95_missed") < value("monai_mean_hd95"), "missing the lesion improves MONAI's mean");
    }

    @Test
    void everyAxialSlicesHd95IsMonais() throws Exception {
        JsonNode slices = expected().get("slice_hd95");
        double[] ours = VolumePlots.numbers(BundledVolumes.predicted(), BundledVolumes.missed(), false).organ().sliceHd95();
        assertEquals(slices.size(), ours.length);
        double sum = 0;
        int finite = 0;
        int oneSided = 0;
        for (int z = 0; z < ours.length; z++) {
            JsonNode s = slices.get(z);
            if (s.isTextual()) {
                assertEquals(s.asText().equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN, ours[z], "slice " + z);
                oneSided += s.asText().equals("inf") ? 1 : 0;
            } else {
                close(s.asDouble(), ours[z], "slice " + z);
                sum += s.asDouble();
                finite++;
            }
        }
        close(sum / finite, value("slice_hd95_mean"), "mean of the slices");
        assertEquals(oneSided, value("one_sided_slices"));
        assertTrue(value("slice_hd95_mean") < value("hd95_monai") / 2, "slice by slice misses the extra slice along z");
    }

    @Test
    void thePlotsHistogramsCountEveryEdgeVoxelAndMarkBothConventions() {
        PlotData d = PlotSources.compute(TeachingPlot.VOLUME_MM, null, null, java.util.List.of(), java.util.Map.of());
        VolumeHd95 organ = VolumePlots.numbers(BundledVolumes.predicted(), BundledVolumes.missed(), false).organ();
        SweepResult directed = d.panels().get(0);
        SweepResult pooled = d.panels().get(1);
        // stairs: each bin twice
        double forward = Arrays.stream(directed.column(0)).sum() / 2;
        double backward = Arrays.stream(directed.column(1)).sum() / 2;
        assertEquals(organ.predictionToReference().length, forward);
        assertEquals(organ.referenceToPrediction().length, backward);
        assertEquals(forward + backward, Arrays.stream(pooled.column(0)).sum() / 2);
        assertEquals(value("hd95_monai"), d.operatingX());
        assertEquals(value("hd95_medpy"), d.operatingY());
        assertTrue(d.caption().contains(String.format(java.util.Locale.ROOT, "MONAI %.2f mm", value("hd95_monai"))), d.caption());
        PlotData voxels = PlotSources.compute(TeachingPlot.VOLUME_VOXELS, null, null, java.util.List.of(), java.util.Map.of());
        assertEquals(value("hd95_monai_voxels"), voxels.operatingX());
    }

    @Test
    void histogramBinsByHand() {
        double[] counts = VolumeHd95.histogram(new double[] {0, 0.5, 1, 1, 1.99, 2}, new double[] {0, 1, 2});
        assertEquals(2, counts[0]); // 0, 0.5
        assertEquals(4, counts[1]); // 1, 1, 1.99 and the last edge 2
    }

    @Test
    void unknownNamesAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(org.losslab.engine.EngineException.class, () -> VALUES.check("hd96", false));
    }
}

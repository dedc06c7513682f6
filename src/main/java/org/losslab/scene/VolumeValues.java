package org.losslab.scene;

import java.util.List;
import java.util.Set;
import org.losslab.engine.EngineException;
import org.losslab.engine.distance.VolumeHd95;
import org.losslab.engine.sweep.VolumePlots;

/**
 * "volume:NAME": the numbers of the bundled volume case ({@link BundledVolumes}) the lesson "millimetres, not voxels"
 * shows, all of the organ (class 1) unless named for the lesion, in mm unless named {@code _voxels} (spacing ignored):
 * hd95_monai (the larger directed 95th percentile), hd95_medpy (both directions pooled), p95_pred_to_truth and
 * p95_truth_to_pred (each direction's), hd_max (the largest distance), slice_hd95_mean (the mean of the axial slices'
 * finite 2-D HD95), one_sided_slices (slices holding only one mask), lesion_hd95, monai_mean_hd95 and
 * monai_mean_hd95_missed (MONAI's mean over both classes, the lesion found and missed: a missed lesion's HD95 is
 * infinite, which a lesson cannot show, so monai_mean_count and monai_mean_count_missed say how many classes each mean
 * took), and spacing_z / spacing_x (mm).
 */
final class VolumeValues implements ClaimValues {
    private static final List<String> BASES = List.of("hd95_monai", "hd95_medpy", "p95_pred_to_truth", "p95_truth_to_pred",
            "hd_max", "slice_hd95_mean", "one_sided_slices", "lesion_hd95", "monai_mean_hd95", "monai_mean_hd95_missed",
            "monai_mean_count", "monai_mean_count_missed");
    private static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> out = new java.util.ArrayList<>(BASES);
        BASES.forEach(b -> out.add(b + "_voxels"));
        out.addAll(List.of("spacing_z", "spacing_x"));
        return List.copyOf(out);
    }

    @Override
    public String prefix() {
        return "volume";
    }

    @Override
    public void check(String name, boolean forTask) {
        NameOptions.parse(name, Set.of(), "volume", NAMES);
    }

    @Override
    public double value(StepScene scene, String name) {
        NameOptions.parse(name, Set.of(), "volume", NAMES);
        if (name.startsWith("spacing_")) {
            double[] spacing = BundledVolumes.predicted().spacing(); // {z, y, x}
            return name.equals("spacing_z") ? spacing[0] : spacing[2];
        }
        boolean voxels = name.endsWith("_voxels");
        String base = voxels ? name.substring(0, name.length() - "_voxels".length()) : name;
        VolumePlots.Numbers n = VolumePlots.numbers(BundledVolumes.predicted(), BundledVolumes.missed(), voxels);
        VolumeHd95 organ = n.organ();
        return switch (base) {
            case "hd95_monai" -> organ.monai();
            case "hd95_medpy" -> organ.medpy();
            case "p95_pred_to_truth" -> organ.predictionToReference95();
            case "p95_truth_to_pred" -> organ.referenceToPrediction95();
            case "hd_max" -> Math.max(max(organ.predictionToReference()), max(organ.referenceToPrediction()));
            case "slice_hd95_mean" -> organ.sliceMean();
            case "one_sided_slices" -> organ.oneSidedSlices();
            case "lesion_hd95" -> n.lesionHd95();
            case "monai_mean_hd95" -> n.monaiMean();
            case "monai_mean_hd95_missed" -> n.monaiMeanMissed();
            case "monai_mean_count" -> Double.isFinite(n.lesionHd95()) ? 2 : 1;
            case "monai_mean_count_missed" -> Double.isFinite(n.lesionMissedHd95()) ? 2 : 1;
            default -> throw new EngineException("volume has no value '" + name + "'");
        };
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}

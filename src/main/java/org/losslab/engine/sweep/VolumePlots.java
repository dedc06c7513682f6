package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.CaseMetrics;
import org.losslab.engine.distance.VolumeHd95;

/**
 * The volume plots (volume-mm, volume-voxels) and the numbers of the lesson "millimetres, not voxels", on a volume
 * case with an organ (class 1) and a lesion (class 2), predicted once with the lesion and once with it missed: the
 * organ's directed distances as histograms (each direction, MONAI's view; pooled, medpy's), its HD95 both ways,
 * the HD95 of every axial slice against the volume's, and MONAI's mean HD95 over the two classes with the lesion
 * found and missed (MONAI issue 9095: a missed class has no HD95 and leaves the mean).
 */
public final class VolumePlots {
    public static final int ORGAN = 1;
    public static final int LESION = 2;
    /** Histogram bins over [0, the largest distance]. */
    private static final int BINS = 40;

    private VolumePlots() {
    }

    /**
     * The lesson's numbers at one spacing.
     *
     * @param spacing          mm per axis in the order of the shape ({z, y, x}), or 1 each with the spacing ignored
     * @param organ            the organ's distances and HD95s
     * @param lesionHd95       the lesion's HD95 (MONAI's) as predicted
     * @param lesionMissedHd95 the lesion's HD95 with it missed: +infinity (no predicted surface to measure to)
     * @param monaiMean        MONAI's mean HD95 over the classes of the case, the lesion found
     * @param monaiMeanMissed  the same with the lesion missed: its HD95 has no value in MONAI and leaves the mean
     */
    public record Numbers(double[] spacing, VolumeHd95 organ, double lesionHd95, double lesionMissedHd95, double monaiMean,
                          double monaiMeanMissed) {
    }

    /** The numbers of the case (predicted, and with the lesion missed), in mm or, with {@code voxels}, in voxels. */
    public static Numbers numbers(Case predicted, Case missed, boolean voxels) {
        if (predicted.reference().shape().length != 3) {
            throw new EngineException(predicted.name() + ": the volume plots take a 3-D case, not " + predicted.reference().shapeText());
        }
        double[] spacing = voxels ? new double[] {1, 1, 1} : predicted.spacing().clone();
        VolumeHd95 organ = hd95(predicted, ORGAN, spacing);
        double lesion = hd95(predicted, LESION, spacing).monai();
        double lesionMissed = hd95(missed, LESION, spacing).monai();
        return new Numbers(spacing, organ, lesion, lesionMissed, monaiMean(organ.monai(), lesion),
                monaiMean(organ.monai(), lesionMissed));
    }

    private static VolumeHd95 hd95(Case c, int k, double[] spacing) {
        return VolumeHd95.of(CaseMetrics.mask(c.reference(), k), CaseMetrics.mask(c.prediction(), k), c.reference().shape(),
                spacing);
    }

    /** MONAI's do_metric_reduction("mean") over one case's classes: an HD95 with an empty mask is NaN there and left out. */
    private static double monaiMean(double... hd95) {
        return VolumeHd95.finiteMean(hd95);
    }

    /** The plot: the histograms at the plot's spacing, with MONAI's and medpy's HD95 marked, and the slices' HD95. */
    public static PlotData compute(TeachingPlot plot, Case predicted, Case missed) {
        boolean voxels = plot == TeachingPlot.VOLUME_VOXELS;
        Numbers n = numbers(predicted, missed, voxels);
        VolumeHd95 organ = n.organ();
        String unit = voxels ? "voxels" : "mm";
        double[] forward = organ.predictionToReference();
        double[] backward = organ.referenceToPrediction();
        double longest = Math.max(Arrays.stream(forward).max().orElse(0), Arrays.stream(backward).max().orElse(0));
        double[] edges = Sweeps.grid(0, Math.max(longest, 1e-9) * (1 + 1e-9), BINS + 1);
        double[] stairs = stairs(edges);
        SweepResult directed = new SweepResult("distance (" + unit + ")", stairs);
        fill(directed.addColumn(String.format(Locale.ROOT, "prediction -> truth (95th %.2f)", organ.predictionToReference95())),
                VolumeHd95.histogram(forward, edges));
        fill(directed.addColumn(String.format(Locale.ROOT, "truth -> prediction (95th %.2f)", organ.referenceToPrediction95())),
                VolumeHd95.histogram(backward, edges));
        double[] all = new double[forward.length + backward.length];
        System.arraycopy(forward, 0, all, 0, forward.length);
        System.arraycopy(backward, 0, all, forward.length, backward.length);
        SweepResult pooled = new SweepResult("distance (" + unit + ")", stairs);
        fill(pooled.addColumn(String.format(Locale.ROOT, "both directions pooled (95th %.2f)", organ.medpy())),
                VolumeHd95.histogram(all, edges));
        double[] sliceHd95 = organ.sliceHd95();
        double[] index = new double[sliceHd95.length];
        Arrays.setAll(index, i -> i);
        SweepResult slices = new SweepResult("axial slice", index);
        double[] perSlice = slices.addColumn("this slice's 2-D HD95");
        double[] volume = slices.addColumn("the volume's HD95 (MONAI)");
        for (int z = 0; z < sliceHd95.length; z++) {
            perSlice[z] = sliceHd95[z];
            volume[z] = organ.monai();
        }
        String zeros = String.format(Locale.ROOT, "The bars at 0 (edge voxels on the other surface: %d of the prediction's, "
                + "%d of the truth's) run off the top.", count(forward, 0), count(backward, 0));
        return new PlotData(plot, List.of(directed, pooled, slices), "distance to the other surface (" + unit + ")",
                List.of("edge voxels", "edge voxels", "HD95 (" + unit + ")"), false, organ.monai(), organ.medpy(),
                List.of(), caption(n, unit) + " " + zeros);
    }

    private static int count(double[] values, double v) {
        return (int) Arrays.stream(values).filter(d -> d == v).count();
    }

    /** x of a histogram drawn as stairs: each bin's left and right edge. */
    private static double[] stairs(double[] edges) {
        double[] x = new double[2 * (edges.length - 1)];
        for (int i = 0; i + 1 < edges.length; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
        }
        return x;
    }

    private static void fill(double[] column, double[] counts) {
        for (int i = 0; i < counts.length; i++) {
            column[2 * i] = counts[i];
            column[2 * i + 1] = counts[i];
        }
    }

    private static String caption(Numbers n, String unit) {
        VolumeHd95 organ = n.organ();
        int slicesWithValue = (int) Arrays.stream(organ.sliceHd95()).filter(Double::isFinite).count();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "Spacing %s. The organ's HD95: MONAI %.2f %s (the larger directed 95th percentile), "
                + "medpy %.2f %s (both directions pooled).", spacingText(n.spacing()), organ.monai(), unit, organ.medpy(), unit));
        parts.add(String.format(Locale.ROOT, "Slice by slice its 2-D HD95 averages %.2f %s over %d slices; %d slice(s) hold "
                + "only one mask (infinite, left out).", organ.sliceMean(), unit, slicesWithValue, organ.oneSidedSlices()));
        parts.add(String.format(Locale.ROOT, "The lesion's HD95 is %.2f %s; missed, it is infinite for the case, yet MONAI's "
                + "mean over the two classes goes from %.2f to %.2f %s.", n.lesionHd95(), unit, n.monaiMean(), n.monaiMeanMissed(), unit));
        return String.join(" ", parts);
    }

    private static String spacingText(double[] spacing) {
        if (spacing[0] == 1 && spacing[1] == 1 && spacing[2] == 1) {
            return "ignored (every voxel 1 x 1 x 1)";
        }
        // x first, as a header lists it
        return String.format(Locale.ROOT, "%s x %s x %s mm", trim(spacing[2]), trim(spacing[1]), trim(spacing[0]));
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}

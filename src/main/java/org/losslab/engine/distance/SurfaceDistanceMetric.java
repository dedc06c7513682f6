package org.losslab.engine.distance;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * MONAI's surface metrics on hard masks: the Hausdorff distance (or a percentile of the boundary
 * distances, HD95), the average symmetric surface distance and the normalized surface Dice. A channel
 * empty in both masks is skipped; the value is the mean over the others. Where MONAI would give NaN or
 * infinity (one side empty for a distance, every channel skipped) the entry is an error with the reason.
 */
public final class SurfaceDistanceMetric implements Evaluator<SegmentationData> {

    /** The three registry entries this class serves. */
    public enum Variant {
        HAUSDORFF("hausdorff_distance",
                "Hausdorff distance (MONAI): the largest boundary distance, or a percentile of them (95: HD95).",
                "max(P(d(P -> G)), P(d(G -> P))), d over edge pixels"),
        AVERAGE("surface_distance",
                "Average symmetric surface distance (MONAI, symmetric): mean of all boundary distances both ways.",
                "mean of d(P -> G) and d(G -> P) pooled"),
        SURFACE_DICE("surface_dice",
                "Normalized surface Dice (MONAI): share of boundary pixels within a tolerance of the other boundary.",
                "(#{d(P -> G) <= tol} + #{d(G -> P) <= tol}) / (|edges P| + |edges G|)");

        public final String key;
        public final String summary;
        public final String formula;

        Variant(String key, String summary, String formula) {
            this.key = key;
            this.summary = summary;
            this.formula = formula;
        }
    }

    public static final ParamSpec CLASSES = ParamSpec.integerList("classes",
            "Channels measured; default: every foreground class (multiclass leaves out 0), every channel otherwise.");

    private final Variant variant;

    public SurfaceDistanceMetric(Variant variant) {
        this.variant = variant;
    }

    public static List<ParamSpec> params(Variant variant) {
        List<ParamSpec> specs = new ArrayList<>();
        if (variant == Variant.HAUSDORFF) {
            specs.add(ParamSpec.optionalNumber("percentile", null, 0, 100,
                    "Percentile of the boundary distances (95: HD95); off or 0: the maximum."));
            specs.add(ParamSpec.bool("directed", false, "Only prediction -> target distances."));
        }
        if (variant == Variant.SURFACE_DICE) {
            specs.add(ParamSpec.number("tolerance", 1.0, 0, SegParams.BIG,
                    "Distance (pixels) within which a boundary pixel counts as matched."));
        }
        specs.add(CLASSES);
        specs.add(SegParams.THRESHOLD);
        return specs;
    }

    /** The boundary distances of one channel (empty lists where a side is empty) and which sides are empty. */
    public record ChannelDistances(boolean predictionEmpty, boolean truthEmpty, double[] predToTruth, double[] truthToPred) {
    }

    /** Gives the distances of one channel (empty lists where a side is empty). */
    @FunctionalInterface
    public interface ChannelSource {
        ChannelDistances of(int channel);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Labels labels = Labels.of(data, null, variant.key);
        int[] channels = MaskChannels.selected(data, params.integers("classes"), variant.key);
        return evaluate(channels, c -> {
            boolean[] predicted = MaskChannels.predicted(data, c, params.number("threshold"));
            boolean[] truth = MaskChannels.truth(labels, c, data.pixels());
            boolean predEmpty = MaskChannels.isEmpty(predicted);
            boolean truthEmpty = MaskChannels.isEmpty(truth);
            if (predEmpty || truthEmpty) {
                return new ChannelDistances(predEmpty, truthEmpty, new double[0], new double[0]);
            }
            SurfaceDistances d = SurfaceDistances.of(predicted, truth, data.height(), data.width());
            return new ChannelDistances(false, false, d.predToTruth(), d.truthToPred());
        }, params);
    }

    /**
     * The entry's value over these channels, whatever grid their distances were measured on (the 2-D scene in pixels,
     * a volume in mm): MONAI's rules for empty sides, then the mean over the channels measured.
     */
    public Evaluation evaluate(int[] channels, ChannelSource distances, Params params) {
        double sum = 0;
        int counted = 0;
        for (int c : channels) {
            ChannelDistances d = distances.of(c);
            if (d.predictionEmpty() && d.truthEmpty()) {
                continue;
            }
            if (d.predictionEmpty() != d.truthEmpty() && variant != Variant.SURFACE_DICE) {
                throw new EngineException(variant.key + ": channel " + c + " is empty in the "
                        + (d.predictionEmpty() ? "prediction" : "target") + " only, so the distance is infinite");
            }
            sum += d.predictionEmpty() || d.truthEmpty() ? 0 : channelValue(d, params);
            counted++;
        }
        if (counted == 0) {
            throw new EngineException(variant.key + ": every selected channel is empty in both prediction and target,"
                    + " so there is no boundary to measure");
        }
        return Evaluation.scalar(sum / counted);
    }

    /** The unit of the value on a volume: mm for a distance, none for the surface Dice's share. */
    public String volumeUnit() {
        return variant == Variant.SURFACE_DICE ? "" : "mm";
    }

    private double channelValue(ChannelDistances d, Params params) {
        switch (variant) {
            case HAUSDORFF: {
                double forward = percentile(d.predToTruth(), params.optionalNumber("percentile"));
                return params.bool("directed") ? forward : Math.max(forward, percentile(d.truthToPred(),
                        params.optionalNumber("percentile")));
            }
            case AVERAGE: {
                double total = 0;
                for (double v : d.predToTruth()) {
                    total += v;
                }
                for (double v : d.truthToPred()) {
                    total += v;
                }
                return total / (d.predToTruth().length + d.truthToPred().length);
            }
            case SURFACE_DICE: {
                double tolerance = params.number("tolerance");
                int matched = 0;
                for (double v : d.predToTruth()) {
                    matched += v <= tolerance ? 1 : 0;
                }
                for (double v : d.truthToPred()) {
                    matched += v <= tolerance ? 1 : 0;
                }
                return (double) matched / (d.predToTruth().length + d.truthToPred().length);
            }
            default:
                throw new IllegalStateException(variant.name());
        }
    }

    /** A percentile of one direction's distances; null or 0 is the maximum, as MONAI. */
    static double percentile(double[] distances, Double percentile) {
        if (percentile == null || percentile == 0) {
            double max = 0;
            for (double v : distances) {
                max = Math.max(max, v);
            }
            return max;
        }
        return SurfaceDistances.quantile(distances, percentile / 100);
    }
}

package org.losslab.app.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.losslab.app.core.FxLatest;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.EngineException;
import org.losslab.engine.EntryMemory;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.distance.MaskChannels;
import org.losslab.engine.distance.SurfaceDistances;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.engine.seg.ConfusionCounts;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.SoftCounts;
import org.losslab.engine.train.GradientShare;

/**
 * Off the JavaFX thread: the soft and hard counts, where the selected loss's gradient goes, and, with the
 * boundary-distance map, where the Hausdorff distance is realised; the newest request wins.
 */
final class SceneReadouts implements AutoCloseable {
    private final SegDocument doc;
    private final LatestWins shares = new LatestWins("losslab-gradient-share");
    private final FxLatest<String> shareShown;
    private final FxLatest<List<int[]>> segmentsShown;

    /**
     * @param shareText receives the counts and gradient-share lines (on the JavaFX thread)
     * @param segments receives the Hausdorff segments (on the JavaFX thread; none without the distance map)
     */
    SceneReadouts(SegDocument doc, Consumer<String> shareText, Consumer<List<int[]>> segments) {
        this.doc = doc;
        shareShown = new FxLatest<>(shareText);
        segmentsShown = new FxLatest<>(segments);
    }

    /** Computes the read-outs of the scene as it is now, for a loss (null: counts only) and the shown channel. */
    void submit(String name, boolean hausdorff, int channel) {
        @SuppressWarnings("unchecked")
        var spec = name != null && LossRegistry.contains(name) && LossRegistry.get(name).differentiable()
                ? (LossSpec<SegmentationData>) LossRegistry.get(name) : null;
        SegmentationData scene = doc.snapshot(); // shared with the other workers, never edited
        var params = spec == null ? null : doc.params(name);
        double threshold = thresholdOf(name);
        shares.submit(() -> {
            synchronized (TableWorker.SCENE_PASSES) { // one at a time with the table (see there)
                shareShown.accept(countsText(scene, threshold, channel) + (spec == null ? "" : "\n" + shareText(spec, scene, params)));
                segmentsShown.accept(hausdorff ? hausdorffSegments(scene, channel) : List.of());
                SurfaceMetrics.releaseBuffer();
            }
        });
    }

    static String shareText(LossSpec<SegmentationData> spec, SegmentationData scene, Params params) {
        if (!spec.appliesTo(scene)) {
            return "";
        }
        Optional<String> tooLarge = EntryMemory.refusal(spec, scene, params, true);
        if (tooLarge.isPresent()) {
            return "gradient shares: " + tooLarge.get();
        }
        try {
            double[] g = spec.evaluate(scene, params, true).gradient().get("prediction");
            var s = GradientShare.of(scene, g);
            double total = s.total() == 0 ? 1 : s.total();
            // multiclass: every channel's pixels count, the background's channel too (its right pixels are its TP)
            String over = scene.mode() == SegMode.MULTICLASS ? " (all channels, background's too)" : "";
            return String.format(Locale.ROOT, "|d%s/dz|%s on TP %.0f%%  FP %.0f%%  FN %.0f%%  TN %.0f%%", spec.name(), over,
                    100 * s.tp() / total, 100 * s.fp() / total, 100 * s.fn() / total, 100 * s.tn() / total);
        } catch (EngineException e) {
            return "";
        }
    }

    /** The threshold of the selected entry (a metric's), which the hard counts then follow; 0.5 for the others. */
    private double thresholdOf(String name) {
        if (name == null || !LossRegistry.contains(name) || LossRegistry.get(name).params().stream()
                .noneMatch(p -> p.name().equals("threshold"))) {
            return 0.5;
        }
        Object t = doc.params(name).raw("threshold");
        return t instanceof Double d ? d : 0.5;
    }

    /**
     * The foreground's counts as the soft losses see them (sums of probabilities) and as the metrics do
     * (thresholded at the selected metric's threshold): the gap between soft Dice and the Dice score in two lines.
     */
    static String countsText(SegmentationData scene, double threshold, int channel) {
        try {
            // the class shown (chosen beside the class colours), not always the first foreground class
            int c = scene.mode() == SegMode.MULTICLASS ? Math.max(1, channel) : channel;
            double[] soft = SoftCounts.of(scene, c);
            var hard = ConfusionCounts.of(scene, threshold, (long) SegParams.IGNORED_LABEL, "counts");
            String which = scene.mode() == SegMode.BINARY ? "" : "class " + (scene.mode() == SegMode.MULTICLASS ? c : c + 1) + ": ";
            return String.format(Locale.ROOT, "%ssoft TP %.1f FP %.1f FN %.1f | hard (p >= %.2f) TP %d FP %d FN %d", which,
                    soft[0], soft[1], soft[2], threshold, hard.tp[c], hard.fp[c], hard.fn[c]);
        } catch (EngineException e) {
            return "";
        }
    }

    /**
     * Where each directed Hausdorff distance is realised on the shown channel (prediction at 0.5 against
     * the target): from the farthest edge pixel to its nearest edge pixel on the other mask.
     */
    static List<int[]> hausdorffSegments(SegmentationData scene, int channel) {
        try {
            Labels labels = Labels.of(scene, (long) SegParams.IGNORED_LABEL, "hausdorff");
            boolean[] predicted = MaskChannels.predicted(scene, channel, 0.5);
            boolean[] truth = MaskChannels.truth(labels, channel, scene.pixels());
            List<int[]> out = new ArrayList<>();
            int[] forward = SurfaceDistances.farthestPair(predicted, truth, scene.height(), scene.width());
            int[] backward = SurfaceDistances.farthestPair(truth, predicted, scene.height(), scene.width());
            if (forward != null) {
                out.add(forward);
            }
            if (backward != null) {
                out.add(backward);
            }
            return out;
        } catch (EngineException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        shares.close();
    }
}

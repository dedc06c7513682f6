package org.losslab.engine.ssd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;

/**
 * The SSD view's set-up in one place, so that the window and a lesson's claims compute the same numbers:
 * the priors (feature-map sizes, one scale per map, aspect ratios), the matching threshold and
 * neg_pos_ratio of the MultiBox loss, and the toy detector's scores ({@link ToyScores}: how sharply an
 * object's class logit grows with overlap, the background logit, the noise and its seed).
 *
 * @param sizes      feature-map sizes (cells per side)
 * @param scales     one prior scale per feature map
 * @param ratios     aspect ratios
 * @param threshold  matching threshold
 * @param negPos     hard negatives kept per positive
 * @param sharpness  object logit per unit of IoU
 * @param background the background logit: how sure of background the toy model is (p = e^b / (e^b + 2) at noise 0)
 * @param noise      standard deviation of the logits' noise
 */
public record SsdToy(int[] sizes, double[] scales, double[] ratios, double threshold, int negPos, double sharpness,
                     double background, double noise) {
    /** The noise's seed: the same scores on every run. */
    public static final long SEED = 7;
    /** Object classes 1 and 2 besides background. */
    public static final int CLASSES = 3;
    /** The largest focal gamma and background logit the view offers (its sliders' ends; a lesson sets no more). */
    public static final double MAX_GAMMA = 5;
    public static final double MAX_BACKGROUND = 8;
    /** The focal loss the toy compares with hard negative mining: the registry's (RetinaNet's sigmoid focal loss). */
    public static final Params FOCAL = LossRegistry.first(Role.FOCUSING, Domains.CLASSIFICATION).defaults();
    /** The focal loss's alpha, RetinaNet's (the registry entry's default). */
    public static final double FOCAL_ALPHA = FOCAL.number("alpha");
    /** The focal loss's gamma, RetinaNet's (the registry entry's default). */
    public static final double FOCAL_GAMMA = FOCAL.number("gamma");

    /**
     * The ground truth of the detection workspace's opening scene, normalised by its 256-pixel field (x1, y1, x2, y2):
     * what a lesson's claims read when the step does not give boxes.
     */
    public static final double[] OPENING_TRUTHS = {40 / 256.0, 40 / 256.0, 100 / 256.0, 110 / 256.0,
        150 / 256.0, 60 / 256.0, 220 / 256.0, 120 / 256.0, 110 / 256.0, 160 / 256.0, 190 / 256.0, 230 / 256.0};

    /** The view's opening settings. */
    public static SsdToy defaults() {
        return new SsdToy(new int[] {16, 8, 4, 2, 1}, new double[] {0.1, 0.2, 0.35, 0.55, 0.8}, new double[] {1, 2, 0.5},
                0.5, 3, 8, 5, 0.7);
    }

    public SsdToy {
        if (sizes.length != scales.length) {
            throw new EngineException("give one scale per feature map (" + sizes.length + " sizes, " + scales.length
                    + " scales)");
        }
        if (sizes.length == 0 || ratios.length == 0) {
            throw new EngineException("give at least one feature map and one aspect ratio");
        }
        for (int s : sizes) {
            if (s < 1 || s > 64) {
                throw new EngineException("feature map size " + s + " is not in 1..64");
            }
        }
    }

    public SsdToy withBackground(double newBackground) {
        return new SsdToy(sizes, scales, ratios, threshold, negPos, sharpness, newBackground, noise);
    }

    /** The priors (cx, cy, w, h), normalised. */
    public double[] priors() {
        List<PriorBoxes.FeatureMap> maps = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            maps.add(new PriorBoxes.FeatureMap(sizes[i], scales[i], ratios));
        }
        return PriorBoxes.generate(maps);
    }

    /** The toy detector's scores for these objects (corners in [0, 1], labels 1 or 2). */
    public MultiboxData data(double[] truthBoxes, int[] labels) {
        return ToyScores.of(priors(), truthBoxes, labels, CLASSES, sharpness, background, noise, SEED);
    }

    /** The MultiBox loss's matching and mining on the toy scores. */
    public MultiboxAnalysis analysis(MultiboxData data) {
        return MultiboxAnalysis.of(data, LossRegistry.get("multibox").bind(Map.of("threshold", threshold,
                "neg_pos_ratio", (long) negPos)));
    }

    /** The analysis of the opening scene's three objects (all of class 1). */
    public MultiboxAnalysis openingAnalysis() {
        return analysis(data(OPENING_TRUTHS.clone(), new int[] {1, 1, 1}));
    }
}

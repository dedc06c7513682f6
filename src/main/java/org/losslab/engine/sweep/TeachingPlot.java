package org.losslab.engine.sweep;

import java.util.Arrays;
import java.util.Locale;
import org.losslab.engine.EngineException;

/** The plots of the plots workspace, with their command names, titles and captions. */
public enum TeachingPlot {
    PIXEL("pixel", "One pixel: loss and gradient against its probability",
            "Cross-entropy keeps a large gradient even for well-classified pixels, while the focal loss (gamma > 0) "
                    + "flattens it near p_t = 1: easy pixels stop mattering. Dice and Tversky shares depend on the whole scene, not the pixel alone."),
    CONFIDENCE("confidence", "Every loss as the prediction grows more confident",
            "All logits are multiplied by a scale: 1 is the scene as painted (marked). Losses that fall as confidence "
                    + "grows reward sharper predictions; those that rise punish confident mistakes."),
    IMBALANCE("imbalance", "Class imbalance: losses against the foreground fraction",
            "A predictor with fixed false-positive and false-negative rates, on ever rarer foreground: cross-entropy "
                    + "is dominated by the easy background and falls, while Dice and Tversky, normalised by the object, rise."),
    TVERSKY("tversky", "Tversky: alpha (false positives) against beta = 1 - alpha",
            "Raising alpha punishes false positives more and false negatives less. The lower panel is the ratio of the "
                    + "gradient on a missed pixel to that on a false alarm: above 1 the loss pushes recall."),
    TVERSKY_GRID("tversky-grid", "Tversky loss over (alpha, beta)",
            "Each cell is the Tversky loss of the scene for one (alpha, beta), the circle the current pair; the diagonal "
                    + "alpha = beta is Dice at 0.5 and Jaccard at 1. Rightwards false positives weigh more, upwards false negatives."),
    GAMMA("gamma", "Focal gamma and Focal Tversky gamma on the scene",
            "Gamma 0 is cross-entropy; larger gamma shrinks the loss of well-classified pixels, so the total falls. "
                    + "Focal Tversky raises the mean Tversky loss to gamma: below 1 it boosts small losses."),
    BOXES("boxes", "Box losses as the predicted box slides and scales",
            "Sliding past the target, IoU loss is flat at 1 once the boxes separate: no gradient. GIoU, DIoU and CIoU "
                    + "keep growing with the distance, so they still pull the box back."),
    DISTANCES("distances", "Boundary distances: share of boundary pixels within each distance",
            "Every edge pixel of the prediction measured to the target's edge and back. HD is where a curve reaches 1, "
                    + "HD95 where it crosses 0.95 (one far speck moves HD, barely HD95); NSD is the pooled share at the "
                    + "tolerance (marked)."),
    DFL("dfl", "Distribution focal loss (YOLOv8's dfl_loss) against the target edge",
            "One box side predicted as a distribution over 8 bins (peaked near 3.3). DFL is linear between whole bins "
                    + "with a kink at each: it only ever looks at the two bins around the target. It is smallest, but not 0, "
                    + "near the distribution's mean (marked), where the expected edge error (dashed) vanishes."),
    QUALITY("quality", "IoU-aware classification: loss against the predicted score of a positive",
            "The classifier's target is the box's IoU (marked: the first box pair's, or 0.6 without one). Quality focal and varifocal "
                    + "losses are smallest at score = IoU, so the score ranks boxes by localisation quality; sigmoid focal "
                    + "with a hard target of 1 keeps pushing every positive towards 1."),
    TINY_BOXES("tiny-boxes", "IoU loss and NWD as a tiny box shifts",
            "A 6-pixel box shifted off its target: IoU loss reaches 1 after 6 pixels and stays flat (no gradient), "
                    + "while NWD grows smoothly. NWD depends on the shift alone (one curve for both sizes, its constant "
                    + "C = 12.8 px sets the scale); IoU loss on the shift relative to the box, so a 60-pixel box barely moves it."),
    BOUNDARY_WEIGHT("boundary-weight", "Boundary loss weighted against Dice: (1 - alpha) Dice + alpha boundary",
            "Kervadec et al. start with Dice and move alpha up during training. The boundary loss is negative where the "
                    + "prediction sits inside the target, so the sum can fall below 0: it is not a distance, only its "
                    + "gradient matters. The scene's own Dice and boundary loss are the two ends."),
    FBETA("fbeta", "F-beta against Tversky: the soft F-beta loss is Tversky with alpha = 1/(1+b^2), beta = b^2/(1+b^2)",
            "For each beta, the Tversky loss with alpha = 1/(1 + beta^2) and beta_T = beta^2/(1 + beta^2) and 1 - F-beta "
                    + "computed on the same soft counts lie on one curve (checked on this scene, noted below). 1 - fbeta_score "
                    + "counts thresholded pixels instead; beta > 1 weighs missed pixels (recall) more."),
    SIOU_ANGLE("siou-angle", "SIoU's angle cost as the predicted centre circles the target",
            "A box the target's size, its centre 1.5 widths away, moved around the target. SIoU's angle cost is 0 on an "
                    + "axis and 1 at 45 degrees, and SIoU is highest for diagonal offsets: it pulls the centre onto the "
                    + "nearer axis first. DIoU and EIoU (equal here: same sizes) change only through the enclosing box."),
    NO_LOG("no-log", "One pixel: cross-entropy with and without the log",
            "Without the log the per-pixel loss 1 - p_t (mae_prob) is bounded by 1, so a flipped label cannot dominate; "
                    + "but its gradient p_t (1 - p_t) vanishes for a confident mistake, where cross-entropy's stays near 1."),
    DICE_LOG("dice-log", "Dice loss with and without the log (log_loss)",
            "log_loss = true turns 1 - Dice into -log(Dice), which multiplies Dice's gradient by 1/Dice: strong while "
                    + "the overlap is poor, the same as 1 - Dice near Dice = 1."),
    VOLUME_MM("volume-mm", "HD95 on a volume, in millimetres",
            "A bundled CT-like case of 0.8 x 0.8 x 5 mm voxels. Top: each direction's distances on its own (MONAI takes the "
                    + "larger 95th percentile); middle: both pooled (medpy's); bottom: each axial slice's 2-D HD95 against the volume's."),
    VOLUME_VOXELS("volume-voxels", "HD95 on a volume, in voxels (spacing ignored)",
            "The bundled case with every voxel taken as 1 x 1 x 1: a slice 5 mm thick counts as much as a pixel 0.8 mm wide, "
                    + "so errors along z look six times smaller than they are.");

    /** Whether the plot draws the bundled volume case (computed by VolumePlots from it, not from the scene). */
    public boolean isVolume() {
        return this == VOLUME_MM || this == VOLUME_VOXELS;
    }

    /** Whether the plot takes the detection workspace's first box pair. */
    public boolean usesBoxes() {
        return this == BOXES || this == QUALITY;
    }

    /** Whether the lower panels draw the same curves as the first (their legend would repeat it). */
    public boolean repeatsCurves() {
        return this == PIXEL || this == NO_LOG || this == DICE_LOG;
    }

    /** What the vertical marker at the operating point stands for. */
    public String operatingLabel() {
        switch (this) {
            case DISTANCES:
                return "NSD tolerance";
            case DFL:
                return "expected edge";
            case QUALITY:
                return "IoU";
            case SIOU_ANGLE:
                return "45 degrees";
            case FBETA:
                return "fbeta_score's beta";
            case NO_LOG:
                return "scene pixel";
            case DICE_LOG:
                return "scene's Dice";
            case VOLUME_MM:
            case VOLUME_VOXELS:
                return "MONAI HD95";
            default:
                return "scene";
        }
    }

    private final String key;
    private final String title;
    private final String caption;

    TeachingPlot(String key, String title, String caption) {
        this.key = key;
        this.title = title;
        this.caption = caption;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** Two sentences: what to look for. */
    public String caption() {
        return caption;
    }

    public static TeachingPlot parse(String key) {
        for (TeachingPlot p : values()) {
            if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new EngineException("unknown plot '" + key + "' (known: " + String.join(", ",
                Arrays.stream(values()).map(TeachingPlot::key).toList()) + ")");
    }
}

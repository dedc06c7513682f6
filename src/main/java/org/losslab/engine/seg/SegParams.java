package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.ParamSpec;

/** The parameters segmentation losses share, declared once with smp's names, defaults and meanings. */
public final class SegParams {
    private SegParams() {
    }

    public static final double BIG = 1e12;

    /**
     * The target value that marks pixels to leave out (the convention of smp, torchvision and PASCAL VOC
     * masks): the live frame, the maps, the sweeps, mask import and the default {@code ignore_index}
     * of the cross-entropy losses all use this one value.
     */
    public static final int IGNORED_LABEL = 255;

    public static final ParamSpec CLASSES = ParamSpec.integerList("classes",
            "Channels that contribute to the loss (all when empty); not for binary mode.");
    public static final ParamSpec LOG_LOSS = ParamSpec.bool("log_loss", false,
            "Loss is -log(score) instead of 1 - score.");
    public static final ParamSpec FROM_LOGITS = ParamSpec.bool("from_logits", true,
            "The prediction holds logits (sigmoid / softmax first); false: it holds probabilities.");
    public static final ParamSpec SMOOTH = ParamSpec.number("smooth", 0.0, 0, BIG,
            "Added to numerator and denominator of the score.");
    public static final ParamSpec IGNORE_INDEX = ParamSpec.optionalInteger("ignore_index", null,
            "Target value whose pixels do not count.");
    public static final ParamSpec EPS = ParamSpec.number("eps", 1e-7, 0, 1,
            "Lower bound of the score's denominator (and of the score under log_loss).");
    public static final ParamSpec CLASS_WEIGHTS = ParamSpec.numberList("class_weights", null, 0, BIG,
            "Per-class weights of the per-class losses (weighted mean); one per channel.");
    public static final ParamSpec REDUCTION = ParamSpec.choice("reduction", "mean", List.of("mean", "sum", "none"),
            "How per-element losses are combined.");
    public static final ParamSpec THRESHOLD = ParamSpec.number("threshold", 0.5, 0, 1,
            "Probability at or above which a pixel is predicted foreground (sigmoid of the logit).");
}

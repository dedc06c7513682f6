package org.losslab.engine;

import java.util.List;
import java.util.Map;
import org.losslab.engine.seg.CompositeLoss;
import org.losslab.engine.seg.CompositeLoss.Part;
import org.losslab.engine.seg.FocalLoss;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.TverskyLoss;
import org.losslab.engine.seg.TverskyLoss.Variant;
import org.losslab.engine.seg.ValidCrossEntropyLoss;

/** The weighted sums of losses the registry offers, declared from their parts. */
final class CombinedLosses {
    private CombinedLosses() {
    }

    static List<ParamSpec> diceCeParams() {
        return List.of(
                ParamSpec.number("ce_weight", 0.5, 0, SegParams.BIG, "Weight of the cross-entropy term."),
                ParamSpec.number("dice_weight", 0.5, 0, SegParams.BIG, "Weight of the Dice term."),
                SegParams.IGNORE_INDEX.withDefault((long) SegParams.IGNORED_LABEL), SegParams.SMOOTH, SegParams.CLASSES);
    }

    static CompositeLoss diceCe() {
        return new CompositeLoss("dice_ce", List.of(
                new Part("ce_weight", new ValidCrossEntropyLoss(), ValidCrossEntropyLoss.params(),
                        List.of("ignore_index"), Map.of()),
                new Part("dice_weight", new TverskyLoss(Variant.DICE), TverskyLoss.params(Variant.DICE),
                        List.of("ignore_index", "smooth", "classes"), Map.of())));
    }

    static List<ParamSpec> diceFocalParams() {
        return List.of(
                ParamSpec.number("dice_weight", 1.0, 0, SegParams.BIG, "Weight of the Dice term."),
                ParamSpec.number("focal_weight", 1.0, 0, SegParams.BIG, "Weight of the focal term."),
                ParamSpec.number("gamma", 2.0, 0, SegParams.BIG, "Focal focusing exponent."),
                ParamSpec.optionalNumber("alpha", null, 0, 1, "Focal weight of positives; null: none."),
                SegParams.IGNORE_INDEX, SegParams.SMOOTH);
    }

    static CompositeLoss diceFocal() {
        return new CompositeLoss("dice_focal", List.of(
                new Part("dice_weight", new TverskyLoss(Variant.DICE), TverskyLoss.params(Variant.DICE),
                        List.of("ignore_index", "smooth"), Map.of()),
                new Part("focal_weight", new FocalLoss(), FocalLoss.params(),
                        List.of("ignore_index", "gamma", "alpha"), Map.of())));
    }
}

package org.losslab.engine.dataset;

import java.util.List;

/**
 * The three families of aggregates of CONTRACTS_V3 section 3, each named after the library whose convention
 * it follows: nnU-Net's means of Dice and IoU, MONAI's means of its Dice, HD95 and NSD, smp's four reductions
 * of IoU and F1.
 */
public record Aggregates(NnUnetMean nnunetDice, NnUnetMean nnunetIou, MonaiMean monaiDice, MonaiMean monaiHd95,
        MonaiMean monaiNsd, SmpReduction smpIou, SmpReduction smpF1) {

    /** All aggregates of {@code cases} over classes 1 .. classes. */
    public static Aggregates of(List<CaseResult> cases, int classes) {
        return new Aggregates(NnUnetMean.of(cases, classes, AggregateUse.NNUNET::value), NnUnetMean.of(cases, classes, ClassNumbers::iou),
                MonaiMean.of(cases, classes, AggregateUse.MONAI_DICE::value), MonaiMean.of(cases, classes, AggregateUse.MONAI_HD95::value),
                MonaiMean.of(cases, classes, AggregateUse.MONAI_NSD::value), SmpReduction.of(cases, classes, SmpReduction.Score.IOU),
                SmpReduction.of(cases, classes, SmpReduction.Score.F1));
    }
}

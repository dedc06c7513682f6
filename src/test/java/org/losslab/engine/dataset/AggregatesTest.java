package org.losslab.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The empty-case rules of each family on a hand-worked audit of three cases, one class: a perfect case, a
 * missed structure (prediction empty) and a false positive on an empty ground truth.
 */
class AggregatesTest {
    private static CaseResult one(String name, ClassNumbers k) {
        return new CaseResult(name, new double[] {1, 1}, 100, new ClassNumbers[] {k});
    }

    private static final List<CaseResult> CASES = List.of(
            one("a", new ClassNumbers(10, 0, 0, 90, 1, 1, 0, 0, 0, 1)),
            one("b", new ClassNumbers(0, 0, 10, 90, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0)),
            one("c", new ClassNumbers(0, 5, 0, 95, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0)));

    @Test
    void nnUnetCountsEveryCaseWhereTheClassIsSomewhere() {
        NnUnetMean dice = NnUnetMean.of(CASES, 1, ClassNumbers::dice);
        assertEquals(1.0 / 3, dice.perClass()[0], 1e-15);
        assertEquals(1.0 / 3, dice.foregroundMean(), 1e-15);
    }

    @Test
    void monaiLeavesOutTheEmptyGroundTruthForDiceAndEveryEmptyMaskForHd95() {
        MonaiMean dice = MonaiMean.of(CASES, 1, ClassNumbers::monaiDice);
        assertEquals(0.5, dice.mean(), 0);
        assertEquals(2, dice.notNans());
        MonaiMean hd95 = MonaiMean.of(CASES, 1, ClassNumbers::monaiHd95);
        assertEquals(0.0, hd95.mean(), 0, "the two infinite HD95 are left out: MONAI's mean is perfect");
        assertEquals(1, hd95.notNans());
        MonaiMean none = MonaiMean.of(CASES.subList(1, 3), 1, ClassNumbers::monaiHd95);
        assertEquals(0.0, none.mean(), 0, "no value at all: 0, as do_metric_reduction");
        assertEquals(0, none.notNans());
    }

    @Test
    void smpSubstitutesOneForZeroOverZeroExceptInMicro() {
        List<CaseResult> withEmpty = List.of(CASES.get(0), CASES.get(1), one("d", ClassNumbers.absent(100)));
        SmpReduction iou = SmpReduction.of(withEmpty, 1, SmpReduction.Score.IOU);
        assertEquals(10.0 / 20, iou.micro(), 0);
        assertEquals(10.0 / 20, iou.macro(), 0);
        assertEquals((1 + 0 + 1) / 3.0, iou.microImagewise(), 1e-15, "the empty case scores 1");
        assertEquals((1 + 0 + 1) / 3.0, iou.macroImagewise(), 1e-15);
        SmpReduction allEmpty = SmpReduction.of(List.of(one("d", ClassNumbers.absent(100))), 1, SmpReduction.Score.F1);
        assertEquals(Double.NaN, allEmpty.micro(), 0, "micro never substitutes");
        assertEquals(1.0, allEmpty.macro(), 0);
    }
}

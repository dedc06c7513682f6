package org.losslab.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run B against run A on a hand-made pair of audits (one class): "worse" follows the metric's direction, a pair
 * with an infinite value is listed apart with its reason, cases in one run only and classes absent everywhere are
 * counted, and the test sees only the finite differences.
 */
class PairedComparisonTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** A case with both masks non-empty, its Dice and HD95. */
    private static CaseResult found(String name, double dice, double hd95) {
        return new CaseResult(name, new double[] {1, 1}, 100, new ClassNumbers[] {
            new ClassNumbers(10, 2, 2, 86, dice, dice / (2 - dice), hd95 + 1, hd95, hd95 / 2, 0.5)});
    }

    /** A case whose structure was not predicted at all. */
    private static CaseResult missed(String name) {
        return new CaseResult(name, new double[] {1, 1}, 100, new ClassNumbers[] {new ClassNumbers(0, 0, 10, 90, 0, 0, INF, INF, INF, 0)});
    }

    /** A case where the class is in neither mask. */
    private static CaseResult absent(String name) {
        return new CaseResult(name, new double[] {1, 1}, 100, new ClassNumbers[] {ClassNumbers.absent(100)});
    }

    private static AuditResult audit(CaseResult... cases) {
        List<CaseResult> list = List.of(cases);
        return new AuditResult(1, 1, list, Aggregates.of(list, 1));
    }

    private static final AuditResult A = audit(absent("s"), missed("w"), found("t", 0.7, 2), found("v", 0.9, 1),
            found("x", 0.8, 2), found("y", 0.4, 5), found("z", 0.9, 1));
    private static final AuditResult B = audit(absent("s"), found("u", 0.9, 1), found("w", 0.6, 2), missed("t"),
            found("x", 0.6, 3), found("y", 0.9, 1), found("z", 0.85, 1.5));

    @Test
    void aLargerDistanceIsWorse() {
        PairedComparison hd95 = PairedComparison.of(A, B, CaseMetric.HD95);
        // x: 2 -> 3 (gain -1), z: 1 -> 1.5 (gain -0.5), y: 5 -> 1 (gain +4): the worse first
        assertEquals(List.of("x", "z", "y"), hd95.changes().stream().map(PairedComparison.Change::caseName).toList());
        assertEquals(1.0, hd95.changes().get(0).difference(), 0);
        assertEquals(2, hd95.worseCount());
        assertEquals(1, hd95.betterCount());
        // t: 2 -> inf got worse, listed before w: inf -> 2, which got better
        assertEquals(List.of("t", "w"), hd95.apart().stream().map(PairedComparison.Apart::caseName).toList());
        assertEquals("B: inf (missed: no prediction)", hd95.apart().get(0).reason());
        assertEquals("A: inf (missed: no prediction)", hd95.apart().get(1).reason());
        assertEquals(List.of("v"), hd95.onlyInA());
        assertEquals(List.of("u"), hd95.onlyInB());
        assertEquals(1, hd95.bothAbsent());
        // the differences 1, 0.5, -4: W+ = 2 + 1, W- = 3; scipy.stats.wilcoxon([1.0, 0.5, -4.0], method="exact") -> 1.0
        assertEquals(3.0, hd95.test().wPlus(), 0);
        assertEquals(3.0, hd95.test().wMinus(), 0);
        assertEquals(1.0, hd95.test().pValue(), 0);
    }

    @Test
    void aLowerDiceIsWorse() {
        PairedComparison dice = PairedComparison.of(A, B, CaseMetric.DICE);
        // t: 0.7 -> 0 (the missed case has Dice 0, a number), x: 0.8 -> 0.6, z: 0.9 -> 0.85, y: 0.4 -> 0.9, w: 0 -> 0.6
        assertEquals(List.of("t", "x", "z", "y", "w"), dice.changes().stream().map(PairedComparison.Change::caseName).toList());
        assertEquals(0, dice.apart().size());
        assertEquals(3, dice.worseCount());
    }
}

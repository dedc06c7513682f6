package org.losslab.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dice against HD95 on five hand-made cases: the scatter's three lists and the ranks worked out by hand. */
class MetricPairTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static CaseResult one(String name, ClassNumbers k) {
        return new CaseResult(name, new double[] {1, 1}, 100, new ClassNumbers[] {k});
    }

    private static CaseResult found(String name, double dice, double hd95) {
        return one(name, new ClassNumbers(10, 2, 2, 86, dice, dice / (2 - dice), hd95, hd95, hd95, 1));
    }

    private static final List<CaseResult> CASES = List.of(found("c1", 0.9, 2), found("c2", 0.5, 1), found("c3", 0.7, 2),
            one("c4", new ClassNumbers(0, 0, 10, 90, 0, 0, INF, INF, INF, 0)), one("c5", ClassNumbers.absent(100)));
    private static final AuditResult AUDIT = new AuditResult(1, 1, CASES, Aggregates.of(CASES, 1));

    @Test
    void everyCaseLandsInOneListOfTheScatter() {
        MetricPair pair = MetricPair.of(AUDIT, CaseMetric.DICE, CaseMetric.HD95);
        assertEquals(List.of("c1", "c2", "c3"), pair.points().stream().map(MetricPair.Point::caseName).toList());
        assertEquals(List.of("c4"), pair.infinite().stream().map(MetricPair.Point::caseName).toList());
        assertEquals("inf (missed: no prediction)", pair.infinite().get(0).reason());
        assertEquals(List.of("c5"), pair.missing().stream().map(MetricPair.Point::caseName).toList());
        assertEquals("none (absent from both)", pair.missing().get(0).reason());
    }

    @Test
    void ranksFollowEachMetricsDirectionAndAverageTies() {
        // worst first. Dice: c4 (0) 1, c2 (0.5) 2, c3 (0.7) 3, c1 (0.9) 4.
        // HD95: c4 (inf) 1, c1 and c3 (2 mm) share 2 and 3: 2.5 each, c2 (1 mm) 4.
        // gaps: c2 |2 - 4| = 2, c1 |4 - 2.5| = 1.5, c3 |3 - 2.5| = 0.5, c4 0
        MetricPair pair = MetricPair.of(AUDIT, CaseMetric.DICE, CaseMetric.HD95);
        List<MetricPair.Disagreement> d = pair.disagreements();
        assertEquals(List.of("c2", "c1", "c3", "c4"), d.stream().map(x -> x.point().caseName()).toList());
        assertEquals(2.0, d.get(0).rankX(), 0);
        assertEquals(4.0, d.get(0).rankY(), 0);
        assertEquals(4.0, d.get(1).rankX(), 0);
        assertEquals(2.5, d.get(1).rankY(), 0);
        assertEquals(1.0, d.get(3).rankY(), 0);
        assertEquals(1.5, d.get(1).gap(), 0);
    }

    @Test
    void twoMetricsOfTheSameDirectionRankAlike() {
        MetricPair pair = MetricPair.of(AUDIT, CaseMetric.DICE, CaseMetric.IOU); // IoU = Dice / (2 - Dice): the same order
        pair.disagreements().forEach(d -> assertEquals(0.0, d.gap(), 0, d.point().caseName()));
    }
}

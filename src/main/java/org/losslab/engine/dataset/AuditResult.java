package org.losslab.engine.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An audit's outcome: the classes scored (1 .. classes), the NSD tolerance, every case's numbers sorted by
 * name, and the aggregates over them.
 */
public record AuditResult(int classes, double toleranceMm, List<CaseResult> cases, Aggregates aggregates) {
    /** One case and one of its classes. */
    public record CaseClass(CaseResult result, int classIndex) {
        public ClassNumbers numbers() {
            return result.of(classIndex);
        }
    }

    /**
     * The {@code count} (case, class) pairs with the lowest Dice (ties: the larger HD95 first, then by name); a
     * class absent from both masks has no Dice and is not among them.
     */
    public List<CaseClass> worst(int count) {
        List<CaseClass> scored = new ArrayList<>();
        for (CaseResult result : cases) {
            for (int c = 1; c <= classes; c++) {
                if (!Double.isNaN(result.of(c).dice())) {
                    scored.add(new CaseClass(result, c));
                }
            }
        }
        scored.sort(Comparator.<CaseClass>comparingDouble(k -> k.numbers().dice())
                .thenComparing(Comparator.<CaseClass>comparingDouble(k -> k.numbers().hd95()).reversed())
                .thenComparing(k -> k.result().name()).thenComparingInt(CaseClass::classIndex));
        return List.copyOf(scored.subList(0, Math.min(count, scored.size())));
    }
}

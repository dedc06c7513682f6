package org.losslab.engine.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two audits of the same ground truth (run A and run B: two models' predictions) compared on one metric, case
 * by case and class by class: the pairs where both runs have a finite value with their differences B - A, those
 * that got worse first (worse following the metric's direction: a lower Dice, a larger HD95), and a paired
 * Wilcoxon signed-rank test of the differences. A pair where either run has no finite value (NaN: absent from
 * both masks; infinity: a distance to an empty mask) is listed apart with the reason, and kept out of the test;
 * a class absent from both masks in both runs is only counted.
 *
 * @param changes      pairs with two finite values, the largest loss of goodness first (then by case and class)
 * @param apart        pairs with a missing or infinite value: those that got worse first, then better, then the rest
 * @param bothAbsent   pairs where the class is in neither mask in either run
 * @param onlyInA      cases run B does not have
 * @param onlyInB      cases run A does not have
 */
public record PairedComparison(CaseMetric metric, List<Change> changes, List<Apart> apart, int bothAbsent,
        List<String> onlyInA, List<String> onlyInB, SignedRankTest test) {

    /** One case and class with a finite value in both runs. */
    public record Change(String caseName, int classIndex, double a, double b, double gain) {
        /** B - A. */
        public double difference() {
            return b - a;
        }

        /** Whether B is worse than A on this pair. */
        public boolean worse() {
            return gain < 0;
        }
    }

    /**
     * One case and class where a run has no finite value.
     *
     * @param order  below 0 when B is worse (a finite value became infinite), above 0 when better, 0 when it cannot tell
     * @param reason which run lacks a value and why ("A: missed: no prediction")
     */
    public record Apart(String caseName, int classIndex, double a, double b, int order, String reason) {
    }

    /** Compares {@code b} with {@code a} on {@code metric} over classes 1 .. the larger class count of the two. */
    public static PairedComparison of(AuditResult a, AuditResult b, CaseMetric metric) {
        Map<String, CaseResult> inB = new TreeMap<>();
        b.cases().forEach(r -> inB.put(r.name(), r));
        int classes = Math.max(a.classes(), b.classes());
        List<Change> changes = new ArrayList<>();
        List<Apart> apart = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        int bothAbsent = 0;
        for (CaseResult ra : a.cases()) {
            CaseResult rb = inB.remove(ra.name());
            if (rb == null) {
                onlyInA.add(ra.name());
                continue;
            }
            for (int c = 1; c <= classes; c++) {
                ClassNumbers na = ra.of(c);
                ClassNumbers nb = rb.of(c);
                double va = metric.of(na);
                double vb = metric.of(nb);
                double gain = metric.goodness(vb) - metric.goodness(va);
                if (Double.isFinite(va) && Double.isFinite(vb)) {
                    changes.add(new Change(ra.name(), c, va, vb, gain));
                } else if (Double.isNaN(va) && Double.isNaN(vb)) {
                    bothAbsent++;
                } else {
                    int order = Double.isNaN(va) || Double.isNaN(vb) ? 0 : Double.compare(metric.goodness(vb), metric.goodness(va));
                    apart.add(new Apart(ra.name(), c, va, vb, order, reason(na, va, nb, vb)));
                }
            }
        }
        changes.sort(Comparator.comparingDouble(Change::gain).thenComparing(Change::caseName).thenComparingInt(Change::classIndex));
        apart.sort(Comparator.comparingInt((Apart x) -> x.order() < 0 ? 0 : x.order() > 0 ? 1 : 2)
                .thenComparing(Apart::caseName).thenComparingInt(Apart::classIndex));
        double[] differences = changes.stream().mapToDouble(Change::difference).toArray();
        return new PairedComparison(metric, List.copyOf(changes), List.copyOf(apart), bothAbsent, List.copyOf(onlyInA),
                List.copyOf(inB.keySet()), SignedRankTest.of(differences));
    }

    /** Which run has no finite value and why, as the table says it. */
    private static String reason(ClassNumbers na, double va, ClassNumbers nb, double vb) {
        List<String> parts = new ArrayList<>();
        if (!Double.isFinite(va)) {
            parts.add("A: " + na.whyNot(va));
        }
        if (!Double.isFinite(vb)) {
            parts.add("B: " + nb.whyNot(vb));
        }
        return String.join("; ", parts);
    }

    /** How many pairs got worse in B, and how many better (finite pairs only). */
    public int worseCount() {
        return (int) changes.stream().filter(Change::worse).count();
    }

    public int betterCount() {
        return (int) changes.stream().filter(c -> c.gain() > 0).count();
    }
}

package org.losslab.engine.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * One metric against another over an audit's cases and classes: the points of a scatter and how the two metrics
 * rank the cases. Every (case, class) lands in one list: {@code points} (both values finite), {@code infinite}
 * (a distance to an empty mask on at least one axis, the other not missing) or {@code missing} (a value NaN:
 * the class is in neither mask). Ranks are over points and infinite ones together, worst first: rank 1 is the
 * lowest goodness (the lowest Dice, the largest HD95, an infinite distance), ties share their average rank
 * (Commons Math's natural ranking). The disagreements are those pairs ordered by how far their two ranks are apart.
 */
public record MetricPair(CaseMetric x, CaseMetric y, List<Point> points, List<Point> infinite, List<Point> missing,
        List<Disagreement> disagreements) {

    /** One case and class with its two values; {@code reason} says why one is not finite (null when both are). */
    public record Point(String caseName, int classIndex, double x, double y, String reason) {
    }

    /**
     * A case and class ranked by both metrics (1 = worst; ties averaged).
     *
     * @param rankX its rank by the first metric
     * @param rankY its rank by the second
     */
    public record Disagreement(Point point, double rankX, double rankY) {
        /** How many places the two ranks are apart. */
        public double gap() {
            return Math.abs(rankX - rankY);
        }
    }

    /** The scatter and ranks of {@code y} against {@code x} over classes 1 .. classes of {@code audit}. */
    public static MetricPair of(AuditResult audit, CaseMetric x, CaseMetric y) {
        List<Point> points = new ArrayList<>();
        List<Point> infinite = new ArrayList<>();
        List<Point> missing = new ArrayList<>();
        for (CaseResult r : audit.cases()) {
            for (int c = 1; c <= audit.classes(); c++) {
                ClassNumbers k = r.of(c);
                double vx = x.of(k);
                double vy = y.of(k);
                String reason = k.whyNot(Double.isFinite(vx) ? vy : vx);
                Point p = new Point(r.name(), c, vx, vy, reason);
                (Double.isNaN(vx) || Double.isNaN(vy) ? missing : reason != null ? infinite : points).add(p);
            }
        }
        List<Point> ranked = new ArrayList<>(points);
        ranked.addAll(infinite);
        double[] rankX = ranks(ranked, x, true);
        double[] rankY = ranks(ranked, y, false);
        List<Disagreement> disagreements = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            disagreements.add(new Disagreement(ranked.get(i), rankX[i], rankY[i]));
        }
        disagreements.sort(Comparator.comparingDouble(Disagreement::gap).reversed()
                .thenComparing(d -> d.point().caseName()).thenComparingInt(d -> d.point().classIndex()));
        return new MetricPair(x, y, List.copyOf(points), List.copyOf(infinite), List.copyOf(missing), List.copyOf(disagreements));
    }

    /** The ranks of the points by {@code metric}'s goodness, ascending (1 = worst), ties averaged. */
    private static double[] ranks(List<Point> points, CaseMetric metric, boolean onX) {
        double[] goodness = new double[points.size()];
        for (int i = 0; i < goodness.length; i++) {
            goodness[i] = metric.goodness(onX ? points.get(i).x() : points.get(i).y());
        }
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(goodness);
    }
}

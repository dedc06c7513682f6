package org.losslab.engine.dataset;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The two-sided Wilcoxon signed-rank test of paired differences, as {@code scipy.stats.wilcoxon} computes it
 * with {@code zero_method="wilcox"}: zero differences are dropped, the others ranked by size (ties get their
 * average rank), and W+ / W- are the rank sums of the positive / negative ones.
 * <p>
 * Apache Commons Math 3.6.1 gives the ranks and, for at most {@link #EXACT_MAX} differences without ties, the
 * exact p-value (it enumerates the 2^n signs: scipy's {@code method="exact"}, capped at 1 as scipy does). Its own
 * test is not used on the rest because (checked against scipy 1.10) it ranks zero differences and counts them in
 * W-, its normal approximation has no tie correction, and its continuity correction moves the statistic away from
 * the mean (a smaller p-value than scipy's with or without correction). Beyond that, or with ties, the p-value is
 * the normal approximation as scipy's {@code method="approx", correction=True}: the variance less
 * sum(t^3 - t)/48 over tied groups, the statistic moved half a rank toward the mean, Commons Math's normal CDF.
 *
 * @param zeros     the differences that were exactly 0 (dropped)
 * @param used      the non-zero differences ranked (n)
 * @param wPlus     the rank sum of the positive differences
 * @param wMinus    the rank sum of the negative ones
 * @param ties      whether two non-zero differences had the same size
 * @param method    how the p-value was computed
 * @param pValue    the two-sided p-value (NaN when no difference is non-zero)
 */
public record SignedRankTest(int zeros, int used, double wPlus, double wMinus, boolean ties, Method method, double pValue) {
    /** The most differences for which the exact p-value is enumerated (2^20 sign patterns: milliseconds). */
    public static final int EXACT_MAX = 20;

    /** How the p-value was computed. */
    public enum Method {
        /** Commons Math's enumeration of the signs (n <= {@link #EXACT_MAX}, no ties). */
        EXACT,
        /** The normal approximation with continuity and tie corrections. */
        NORMAL,
        /** No non-zero difference: no test. */
        NONE
    }

    /** The test of {@code differences} (finite numbers, B - A per pair). */
    public static SignedRankTest of(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int zeros = differences.length - nonZero.length;
        int n = nonZero.length;
        if (n == 0) {
            return new SignedRankTest(zeros, 0, 0, 0, false, Method.NONE, Double.NaN);
        }
        double[] sizes = Arrays.stream(nonZero).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(sizes);
        double wPlus = 0;
        double wMinus = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                wPlus += ranks[i];
            } else {
                wMinus += ranks[i];
            }
        }
        double tieTerm = tieTerm(sizes);
        boolean ties = tieTerm > 0;
        if (n <= EXACT_MAX && !ties) {
            double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, new double[n], true);
            return new SignedRankTest(zeros, n, wPlus, wMinus, false, Method.EXACT, Math.min(1, p));
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm / 48;
        double shifted = wPlus - mean - 0.5 * Math.signum(wPlus - mean); // half a rank toward the mean
        double p = variance > 0 ? 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(shifted) / Math.sqrt(variance)) : 1;
        return new SignedRankTest(zeros, n, wPlus, wMinus, ties, Method.NORMAL, Math.min(1, p));
    }

    /** The sum of t^3 - t over the groups of t equal sizes. */
    private static double tieTerm(double[] sizes) {
        double[] sorted = sizes.clone();
        Arrays.sort(sorted);
        double term = 0;
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            term += t * t * t - t;
            i = j;
        }
        return term;
    }

    /** scipy's statistic for the two-sided test: min(W+, W-). */
    public double statistic() {
        return Math.min(wPlus, wMinus);
    }
}

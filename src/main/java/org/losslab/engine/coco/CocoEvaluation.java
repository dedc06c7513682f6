package org.losslab.engine.coco;

import java.util.Arrays;

/**
 * COCOeval's {@code evaluate} then {@code accumulate} with default Params: precision[T][R][K][A][M] and
 * recall[T][K][A][M] (-1 where a category has no ground truth left to find), flat in numpy's C order.
 * Categories accumulate in parallel; every array a category needs is allocated once per worker.
 */
public final class CocoEvaluation {
    private final long[] categoryIds;
    private final int categories;
    private final double[] precision;
    private final double[] recall;
    /** numpy's np.spacing(1): the machine epsilon the precision's denominator adds. */
    private static final double EPS = Math.ulp(1.0);

    private CocoEvaluation(long[] categoryIds, double[] precision, double[] recall) {
        this.categoryIds = categoryIds;
        this.categories = categoryIds.length;
        this.precision = precision;
        this.recall = recall;
    }

    /** Evaluates on {@code threads} threads (0: every core). */
    public static CocoEvaluation run(CocoDataset data, IouType type, int threads) {
        int workers = Workers.threads(threads);
        CocoGroups groups = CocoGroups.of(data);
        CocoMatching matching = CocoMatching.run(data, groups, type, workers);
        int k = data.categories();
        int t = CocoParams.T;
        int r = CocoParams.R;
        int a = CocoParams.A;
        int m = CocoParams.M;
        double[] precision = new double[t * r * k * a * m];
        double[] recall = new double[t * k * a * m];
        Arrays.fill(precision, -1);
        Arrays.fill(recall, -1);
        CocoEvaluation evaluation = new CocoEvaluation(data.categoryIds(), precision, recall);
        Workers.forEach(k, workers, 1, Curve::new, (curve, category) ->
                evaluation.accumulate(category, groups, matching, curve));
        return evaluation;
    }

    /** A worker's arrays for one category's detections. */
    private static final class Curve {
        int[] order = new int[0];
        int[] scratch = new int[0];
        double[] recall = new double[0];
        double[] precision = new double[0];

        void fit(int n) {
            if (order.length < n) {
                order = new int[n];
                scratch = new int[n];
                recall = new double[n];
                precision = new double[n];
            }
        }
    }

    private void accumulate(int k, CocoGroups groups, CocoMatching matching, Curve c) {
        int firstGroup = groups.categoryGroupFrom[k];
        int lastGroup = groups.categoryGroupFrom[k + 1];
        if (firstGroup == lastGroup) {
            return; // no evalImgs for this category: everything stays -1
        }
        int from = groups.dtFrom[firstGroup];
        int to = groups.dtTo[lastGroup - 1];
        int n = to - from;
        c.fit(n);
        // the concatenation over images (image order, then score) sorted by score, stably: one order for all maxDets
        for (int i = 0; i < n; i++) {
            c.order[i] = from + i;
        }
        StableOrder.descending(c.order, 0, n, groups.dtScores, c.scratch);
        int kept = groups.dtRows.length;
        for (int a = 0; a < CocoParams.A; a++) {
            int npig = 0;
            for (int g = firstGroup; g < lastGroup; g++) {
                npig += matching.notIgnored[g * CocoParams.A + a];
            }
            if (npig == 0) {
                continue;
            }
            for (int m = 0; m < CocoParams.M; m++) {
                int maxDet = CocoParams.MAX_DETS[m];
                for (int t = 0; t < CocoParams.T; t++) {
                    int base = (a * CocoParams.T + t) * kept;
                    int nd = curve(c, n, groups.dtRank, maxDet, matching.flags, base, npig);
                    store(k, a, m, t, c, nd);
                }
            }
        }
    }

    /** Fills recall and precision (already made non-increasing from the end) for one setting; returns nd. */
    private static int curve(Curve c, int n, int[] rank, int maxDet, byte[] flags, int base, int npig) {
        double tp = 0;
        double fp = 0;
        int nd = 0;
        for (int i = 0; i < n; i++) {
            int position = c.order[i];
            if (rank[position] >= maxDet) {
                continue;
            }
            byte f = flags[base + position];
            if ((f & CocoMatching.IGNORED) == 0) {
                if ((f & CocoMatching.MATCHED) != 0) {
                    tp++;
                } else {
                    fp++;
                }
            }
            c.recall[nd] = tp / npig;
            c.precision[nd] = tp / (fp + tp + EPS);
            nd++;
        }
        for (int i = nd - 1; i > 0; i--) {
            if (c.precision[i] > c.precision[i - 1]) {
                c.precision[i - 1] = c.precision[i];
            }
        }
        return nd;
    }

    /** precision at each recall threshold: at the first point whose recall reaches it (searchsorted, left), else 0. */
    private void store(int k, int a, int m, int t, Curve c, int nd) {
        recall[((t * categories + k) * CocoParams.A + a) * CocoParams.M + m] = nd > 0 ? c.recall[nd - 1] : 0;
        int i = 0;
        for (int r = 0; r < CocoParams.R; r++) {
            double threshold = CocoParams.RECALL_THRESHOLDS[r];
            while (i < nd && c.recall[i] < threshold) {
                i++;
            }
            precision[index(t, r, k, a, m)] = i < nd ? c.precision[i] : 0;
        }
    }

    private int index(int t, int r, int k, int a, int m) {
        return (((t * CocoParams.R + r) * categories + k) * CocoParams.A + a) * CocoParams.M + m;
    }

    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /** precision[t, r, k, a, m] with t the IoU threshold, r the recall threshold, a the area range, m the maxDets. */
    public double precision(int t, int r, int k, int a, int m) {
        return precision[index(t, r, k, a, m)];
    }

    /** recall[t, k, a, m]. */
    public double recall(int t, int k, int a, int m) {
        return recall[((t * categories + k) * CocoParams.A + a) * CocoParams.M + m];
    }

    public int categories() {
        return categories;
    }
}

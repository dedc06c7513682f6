package org.losslab.engine.coco;

import java.util.Arrays;

/**
 * The (category, image) pairs COCOeval visits, with their ground truths and detections as contiguous ranges:
 * ground truths in file order, detections by descending score (stable) and at most maxDets (100) of them, both
 * sorted by category, then image. A category's detections are thus one range, image by image, as
 * {@code accumulate} concatenates them.
 */
final class CocoGroups {
    final int count;
    final int[] category;
    final int[] image;
    final int[] gtFrom;
    final int[] gtTo;
    final int[] dtFrom;
    final int[] dtTo;
    /** Ground-truth rows in group order. */
    final int[] gtRows;
    /** Kept detection rows in group order, their scores and their rank within their group. */
    final int[] dtRows;
    final double[] dtScores;
    final int[] dtRank;
    /** Per category k: its groups [categoryGroupFrom[k], categoryGroupFrom[k + 1]). */
    final int[] categoryGroupFrom;

    private CocoGroups(int count, int[] category, int[] image, int[] gtFrom, int[] gtTo, int[] dtFrom, int[] dtTo,
            int[] gtRows, int[] dtRows, double[] dtScores, int[] dtRank, int[] categoryGroupFrom) {
        this.count = count;
        this.category = category;
        this.image = image;
        this.gtFrom = gtFrom;
        this.gtTo = gtTo;
        this.dtFrom = dtFrom;
        this.dtTo = dtTo;
        this.gtRows = gtRows;
        this.dtRows = dtRows;
        this.dtScores = dtScores;
        this.dtRank = dtRank;
        this.categoryGroupFrom = categoryGroupFrom;
    }

    static CocoGroups of(CocoDataset data) {
        int images = data.images();
        int[] gt = byGroup(data.groundTruth(), images);
        int[] dtAll = byGroup(data.detections(), images);
        CocoInstances dts = data.detections();
        double[] allScores = new double[dts.size()];
        for (int i = 0; i < allScores.length; i++) {
            allScores[i] = dts.score(i);
        }
        int[] scratch = new int[dtAll.length];
        int[] dt = new int[dtAll.length];
        int[] rank = new int[dtAll.length];
        int kept = 0;
        int maxDet = CocoParams.MAX_DETS[CocoParams.M - 1];
        for (int from = 0; from < dtAll.length;) {
            int to = from + 1;
            while (to < dtAll.length && sameGroup(dts, dtAll[to], dtAll[from])) {
                to++;
            }
            StableOrder.descending(dtAll, from, to, allScores, scratch);
            for (int i = from; i < Math.min(to, from + maxDet); i++) {
                rank[kept] = i - from;
                dt[kept++] = dtAll[i];
            }
            from = to;
        }
        dt = Arrays.copyOf(dt, kept);
        rank = Arrays.copyOf(rank, kept);
        double[] scores = new double[kept];
        for (int i = 0; i < kept; i++) {
            scores[i] = allScores[dt[i]];
        }
        return merge(data, gt, dt, scores, rank);
    }

    /** Rows that COCOeval evaluates, sorted by (category, image, row). */
    private static int[] byGroup(CocoInstances rows, int images) {
        int n = rows.size();
        long[] keys = new long[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (rows.image(i) >= 0 && rows.category(i) >= 0) {
                keys[used++] = ((long) rows.category(i) * images + rows.image(i)) * n + i;
            }
        }
        Arrays.sort(keys, 0, used);
        int[] order = new int[used];
        for (int i = 0; i < used; i++) {
            order[i] = (int) (keys[i] % n);
        }
        return order;
    }

    private static boolean sameGroup(CocoInstances rows, int a, int b) {
        return rows.category(a) == rows.category(b) && rows.image(a) == rows.image(b);
    }

    private static long groupKey(CocoInstances rows, int row, int images) {
        return (long) rows.category(row) * images + rows.image(row);
    }

    private static CocoGroups merge(CocoDataset data, int[] gt, int[] dt, double[] scores, int[] rank) {
        int images = data.images();
        CocoInstances gts = data.groundTruth();
        CocoInstances dts = data.detections();
        int capacity = gt.length + dt.length;
        int[] category = new int[capacity];
        int[] image = new int[capacity];
        int[] gtFrom = new int[capacity];
        int[] gtTo = new int[capacity];
        int[] dtFrom = new int[capacity];
        int[] dtTo = new int[capacity];
        int[] categoryGroupFrom = new int[data.categories() + 1];
        int g = 0;
        int d = 0;
        int count = 0;
        while (g < gt.length || d < dt.length) {
            long gk = g < gt.length ? groupKey(gts, gt[g], images) : Long.MAX_VALUE;
            long dk = d < dt.length ? groupKey(dts, dt[d], images) : Long.MAX_VALUE;
            long key = Math.min(gk, dk);
            category[count] = (int) (key / images);
            image[count] = (int) (key % images);
            gtFrom[count] = g;
            while (g < gt.length && groupKey(gts, gt[g], images) == key) {
                g++;
            }
            gtTo[count] = g;
            dtFrom[count] = d;
            while (d < dt.length && groupKey(dts, dt[d], images) == key) {
                d++;
            }
            dtTo[count] = d;
            count++;
        }
        int c = 0;
        for (int k = 0; k <= data.categories(); k++) {
            while (c < count && category[c] < k) {
                c++;
            }
            categoryGroupFrom[k] = c;
        }
        return new CocoGroups(count, category, image, gtFrom, gtTo, dtFrom, dtTo, gt, dt, scores, rank,
                categoryGroupFrom);
    }
}

package org.losslab.engine.coco;

import java.util.Arrays;

/**
 * COCOeval's {@code evaluate}: per (category, image) the IoUs of its detections (by descending score, at most 100)
 * with its ground truths, then for each area range and IoU threshold the greedy matching of {@code evaluateImg}.
 * The results are flags per detection (matched to a ground truth with a non-zero id, ignored) and the count of
 * ground truths not ignored, in flat arrays; the groups run in parallel with each worker's scratch reused.
 */
final class CocoMatching {
    /** Flag: matched to a ground truth whose id is not 0 (pycocotools stores the id, and 0 reads as unmatched). */
    static final byte MATCHED = 1;
    static final byte IGNORED = 2;

    private final CocoDataset data;
    private final CocoGroups groups;
    private final IouType type;
    private final double[] gtMaskBoxes;
    private final double[] dtMaskBoxes;
    /** flags[(a * T + t) * kept + position]. */
    final byte[] flags;
    /** Ground truths not ignored, per group and area range: npig[group * A + a]. */
    final int[] notIgnored;

    private CocoMatching(CocoDataset data, CocoGroups groups, IouType type, int threads) {
        this.data = data;
        this.groups = groups;
        this.type = type;
        this.flags = new byte[CocoParams.A * CocoParams.T * groups.dtRows.length];
        this.notIgnored = new int[groups.count * CocoParams.A];
        this.gtMaskBoxes = type == IouType.SEGM ? maskBoxes(data.groundTruth(), threads) : null;
        this.dtMaskBoxes = type == IouType.SEGM ? maskBoxes(data.detections(), threads) : null;
    }

    static CocoMatching run(CocoDataset data, CocoGroups groups, IouType type, int threads) {
        CocoMatching matching = new CocoMatching(data, groups, type, threads);
        Workers.forEach(groups.count, threads, 8, Scratch::new, (scratch, group) -> matching.evaluateGroup(group, scratch));
        return matching;
    }

    /** Each mask's box as maskApi's rleToBbox gives it (rleIou's first test), on all threads; no mask, no box. */
    static double[] maskBoxes(CocoInstances rows, int threads) {
        double[] boxes = new double[4 * rows.size()];
        int[] runs = rows.runs().array();
        Workers.forEach(rows.size(), threads, 1024, () -> null, (none, i) -> {
            if (rows.hasMask(i)) {
                Rle.toBbox(runs, rows.maskOffset(i), rows.maskLength(i), rows.maskHeight(i), rows.maskWidth(i),
                        boxes, 4 * i);
            }
        });
        return boxes;
    }

    /** Per-worker arrays, grown when a group is larger than any before. */
    private static final class Scratch {
        double[] iou = new double[256];
        int[] order = new int[64];
        boolean[] ignored = new boolean[64];
        boolean[] taken = new boolean[64];
        boolean[] crowd = new boolean[64];

        void fit(int d, int g) {
            if (iou.length < d * g) {
                iou = new double[Math.max(d * g, iou.length * 2)];
            }
            if (order.length < g) {
                int n = Math.max(g, order.length * 2);
                order = new int[n];
                ignored = new boolean[n];
                taken = new boolean[n];
                crowd = new boolean[n];
            }
        }
    }

    private void evaluateGroup(int group, Scratch s) {
        int g0 = groups.gtFrom[group];
        int gCount = groups.gtTo[group] - g0;
        int d0 = groups.dtFrom[group];
        int dCount = groups.dtTo[group] - d0;
        s.fit(dCount, gCount);
        computeIous(d0, dCount, g0, gCount, s.iou);
        CocoInstances gts = data.groundTruth();
        CocoInstances dts = data.detections();
        int kept = groups.dtRows.length;
        for (int a = 0; a < CocoParams.A; a++) {
            double low = CocoParams.AREA_RANGES[a][0];
            double high = CocoParams.AREA_RANGES[a][1];
            int regular = orderIgnoredLast(g0, gCount, low, high, s);
            notIgnored[group * CocoParams.A + a] = regular;
            for (int t = 0; t < CocoParams.T; t++) {
                double threshold = Math.min(CocoParams.IOU_THRESHOLDS[t], CocoParams.IOU_CAP);
                Arrays.fill(s.taken, 0, gCount, false);
                int base = (a * CocoParams.T + t) * kept;
                for (int d = 0; d < dCount; d++) {
                    int m = bestMatch(d, gCount, threshold, s);
                    double dtArea = dts.area(groups.dtRows[d0 + d]);
                    boolean outside = dtArea < low || dtArea > high;
                    byte flag;
                    if (m < 0) {
                        flag = outside ? IGNORED : 0;
                    } else {
                        s.taken[m] = true;
                        boolean idNonZero = gts.id(groups.gtRows[g0 + s.order[m]]) != 0;
                        boolean ignored = s.ignored[m] || (!idNonZero && outside);
                        flag = (byte) ((idNonZero ? MATCHED : 0) | (ignored ? IGNORED : 0));
                    }
                    flags[base + d0 + d] = flag;
                }
            }
        }
    }

    /**
     * evaluateImg's inner loop: the best ground truth (position in the ignored-last order) for detection d at
     * this threshold, or -1. A taken ground truth is skipped unless it is a crowd; once a regular one is matched
     * the ignored ones are not tried.
     */
    private static int bestMatch(int d, int gCount, double threshold, Scratch s) {
        double best = threshold;
        int m = -1;
        double[] iou = s.iou;
        for (int p = 0; p < gCount; p++) {
            if (s.taken[p] && !s.crowd[p]) {
                continue;
            }
            if (m > -1 && !s.ignored[m] && s.ignored[p]) {
                break;
            }
            double o = iou[d * gCount + s.order[p]];
            if (o < best) {
                continue;
            }
            best = o;
            m = p;
        }
        return m;
    }

    /**
     * The group's ground truths with the ignored ones (crowds, area outside [low, high]) last, each side in file
     * order (numpy's stable argsort of the flags), into the scratch; returns how many are not ignored.
     */
    private int orderIgnoredLast(int g0, int gCount, double low, double high, Scratch s) {
        CocoInstances gts = data.groundTruth();
        int p = 0;
        int regularCount = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int g = 0; g < gCount; g++) {
                int row = groups.gtRows[g0 + g];
                double area = gts.area(row);
                boolean ignored = gts.crowd(row) || area < low || area > high;
                if (ignored == (pass == 1)) {
                    s.order[p] = g;
                    s.ignored[p] = ignored;
                    s.crowd[p] = gts.crowd(row);
                    p++;
                }
            }
            if (pass == 0) {
                regularCount = p;
            }
        }
        return regularCount;
    }

    /** computeIoU: iou[d * gCount + g] in file order of the group's ground truths (maskApi bbIou / rleIou). */
    private void computeIous(int d0, int dCount, int g0, int gCount, double[] iou) {
        CocoInstances gts = data.groundTruth();
        CocoInstances dts = data.detections();
        boolean masks = type == IouType.SEGM;
        double[] dBoxes = masks ? dtMaskBoxes : dts.boxes();
        double[] gBoxes = masks ? gtMaskBoxes : gts.boxes();
        for (int d = 0; d < dCount; d++) {
            int dr = groups.dtRows[d0 + d];
            for (int g = 0; g < gCount; g++) {
                int gr = groups.gtRows[g0 + g];
                iou[d * gCount + g] = masks ? maskIou(dts, dr, dBoxes, gts, gr, gBoxes)
                        : Rle.boxIou(dBoxes, 4 * dr, gBoxes, 4 * gr, gts.crowd(gr));
            }
        }
    }

    /**
     * maskApi's rleIou for one pair: 0 when the masks' boxes (rleToBbox) do not overlap, -1 when the masks differ
     * in size, else the masks' IoU (over the detection's area for a crowd region).
     */
    static double maskIou(CocoInstances dts, int dr, double[] dBoxes, CocoInstances gts, int gr, double[] gBoxes) {
        boolean crowd = gts.crowd(gr);
        double o = Rle.boxIou(dBoxes, 4 * dr, gBoxes, 4 * gr, crowd);
        if (o > 0) {
            if (dts.maskHeight(dr) != gts.maskHeight(gr) || dts.maskWidth(dr) != gts.maskWidth(gr)) {
                return -1;
            }
            return Rle.iou(dts.runs().array(), dts.maskOffset(dr), dts.maskLength(dr),
                    gts.runs().array(), gts.maskOffset(gr), gts.maskLength(gr), crowd);
        }
        return o;
    }
}

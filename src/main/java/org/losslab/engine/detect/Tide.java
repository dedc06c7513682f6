package org.losslab.engine.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.losslab.engine.box.Box;
import org.losslab.engine.seg.IndexSort;

/**
 * TIDE (Bolya et al., ECCV 2020; tidecv) on one image: every false positive labelled with the error that
 * made it one, every missed ground truth, and the AP each kind of error costs, found as TIDE does by
 * fixing that kind alone and recomputing the mean AP (101-point interpolation per class). Foreground IoU
 * 0.5, background 0.1. The order of the tests is TIDE's: localisation, classification, duplicate,
 * background, and "both" for what is left.
 */
public final class Tide {
    public static final double FOREGROUND = 0.5;
    public static final double BACKGROUND = 0.1;

    /** TIDE's six error types. */
    public enum Error {
        CLS("Cls", "right place, wrong class"),
        LOC("Loc", "right class, IoU between 0.1 and 0.5"),
        BOTH("Both", "wrong class and IoU between 0.1 and 0.5"),
        DUPE("Dupe", "right class and place, but a higher-scored box took the object"),
        BKG("Bkg", "IoU below 0.1 with every object"),
        MISS("Miss", "an object no prediction found, not even wrongly");

        public final String shortName;
        public final String meaning;

        Error(String shortName, String meaning) {
            this.shortName = shortName;
            this.meaning = meaning;
        }
    }

    /**
     * @param errors  per detection, its error, or null for a true positive
     * @param missed  per ground truth, whether it is a missed object
     * @param ap      the mean AP at IoU 0.5 (101-point)
     * @param deltaAp per error type, the AP gained by fixing every error of that type (0 or more)
     */
    public record Result(Error[] errors, boolean[] missed, double ap, Map<Error, Double> deltaAp) {
        public int count(Error e) {
            int n = 0;
            for (Error x : errors) {
                n += x == e ? 1 : 0;
            }
            if (e == Error.MISS) {
                for (boolean m : missed) {
                    n += m ? 1 : 0;
                }
            }
            return n;
        }
    }

    /** A point of a class's precision/recall curve: a detection's score and whether it is correct. */
    private record Point(int label, double score, boolean correct) {
    }

    private Tide() {
    }

    /**
     * One image's verdicts, before any AP: which detections are true positives ({@code used}), the error of each
     * other one, which objects are missed, and for a Loc or Cls error the object it would fix ({@code fixTruth},
     * -1 if none) and, per object, the highest-scored error that may fix it ({@code bestId}, -1 if none).
     */
    public record Verdicts(boolean[] used, Error[] errors, boolean[] missed, int[] fixTruth, int[] bestId) {
    }

    public static Result of(DetectionsData d) {
        Verdicts v = verdicts(d);
        double[] aps = pooledAps(List.of(d), List.of(v));
        Map<Error, Double> delta = new EnumMap<>(Error.class);
        for (Error e : Error.values()) {
            delta.put(e, aps[1 + e.ordinal()]);
        }
        return new Result(v.errors(), v.missed(), aps[0], delta);
    }

    /**
     * The mean AP over images pooled as one curve per class (TIDE on a dataset: matching per image, AP over all),
     * then the mean AP with each error type fixed: {ap, ap gained by fixing Error.values()[0], ...}, each gain 0
     * or more. The images' labels are shared classes.
     */
    public static double[] pooledAps(List<DetectionsData> images, List<Verdicts> verdicts) {
        Error[] types = Error.values();
        double[] out = new double[1 + types.length];
        for (int k = -1; k < types.length; k++) {
            Error fix = k < 0 ? null : types[k];
            List<Point> points = new ArrayList<>();
            Map<Integer, Integer> truths = new TreeMap<>();
            for (int i = 0; i < images.size(); i++) {
                Verdicts v = verdicts.get(i);
                points.addAll(points(images.get(i), v.used(), v.errors(), v.fixTruth(), v.bestId(), fix));
                truthCounts(images.get(i), v.missed(), fix).forEach((label, n) -> truths.merge(label, n, Integer::sum));
            }
            out[k + 1] = meanAp(points, truths);
        }
        for (int k = 1; k < out.length; k++) {
            out[k] = Math.max(out[k] - out[0], 0);
        }
        return out;
    }

    /** TIDE's matching and error labels on one image (foreground IoU 0.5, background 0.1). */
    public static Verdicts verdicts(DetectionsData d) {
        int n = d.count();
        int g = d.truthLabels().length;
        double[][] iou = new double[n][g];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < g; j++) {
                iou[i][j] = Box.iou(d.boxes(), 4 * i, d.truthBoxes(), 4 * j);
            }
        }
        int[] order = IndexSort.descending(d.scores(), n);
        boolean[] used = new boolean[n];
        boolean[] truthUsed = new boolean[g];
        double[][] buffer = new double[n][g];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < g; j++) {
                buffer[i][j] = sameClass(d, i, j) ? iou[i][j] : 0;
            }
        }
        for (int i : order) {
            int j = argmax(buffer[i]);
            if (j >= 0 && buffer[i][j] >= FOREGROUND) {
                used[i] = true;
                truthUsed[j] = true;
                for (double[] row : buffer) {
                    row[j] = 0;
                }
            }
        }
        Error[] errors = new Error[n];
        int[] fixTruth = new int[n];
        Arrays.fill(fixTruth, -1);
        boolean[] usable = new boolean[g];
        double[] bestScore = new double[g];
        int[] bestId = new int[g];
        Arrays.fill(bestScore, -1);
        Arrays.fill(bestId, -1);
        for (int i : order) {
            if (used[i]) {
                continue;
            }
            errors[i] = classify(d, iou[i], i, truthUsed);
            if (errors[i] == Error.LOC || errors[i] == Error.CLS) {
                int j = errors[i] == Error.LOC ? argmax(masked(d, iou[i], i, true, null))
                        : argmax(masked(d, iou[i], i, false, null));
                // TIDE's BestGTMatch: an object can be fixed once, by its highest-scored error
                if (!truthUsed[j]) {
                    usable[j] = true;
                    fixTruth[i] = j;
                    if (bestScore[j] < d.scores()[i]) {
                        bestScore[j] = d.scores()[i];
                        bestId[j] = i;
                    }
                }
            }
        }
        boolean[] missed = new boolean[g];
        for (int j = 0; j < g; j++) {
            missed[j] = !truthUsed[j] && !usable[j];
        }
        return new Verdicts(used, errors, missed, fixTruth, bestId);
    }

    private static boolean sameClass(DetectionsData d, int i, int j) {
        return d.labels()[i] == d.truthLabels()[j];
    }

    private static Error classify(DetectionsData d, double[] iou, int i, boolean[] truthUsed) {
        if (iou.length == 0) {
            return Error.BKG;
        }
        double[] same = masked(d, iou, i, true, null);
        int j = argmax(same);
        if (BACKGROUND <= same[j] && same[j] <= FOREGROUND) {
            return Error.LOC;
        }
        double[] other = masked(d, iou, i, false, null);
        j = argmax(other);
        if (other[j] >= FOREGROUND) {
            return Error.CLS;
        }
        double[] taken = masked(d, iou, i, true, truthUsed);
        j = argmax(taken);
        if (taken[j] >= FOREGROUND) {
            return Error.DUPE;
        }
        j = argmax(iou);
        if (iou[j] <= BACKGROUND) {
            return Error.BKG;
        }
        return Error.BOTH;
    }

    /** The row of IoUs kept where the class matches (or not), and only the used truths when given. */
    private static double[] masked(DetectionsData d, double[] iou, int i, boolean sameClass, boolean[] onlyUsed) {
        double[] out = new double[iou.length];
        for (int j = 0; j < iou.length; j++) {
            boolean keep = sameClass(d, i, j) == sameClass && (onlyUsed == null || onlyUsed[j]);
            out[j] = keep ? iou[j] : 0;
        }
        return out;
    }

    /** The first index of the largest value, or -1 for an empty row. */
    private static int argmax(double[] row) {
        int best = row.length == 0 ? -1 : 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The curve points with the errors of type {@code fix} fixed (TIDE's fix), or none fixed when null. */
    private static List<Point> points(DetectionsData d, boolean[] used, Error[] errors, int[] fixTruth, int[] bestId,
                                      Error fix) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < d.count(); i++) {
            double score = d.scores()[i];
            if (used[i]) {
                points.add(new Point(d.labels()[i], score, true));
                continue;
            }
            if (errors[i] != fix) {
                points.add(new Point(d.labels()[i], score, false));
                continue;
            }
            if ((fix == Error.LOC || fix == Error.CLS) && fixTruth[i] >= 0 && bestId[fixTruth[i]] == i) {
                int label = fix == Error.CLS ? d.truthLabels()[fixTruth[i]] : d.labels()[i];
                points.add(new Point(label, score, true));
            }
            // every other fixed error is suppressed: the detection is removed
        }
        return points;
    }

    private static Map<Integer, Integer> truthCounts(DetectionsData d, boolean[] missed, Error fix) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int j = 0; j < missed.length; j++) {
            int add = fix == Error.MISS && missed[j] ? 0 : 1;
            counts.merge(d.truthLabels()[j], add, Integer::sum);
        }
        return counts;
    }

    /** The mean over the classes that have objects or detections of the 101-point AP (0 for a class without objects). */
    private static double meanAp(List<Point> points, Map<Integer, Integer> truths) {
        TreeMap<Integer, List<Point>> byClass = new TreeMap<>();
        for (Point p : points) {
            byClass.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(p);
        }
        for (int label : truths.keySet()) {
            byClass.computeIfAbsent(label, k -> new ArrayList<>());
        }
        double sum = 0;
        int classes = 0;
        for (var entry : byClass.entrySet()) {
            int positives = truths.getOrDefault(entry.getKey(), 0);
            List<Point> list = entry.getValue();
            if (list.isEmpty() && positives == 0) {
                continue;
            }
            classes++;
            if (positives == 0) {
                continue;
            }
            list.sort((a, b) -> Double.compare(b.score(), a.score()));
            double[] precision = new double[list.size()];
            double[] recall = new double[list.size()];
            int tp = 0;
            for (int k = 0; k < list.size(); k++) {
                tp += list.get(k).correct() ? 1 : 0;
                precision[k] = (double) tp / (k + 1);
                recall[k] = (double) tp / positives;
            }
            sum += AveragePrecision.COCO101.of(precision, recall);
        }
        return classes == 0 ? 0 : sum / classes;
    }
}

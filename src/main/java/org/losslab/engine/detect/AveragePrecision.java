package org.losslab.engine.detect;

import java.util.Locale;
import java.util.TreeSet;

/**
 * Average precision of a precision/recall curve, with the three interpolations in use:
 * ALL_POINT (VOC 2010 onwards: area under the precision envelope), VOC11 (mean of the envelope at
 * recall 0, 0.1, ..., 1) and COCO101 (mean of the envelope at the first rank reaching recall
 * 0, 0.01, ..., 1; 0 where the recall is never reached).
 */
public enum AveragePrecision {
    ALL_POINT, VOC11, COCO101;

    /** The scene-file name of the interpolation. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AveragePrecision parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** AP of one class from its matching. */
    public double of(DetectionMatching m) {
        if (m.truthCount == 0) {
            return 0;
        }
        return of(m.precision(), m.recall());
    }

    public double of(double[] precision, double[] recall) {
        int n = precision.length;
        double[] envelope = new double[n];
        double running = 0;
        for (int r = n - 1; r >= 0; r--) {
            running = Math.max(running, precision[r]);
            envelope[r] = running;
        }
        switch (this) {
            case ALL_POINT: {
                double area = 0;
                double previousRecall = 0;
                for (int r = 0; r < n; r++) {
                    area += (recall[r] - previousRecall) * envelope[r];
                    previousRecall = recall[r];
                }
                return area;
            }
            case VOC11:
                return sampled(envelope, recall, 11);
            case COCO101:
                return sampled(envelope, recall, 101);
            default:
                throw new IllegalStateException(name());
        }
    }

    private static double sampled(double[] envelope, double[] recall, int points) {
        double sum = 0;
        int r = 0;
        for (int k = 0; k < points; k++) {
            // the same grid numpy's linspace gives; an exact threshold compares as COCO's searchsorted
            double threshold = (double) k / (points - 1);
            while (r < recall.length && recall[r] < threshold - 1e-12) {
                r++;
            }
            sum += r < recall.length ? envelope[r] : 0;
        }
        return sum / points;
    }

    /** The labels that occur in the truth (the classes AP is averaged over). */
    public static TreeSet<Integer> truthClasses(DetectionsData data) {
        TreeSet<Integer> classes = new TreeSet<>();
        for (int l : data.truthLabels()) {
            classes.add(l);
        }
        return classes;
    }
}

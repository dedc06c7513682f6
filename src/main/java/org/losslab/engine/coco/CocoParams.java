package org.losslab.engine.coco;

/**
 * pycocotools' default {@code Params} for bbox and segm: the thresholds are computed as numpy's {@code linspace}
 * computes them ({@code i * step + start}, the last set to stop), since matching compares IoUs to them exactly.
 */
public final class CocoParams {
    /** .50:.05:.95, T = 10. */
    static final double[] IOU_THRESHOLDS = linspace(.5, .95, 10);
    /** 0:.01:1, R = 101. */
    static final double[] RECALL_THRESHOLDS = linspace(0, 1, 101);
    /** The largest number of detections per image and category, sorted ascending (M = 3). */
    static final int[] MAX_DETS = {1, 10, 100};
    /** all, small, medium, large: [0, 1e5^2], [0, 32^2], [32^2, 96^2], [96^2, 1e5^2], bounds included. */
    static final double[][] AREA_RANGES = {{0, 1e10}, {0, 1024}, {1024, 9216}, {9216, 1e10}};
    static final String[] AREA_LABELS = {"all", "small", "medium", "large"};
    /** The matching's cap on the IoU to beat, so an IoU of exactly 1 still matches at the 0.95 threshold. */
    static final double IOU_CAP = 1 - 1e-10;

    static final int T = IOU_THRESHOLDS.length;
    static final int R = RECALL_THRESHOLDS.length;
    static final int A = AREA_RANGES.length;
    static final int M = MAX_DETS.length;

    private CocoParams() {
    }

    private static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] y = new double[num];
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** The index of a threshold as {@code np.where(iouThr == p.iouThrs)} finds it, -1 if none is equal. */
    static int iouIndex(double threshold) {
        for (int t = 0; t < T; t++) {
            if (IOU_THRESHOLDS[t] == threshold) {
                return t;
            }
        }
        return -1;
    }
}

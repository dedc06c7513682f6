package org.losslab.engine.coco;

/**
 * COCOeval's precision/recall curves as the dataset view draws them: precision at the 101 recall points, with
 * 100 detections an image, for one category or the mean over the categories that have a value (as summarize()
 * averages, entries of -1 left out); -1 where there is none.
 */
public final class CocoCurves {
    private static final int MAX_DETS_100 = CocoParams.M - 1;

    private CocoCurves() {
    }

    /** The recall points 0, 0.01, ... 1 (numpy's linspace). */
    public static double[] recallPoints() {
        return CocoParams.RECALL_THRESHOLDS.clone();
    }

    /** The IoU threshold of index t (0.50, 0.55, ... 0.95). */
    public static double iouThreshold(int t) {
        return CocoParams.IOU_THRESHOLDS[t];
    }

    /** precision[t, :, k, a, 100]; k = -1 for the mean over categories. */
    public static double[] precision(CocoEvaluation e, int t, int k, int a) {
        double[] out = new double[CocoParams.R];
        for (int r = 0; r < out.length; r++) {
            if (k >= 0) {
                out[r] = e.precision(t, r, k, a, MAX_DETS_100);
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int c = 0; c < e.categories(); c++) {
                double p = e.precision(t, r, c, a, MAX_DETS_100);
                if (p > -1) {
                    sum += p;
                    n++;
                }
            }
            out[r] = n == 0 ? -1 : sum / n;
        }
        return out;
    }
}

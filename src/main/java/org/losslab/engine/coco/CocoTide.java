package org.losslab.engine.coco;

import java.util.Arrays;
import java.util.List;
import org.losslab.engine.detect.DetectionsData;
import org.losslab.engine.detect.Tide;

/**
 * TIDE (Bolya et al. 2020) on a COCO dataset: the per-scene TIDE's verdicts ({@link Tide#verdicts}) on every image,
 * with the curve of each category pooled over all images ({@link Tide#pooledAps}), so the error types, the AP at
 * IoU 0.5 (101 points) and the "AP if fixed" mean what they mean on one scene. On each image, as tidecv: at most
 * 100 detections (by score, file order on ties); a crowd region is no object to find, and a detection that is no
 * true positive and lies on a crowd region of its category (COCO's crowd IoU, over the detection's own area, 0.5 or
 * more) is ignored: neither right nor wrong. Boxes are compared, also for segm results.
 */
public final class CocoTide {
    private static final int MAX_DETS = 100;
    private static final double CROWD_IOU = 0.5;

    /**
     * One image: its evaluated objects and kept detections (rows of the dataset's instances, in the order of
     * {@code data}), its crowd regions, the detections ignored on them, and TIDE's verdicts.
     */
    public record Image(int[] gtRows, int[] dtRows, int[] crowdRows, int[] ignoredRows, DetectionsData data,
                        Tide.Verdicts verdicts) {
        /** True positives: each has an object of its own. */
        public int truePositives() {
            int n = 0;
            for (boolean u : verdicts.used()) {
                n += u ? 1 : 0;
            }
            return n;
        }
    }

    private final Image[] images;
    private final double[] aps;

    private CocoTide(Image[] images, double[] aps) {
        this.images = images;
        this.aps = aps;
    }

    /** TIDE over every image of the dataset, the images in parallel on {@code threads} threads (0: every core). */
    public static CocoTide run(CocoDataset data, int threads) {
        int n = data.images();
        int[][] gtByImage = byImage(data.groundTruth(), n);
        int[][] dtByImage = byImage(data.detections(), n);
        Image[] images = new Image[n];
        Workers.forEach(n, Workers.threads(threads), 16, () -> null,
                (none, i) -> images[i] = image(data, gtByImage[i], dtByImage[i]));
        double[] aps = Tide.pooledAps(Arrays.stream(images).map(Image::data).toList(),
                Arrays.stream(images).map(Image::verdicts).toList());
        return new CocoTide(images, aps);
    }

    /** The evaluated rows (listed image and category) of each image, in file order. */
    private static int[][] byImage(CocoInstances rows, int images) {
        int[] counts = new int[images];
        for (int r = 0; r < rows.size(); r++) {
            if (rows.image(r) >= 0 && rows.category(r) >= 0) {
                counts[rows.image(r)]++;
            }
        }
        int[][] out = new int[images][];
        for (int i = 0; i < images; i++) {
            out[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.image(r) >= 0 && rows.category(r) >= 0) {
                out[rows.image(r)][counts[rows.image(r)]++] = r;
            }
        }
        return out;
    }

    private static Image image(CocoDataset data, int[] gt, int[] dt) {
        CocoInstances gts = data.groundTruth();
        CocoInstances dts = data.detections();
        int[] objects = Arrays.stream(gt).filter(r -> !gts.crowd(r)).toArray();
        int[] crowds = Arrays.stream(gt).filter(gts::crowd).toArray();
        double[] scores = Arrays.stream(dt).mapToDouble(dts::score).toArray();
        int[] ranked = new int[dt.length];
        Arrays.setAll(ranked, i -> i);
        StableOrder.descending(ranked, 0, ranked.length, scores, new int[ranked.length]);
        int[] kept = new int[Math.min(MAX_DETS, ranked.length)];
        Arrays.setAll(kept, i -> dt[ranked[i]]);
        DetectionsData first = detections(gts, objects, dts, kept);
        Tide.Verdicts v = Tide.verdicts(first);
        if (crowds.length == 0) {
            return new Image(objects, kept, crowds, new int[0], first, v);
        }
        int[] ignored = new int[kept.length];
        int[] rest = new int[kept.length];
        int ni = 0;
        int nr = 0;
        for (int i = 0; i < kept.length; i++) {
            if (!v.used()[i] && onCrowd(gts, crowds, dts, kept[i])) {
                ignored[ni++] = kept[i];
            } else {
                rest[nr++] = kept[i];
            }
        }
        if (ni == 0) {
            return new Image(objects, kept, crowds, new int[0], first, v);
        }
        // an ignored detection took no object, so the true positives stay; the errors left are labelled again
        rest = Arrays.copyOf(rest, nr);
        DetectionsData second = detections(gts, objects, dts, rest);
        return new Image(objects, rest, crowds, Arrays.copyOf(ignored, ni), second, Tide.verdicts(second));
    }

    private static boolean onCrowd(CocoInstances gts, int[] crowds, CocoInstances dts, int row) {
        for (int c : crowds) {
            if (gts.category(c) == dts.category(row)
                    && Rle.boxIou(dts.boxes(), 4 * row, gts.boxes(), 4 * c, true) >= CROWD_IOU) {
                return true;
            }
        }
        return false;
    }

    /** Boxes as corners (COCO's are x, y, w, h), labels the category indices. */
    private static DetectionsData detections(CocoInstances gts, int[] objects, CocoInstances dts, int[] rows) {
        return new DetectionsData(corners(dts, rows), Arrays.stream(rows).mapToDouble(dts::score).toArray(),
                Arrays.stream(rows).map(dts::category).toArray(), corners(gts, objects),
                Arrays.stream(objects).map(gts::category).toArray());
    }

    private static double[] corners(CocoInstances rows, int[] which) {
        double[] b = rows.boxes();
        double[] out = new double[4 * which.length];
        for (int i = 0; i < which.length; i++) {
            int r = 4 * which[i];
            out[4 * i] = b[r];
            out[4 * i + 1] = b[r + 1];
            out[4 * i + 2] = b[r] + b[r + 2];
            out[4 * i + 3] = b[r + 1] + b[r + 3];
        }
        return out;
    }

    public int images() {
        return images.length;
    }

    public Image image(int i) {
        return images[i];
    }

    /** The mean AP at IoU 0.5 over the categories with objects or detections, as TIDE computes it. */
    public double ap() {
        return aps[0];
    }

    /** The AP gained by fixing every error of this type (0 or more). */
    public double gain(Tide.Error e) {
        return aps[1 + e.ordinal()];
    }

    /** How many errors of this type over all images (detections, or objects for Miss). */
    public int count(Tide.Error e) {
        int n = 0;
        for (Image image : images) {
            for (Tide.Error x : image.verdicts().errors()) {
                n += x == e ? 1 : 0;
            }
            if (e == Tide.Error.MISS) {
                for (boolean m : image.verdicts().missed()) {
                    n += m ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** Every image's verdicts, in image order. */
    public List<Image> all() {
        return List.of(images);
    }
}

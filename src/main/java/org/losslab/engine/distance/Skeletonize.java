package org.losslab.engine.distance;

/**
 * The hard skeleton of a binary mask exactly as scikit-image 0.19.3's {@code skeletonize} computes it in
 * 2-D (Zhang and Suen's parallel thinning, 1984, in scikit-image's variant): two sub-passes per sweep,
 * each removing at once every pixel whose 8-neighbourhood class allows it in that sub-pass, until a sweep
 * removes nothing. Pixels outside the image are background.
 */
public final class Skeletonize {
    /**
     * For each of the 256 neighbourhoods (bit 0 = north-west, then clockwise: N, NE, E, SE, S, SW, W) whether
     * the centre may go: 1 in the first sub-pass, 2 in the second, 3 in both, 0 never. This is
     * scikit-image's table (it is not the textbook's conditions, which differ on 25 neighbourhoods), kept as
     * data because the clDice metric is specified on scikit-image's skeletons; SkeletonizeTest checks it
     * against skeletons scikit-image 0.19.3 computed.
     */
    private static final String REMOVAL =
            "0001001300311013000000002020303300000000300000000000000020003022" +
            "0000000000000000000000000000000020000000200020003000000030003020" +
            "0031001300000001000000000000000131000000000000002000000000000000" +
            "2313001300000001000000000000000023010001000000003301000022002000";

    private Skeletonize() {
    }

    private static final MaskCache SKELETONS = new MaskCache(8, 8L << 20);

    /**
     * The skeleton of the mask, kept for the last masks seen (the table, the metric and the map ask for the same
     * ones, and a stroke on the prediction leaves the target's as it was); a fresh array each call.
     */
    public static boolean[] cachedSkeleton(boolean[] mask, int height, int width) {
        double[] kept = SKELETONS.get(mask, height, width, 0, () -> {
            boolean[] skeleton = skeleton(mask, height, width);
            double[] asNumbers = new double[skeleton.length];
            for (int i = 0; i < skeleton.length; i++) {
                asNumbers[i] = skeleton[i] ? 1 : 0;
            }
            return asNumbers;
        });
        boolean[] out = new boolean[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = kept[i] != 0;
        }
        return out;
    }

    public static boolean[] skeleton(boolean[] mask, int height, int width) {
        int h = height + 2;
        int w = width + 2;
        byte[] current = new byte[h * w];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                current[(y + 1) * w + x + 1] = (byte) (mask[y * width + x] ? 1 : 0);
            }
        }
        byte[] cleaned = current.clone();
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int pass = 1; pass <= 2; pass++) {
                for (int y = 1; y < h - 1; y++) {
                    for (int x = 1; x < w - 1; x++) {
                        int i = y * w + x;
                        if (current[i] == 0) {
                            continue;
                        }
                        int code = current[i - w - 1] | current[i - w] << 1 | current[i - w + 1] << 2 | current[i + 1] << 3
                                | current[i + w + 1] << 4 | current[i + w] << 5 | current[i + w - 1] << 6 | current[i - 1] << 7;
                        int rule = REMOVAL.charAt(code) - '0';
                        if (rule == 3 || rule == pass) {
                            cleaned[i] = 0;
                            removed = true;
                        }
                    }
                }
                System.arraycopy(cleaned, 0, current, 0, current.length);
            }
        }
        boolean[] out = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = current[(y + 1) * w + x + 1] == 1;
            }
        }
        return out;
    }
}

package org.losslab.engine.distance;


/**
 * The distance transforms of the last masks (at most twelve, and 8 Mi pixels): HD, ASSD, NSD and the distance-map
 * losses of one frame share them.
 */
final class DistanceCache {
    private static final MaskCache TRANSFORMS = new MaskCache(12, 8L << 20);

    private DistanceCache() {
    }

    /** Euclidean distances to the nearest pixel where {@code seed} is true (read-only). */
    static double[] distance(boolean[] seed, int height, int width) {
        return TRANSFORMS.get(seed, height, width, 0, () -> DistanceTransform.distance(seed, height, width));
    }
}

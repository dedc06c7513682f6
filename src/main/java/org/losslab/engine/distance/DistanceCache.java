package org.losslab.engine.distance;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.losslab.engine.maps.DistanceTransform;

/**
 * The distance transforms of the last few masks (at most twelve, and a bounded number of pixels): the distance entries of a scene (HD, ASSD, NSD, the
 * Hausdorff and boundary losses) ask for the same transforms of the same masks, one after the other, so a
 * mask changes once and is transformed once. Keyed by the mask's content (a hash, then an exact
 * comparison); the arrays handed out are shared and must not be written. Thread-safe.
 */
final class DistanceCache {
    private static final int ENTRIES = 12;
    /** At most this many pixels kept over all entries (about 72 MB), so large scenes keep fewer masks. */
    private static final long PIXEL_BUDGET = 8L << 20;
    private static final Map<Key, double[]> CACHE = new LinkedHashMap<>(16, 0.75f, true);
    private static long cachedPixels;

    private DistanceCache() {
    }

    private record Key(int height, int width, int hash, boolean[] mask) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.height == height && k.width == width && k.hash == hash
                    && Arrays.equals(k.mask, mask);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Euclidean distances to the nearest pixel where {@code seed} is true (read-only). */
    static double[] distance(boolean[] seed, int height, int width) {
        Key key = new Key(height, width, 31 * Arrays.hashCode(seed) + height, seed);
        synchronized (CACHE) {
            double[] hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        double[] computed = DistanceTransform.distance(seed, height, width);
        if (seed.length > PIXEL_BUDGET) {
            return computed;
        }
        synchronized (CACHE) {
            if (CACHE.put(new Key(height, width, key.hash(), seed.clone()), computed) == null) {
                cachedPixels += seed.length;
            }
            Iterator<Map.Entry<Key, double[]>> eldestFirst = CACHE.entrySet().iterator();
            while (CACHE.size() > ENTRIES || cachedPixels > PIXEL_BUDGET) {
                cachedPixels -= eldestFirst.next().getValue().length;
                eldestFirst.remove();
            }
        }
        return computed;
    }
}

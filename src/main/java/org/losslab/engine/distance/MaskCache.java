package org.losslab.engine.distance;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fields computed from a hard mask (its distance transform, its soft skeleton), kept for the last few masks: the
 * entries of a frame ask for the same fields of the same masks, and a stroke on the prediction leaves the target's
 * untouched. Keyed by the mask's content (a hash, then an exact comparison) and a variant (an iteration count);
 * bounded in entries and in pixels; the arrays handed out are shared and must not be written. Thread-safe.
 */
final class MaskCache {
    private final int entries;
    private final long pixelBudget;
    private final Map<Key, double[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedPixels;

    /** Set on a thread while {@link FreshFields#run} measures what work needs on its own: nothing is looked up or kept. */
    static final ThreadLocal<Boolean> BYPASSED = ThreadLocal.withInitial(() -> false);

    MaskCache(int entries, long pixelBudget) {
        this.entries = entries;
        this.pixelBudget = pixelBudget;
    }

    private record Key(int height, int width, int variant, int hash, boolean[] mask) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.height == height && k.width == width && k.variant == variant && k.hash == hash
                    && Arrays.equals(k.mask, mask);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The field of {@code mask} (read-only), computed by {@code compute} unless kept. */
    double[] get(boolean[] mask, int height, int width, int variant, Supplier<double[]> compute) {
        if (BYPASSED.get()) {
            return compute.get();
        }
        Key key = new Key(height, width, variant, 31 * (31 * Arrays.hashCode(mask) + height) + variant, mask);
        synchronized (cache) {
            double[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        double[] computed = compute.get();
        if (mask.length > pixelBudget) {
            return computed;
        }
        synchronized (cache) {
            if (cache.put(new Key(height, width, variant, key.hash(), mask.clone()), computed) == null) {
                cachedPixels += mask.length;
            }
            Iterator<Map.Entry<Key, double[]>> eldestFirst = cache.entrySet().iterator();
            while (cache.size() > entries || cachedPixels > pixelBudget) {
                cachedPixels -= eldestFirst.next().getValue().length;
                eldestFirst.remove();
            }
        }
        return computed;
    }
}

package org.losslab.engine.coco;

/**
 * Stable sorts of index arrays by a double key, highest first, as numpy's {@code argsort(-key, kind='mergesort')}:
 * equal keys (0.0 and -0.0 included) keep their order. Primitive comparisons only; the caller gives the scratch.
 */
final class StableOrder {
    private static final int INSERTION = 16;

    private StableOrder() {
    }

    /** Sorts {@code order[from, to)} by {@code key[order[i]]} descending; {@code scratch} as long as order. */
    static void descending(int[] order, int from, int to, double[] key, int[] scratch) {
        if (to - from <= INSERTION) {
            insertion(order, from, to, key);
            return;
        }
        int mid = (from + to) >>> 1;
        descending(order, from, mid, key, scratch);
        descending(order, mid, to, key, scratch);
        if (key[order[mid - 1]] >= key[order[mid]]) {
            return; // already in order
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            // the left one first unless the right one is strictly higher: stable
            order[k++] = key[scratch[j]] > key[scratch[i]] ? scratch[j++] : scratch[i++];
        }
        while (i < mid) {
            order[k++] = scratch[i++];
        }
        while (j < to) {
            order[k++] = scratch[j++];
        }
    }

    private static void insertion(int[] order, int from, int to, double[] key) {
        for (int i = from + 1; i < to; i++) {
            int item = order[i];
            double k = key[item];
            int j = i - 1;
            while (j >= from && key[order[j]] < k) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = item;
        }
    }
}

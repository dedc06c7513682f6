package org.losslab.engine.seg;

import java.util.Arrays;

/**
 * A stable sort of indices by a double key, on primitive arrays: the order Lovasz losses need (errors
 * descending, ties by position) without boxing a quarter of a million Integers per frame. Keys travel
 * with their indices so that merging reads memory in order.
 */
public final class IndexSort {
    private static final int INSERTION_LIMIT = 32;

    private IndexSort() {
    }

    /** Above this size a radix sort, free of the mispredicted branches of comparisons, is faster. */
    private static final int RADIX_LIMIT = 4096;

    /** Indices 0..n-1 ordered by {@code keys} descending; equal keys keep their index order. */
    public static int[] descending(double[] keys, int n) {
        return n > RADIX_LIMIT ? radixDescending(keys, n) : mergeDescending(keys, n);
    }

    /**
     * A stable LSD radix sort on 16-bit digits of a key whose unsigned order is the descending order
     * of the doubles (-0.0 folded onto 0.0 so that the two compare equal, as with {@code >=}).
     */
    static int[] radixDescending(double[] keys, int n) {
        long[] bits = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToLongBits(keys[i] + 0.0);
            long ascending = b < 0 ? ~b : b ^ Long.MIN_VALUE;
            bits[i] = ~ascending;
            order[i] = i;
        }
        long[] bitsBuffer = new long[n];
        int[] orderBuffer = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (bits[i] >>> shift) & 0xFFFF]++;
            }
            if (count[(int) (bits[0] >>> shift) & 0xFFFF] == n) {
                continue; // every key shares this digit
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (bits[i] >>> shift) & 0xFFFF;
                int at = count[d]++;
                bitsBuffer[at] = bits[i];
                orderBuffer[at] = order[i];
            }
            long[] tb = bits;
            bits = bitsBuffer;
            bitsBuffer = tb;
            int[] to = order;
            order = orderBuffer;
            orderBuffer = to;
        }
        return order;
    }

    static int[] mergeDescending(double[] keys, int n) {
        int[] order = new int[n];
        double[] sortedKeys = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sortedKeys[i] = keys[i];
        }
        int[] orderBuffer = new int[n];
        double[] keyBuffer = new double[n];
        for (int from = 0; from < n; from += INSERTION_LIMIT) {
            insertionSort(order, sortedKeys, from, Math.min(n, from + INSERTION_LIMIT));
        }
        int[] a = order;
        double[] ak = sortedKeys;
        int[] b = orderBuffer;
        double[] bk = keyBuffer;
        for (int width = INSERTION_LIMIT; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int mid = Math.min(n, from + width);
                int to = Math.min(n, from + 2 * width);
                merge(a, ak, b, bk, from, mid, to);
            }
            int[] t = a;
            a = b;
            b = t;
            double[] tk = ak;
            ak = bk;
            bk = tk;
        }
        return a;
    }

    private static void merge(int[] a, double[] ak, int[] out, double[] outKeys, int from, int mid, int to) {
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && ak[i] >= ak[j])) {
                out[k] = a[i];
                outKeys[k] = ak[i++];
            } else {
                out[k] = a[j];
                outKeys[k] = ak[j++];
            }
        }
    }

    private static void insertionSort(int[] a, double[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            double key = keys[i];
            int j = i - 1;
            while (j >= from && keys[j] < key) {
                a[j + 1] = a[j];
                keys[j + 1] = keys[j];
                j--;
            }
            a[j + 1] = v;
            keys[j + 1] = key;
        }
    }
}

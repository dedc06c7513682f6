package org.losslab.engine.seg;

/**
 * A stable sort of indices by a double key, on primitive arrays: the order Lovasz losses need (errors
 * descending, ties by position) without boxing a quarter of a million Integers per frame.
 */
public final class IndexSort {
    private IndexSort() {
    }

    /** Indices 0..n-1 ordered by {@code keys} descending; equal keys keep their index order. */
    public static int[] descending(double[] keys, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        mergeSort(order, buffer, keys, 0, n);
        return order;
    }

    private static void mergeSort(int[] a, int[] buf, double[] keys, int from, int to) {
        if (to - from < 24) {
            insertionSort(a, keys, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, keys, from, mid);
        mergeSort(a, buf, keys, mid, to);
        if (keys[a[mid - 1]] >= keys[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, buf, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && keys[buf[i]] >= keys[buf[j]])) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }

    private static void insertionSort(int[] a, double[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            double key = keys[v];
            int j = i - 1;
            while (j >= from && keys[a[j]] < key) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}

package org.losslab.engine.coco;

import java.util.Arrays;

/** A growable array of ints: the pool that holds every mask's run lengths one after the other. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public int size() {
        return size;
    }

    public int get(int i) {
        return values[i];
    }

    /** The backing array; valid up to {@link #size()} until the next append. */
    public int[] array() {
        return values;
    }

    public void add(int v) {
        if (size == values.length) {
            grow(size + 1);
        }
        values[size++] = v;
    }

    public void addAll(int[] source, int offset, int length) {
        if (size + length > values.length) {
            grow(size + length);
        }
        System.arraycopy(source, offset, values, size, length);
        size += length;
    }

    /** Makes room for {@code total} values in all, so that appends up to that size copy nothing more. */
    public void reserve(long total) {
        if (total > values.length) {
            if (total > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("more than 2^31 run lengths");
            }
            values = Arrays.copyOf(values, (int) total);
        }
    }

    /** Makes room for {@code more} values after the last, growing as appends do (at least doubling). */
    public void ensureRoom(int more) {
        if ((long) size + more > values.length) {
            grow((int) Math.min(Integer.MAX_VALUE, (long) size + more));
        }
    }

    /** Takes the values written directly into {@link #array()} up to {@code newSize} (within its length) as the list's. */
    public void setSize(int newSize) {
        if (newSize > values.length) {
            throw new IllegalArgumentException("size " + newSize + " beyond the capacity " + values.length);
        }
        size = newSize;
    }

    public void set(int i, int v) {
        values[i] = v;
    }

    /** Forgets everything from {@code newSize} on. */
    public void truncate(int newSize) {
        size = newSize;
    }

    public void clear() {
        size = 0;
    }

    private void grow(int needed) {
        long larger = Math.max(needed, (long) values.length * 2);
        if (larger > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("more than 2^31 run lengths");
        }
        values = Arrays.copyOf(values, (int) larger);
    }
}
